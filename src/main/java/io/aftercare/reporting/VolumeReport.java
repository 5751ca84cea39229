package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import java.util.ArrayList;
import java.util.List;
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
    String received = sql.bucket("x.received_at", filter);
    String repeats = ", " + count("x.repeat_customer") + " as repeat_customer, " + count("x.repeat_batch") + " as repeat_batch";
    for (Map<String, Object> row : sql.query(COMPLAINTS, filter, "coalesce(x.category, 'UNTRIAGED') as item, "
        + received + " as period, count(*) as cases" + repeats, null,
        "coalesce(x.category, 'UNTRIAGED'), " + received, "2, 1")) {
      out.add(volumeLine("category", row));
    }
    for (Map<String, Object> row : sql.query(COMPLAINTS, filter, "x.intake_channel as item, " + received + " as period,"
        + " count(*) as cases" + repeats, null, "x.intake_channel, " + received, "2, 1")) {
      out.add(volumeLine("intakeChannel", row));
    }
    for (Map<String, Object> row : sql.query(COMPLAINTS, filter, "x.sku as item, count(*) as cases" + repeats, null,
        "x.sku", "count(*) desc, x.sku fetch first 20 rows only")) {
      out.add(volumeLine("sku", row));
    }
    for (Map<String, Object> row : sql.query(COMPLAINTS, filter, "x.sku as sku, x.lot_number as item, count(*) as cases"
        + repeats, "x.lot_number is not null", "x.sku, x.lot_number",
        "count(*) desc, x.lot_number fetch first 20 rows only")) {
      out.add(volumeLine("batch", row));
    }
    return sql.report("volumes", filter, COLUMNS, out);
  }
  /** A volume row; the repeat counts only where the rows are complaints. */
  private static Map<String, Object> volumeLine(String dimension, Map<String, Object> row) {
    return line(COLUMNS, dimension, row.get("item"), row.get("sku"), date(row.get("period")),
        number(row, "cases"), row.containsKey("repeat_customer") ? number(row, "repeat_customer") : null,
        row.containsKey("repeat_batch") ? number(row, "repeat_batch") : null);
  }
}
