package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Volumes over time: cases per process, complaints per category and intake channel, top products and batches. */
@Component
class VolumeReport implements ReportDefinition {

  static final List<String> COLUMNS = List.of("dimension", "value", "sku", "period", "cases",
      "repeatCustomer", "repeatBatch");
  static final Source PROCESSES = new Source("report_process x", "x.started_at", "x.market", "x.channel",
      Map.of("process", "x.process_key = :process"));

  private final ReportSql sql;

  VolumeReport(ReportSql sql) {
    this.sql = sql;
  }

  @Override
  public String name() {
    return "volumes";
  }

  @Override
  public Set<String> figureFilters() {
    return Set.of("process", "category", "sku", "batch", "intakeChannel", "period", "repeat");
  }

  @Override
  public CaseSource caseSource(Map<String, String> figure) {
    return new CaseSource(figure.containsKey("process") ? PROCESSES : COMPLAINTS, List.of());
  }

  /**
   * Volumes over time (per day, or per week for long periods): cases per process, complaints per
   * category and intake channel with repeat counts; and the period's top products and batches.
   */
  @Override
  public Report run(ReportFilter filter) {
    String bucket = sql.bucket("x.started_at", filter);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : sql.query(PROCESSES, filter, "x.process_key as item, " + bucket + " as period,"
        + " count(*) as cases", null, "x.process_key, " + bucket, "2, 1")) {
      out.add(volumeLine("process", row));
    }
    // complaints by category and by intake channel in one reading, products and batches in another
    String received = sql.bucket("x.received_at", filter);
    String repeats = ", " + count("x.repeat_customer") + " as repeat_customer, " + count("x.repeat_batch") + " as repeat_batch";
    Map<List<Object>, long[]> byCategory = new TreeMap<>(PERIOD_THEN_ITEM);
    Map<List<Object>, long[]> byIntake = new TreeMap<>(PERIOD_THEN_ITEM);
    for (Map<String, Object> row : sql.query(COMPLAINTS, filter, "coalesce(x.category, 'UNTRIAGED') as category,"
        + " x.intake_channel as intake, " + received + " as period, count(*) as cases" + repeats, null,
        "coalesce(x.category, 'UNTRIAGED'), x.intake_channel, " + received, null)) {
      LocalDate period = date(row.get("period"));
      addUp(byCategory, Arrays.asList(period, row.get("category"), null), row);
      addUp(byIntake, Arrays.asList(period, row.get("intake"), null), row);
    }
    byCategory.forEach((key, sums) -> out.add(volumeLine("category", key, sums)));
    byIntake.forEach((key, sums) -> out.add(volumeLine("intakeChannel", key, sums)));
    Map<List<Object>, long[]> bySku = new HashMap<>();
    Map<List<Object>, long[]> byBatch = new HashMap<>();
    for (Map<String, Object> row : sql.query(COMPLAINTS, filter, "x.sku as sku, x.lot_number as batch, count(*) as cases"
        + repeats, null, "x.sku, x.lot_number", null)) {
      addUp(bySku, Arrays.asList(null, row.get("sku"), null), row);
      if (row.get("batch") != null) {
        addUp(byBatch, Arrays.asList(null, row.get("batch"), row.get("sku")), row);
      }
    }
    top(bySku).forEach(entry -> out.add(volumeLine("sku", entry.getKey(), entry.getValue())));
    top(byBatch).forEach(entry -> out.add(volumeLine("batch", entry.getKey(), entry.getValue())));
    return sql.report("volumes", filter, COLUMNS, out);
  }
  /** A volume row; the repeat counts only where the rows are complaints. */
  private static Map<String, Object> volumeLine(String dimension, Map<String, Object> row) {
    return line(COLUMNS, dimension, row.get("item"), row.get("sku"), date(row.get("period")),
        number(row, "cases"), row.containsKey("repeat_customer") ? number(row, "repeat_customer") : null,
        row.containsKey("repeat_batch") ? number(row, "repeat_batch") : null);
  }

  /** A row of complaints: the key is (period, item, sku), the sums (cases, repeat customers, repeat batches). */
  private static Map<String, Object> volumeLine(String dimension, List<Object> key, long[] sums) {
    return line(COLUMNS, dimension, key.get(1), key.get(2), key.get(0), sums[0], sums[1], sums[2]);
  }

  private static final Comparator<List<Object>> PERIOD_THEN_ITEM = Comparator
      .comparing((List<Object> key) -> (LocalDate) key.get(0))
      .thenComparing(key -> String.valueOf(key.get(1)));

  private static void addUp(Map<List<Object>, long[]> sums, List<Object> key, Map<String, Object> row) {
    long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
    sum[0] += number(row, "cases");
    sum[1] += number(row, "repeat_customer");
    sum[2] += number(row, "repeat_batch");
  }

  /** The 20 with the most complaints (ties by name). */
  private static List<Map.Entry<List<Object>, long[]>> top(Map<List<Object>, long[]> sums) {
    return sums.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<List<Object>, long[]> entry) -> -entry.getValue()[0])
            .thenComparing(entry -> String.valueOf(entry.getKey().get(1))))
        .limit(20).toList();
  }
}
