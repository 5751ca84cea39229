package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import io.aftercare.adversereaction.AdverseReactionSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Adverse reactions by seriousness and market, regulatory reports on time, late and open, and batch signals now. */
@Component
class SafetyReport implements ReportDefinition {

  static final List<String> COLUMNS = List.of("section", "seriousness", "market", "target", "sku",
      "batch", "cases", "onTime", "late", "open");
  static final String REGULATORY = "(x.target like 'adverse.regulatory.%' or x.target like 'adverse.followup.%')";

  private final ReportSql sql;
  private final AdverseReactionSettings safety;

  SafetyReport(ReportSql sql, AdverseReactionSettings safety) {
    this.sql = sql;
    this.safety = safety;
  }

  @Override
  public String name() {
    return "safety";
  }

  @Override
  public Set<String> figureFilters() {
    return Set.of("seriousness", "sku", "batch", "target", "status", "breached");
  }

  @Override
  public CaseSource caseSource(Map<String, String> figure) {
    return figure.containsKey("target") || figure.containsKey("status") || figure.containsKey("breached")
        ? new CaseSource(CLOCKS, List.of(REGULATORY)) : new CaseSource(REACTIONS, List.of());
  }

  /**
   * Adverse reactions by seriousness and market; regulatory reports (their clocks) on time, late
   * and open; batch signals now: batches with enough reports within the signal window, with the
   * signal reviews still open.
   */
  @Override
  public Report run(ReportFilter filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : sql.query(REACTIONS, filter, "coalesce(x.seriousness, 'unassessed') as seriousness,"
        + " x.market as market, count(*) as cases", null, "coalesce(x.seriousness, 'unassessed'), x.market", "1, 2")) {
      out.add(line(COLUMNS, "reactions", row.get("seriousness"), row.get("market"), null, null, null,
          number(row, "cases"), null, null, null));
    }
    // the regulatory reports not cancelled: finished from the daily roll-ups, open from the clocks
    ClockTallies.of(sql, filter, REGULATORY).forEach((key, tally) -> {
      if (tally.clocks() > tally.cancelled) {
        out.add(line(COLUMNS, "reports", null, key.get(1), key.get(0), null, null,
            tally.clocks() - tally.cancelled, tally.metOnTime, tally.metLate + tally.openBreached, tally.open));
      }
    });
    Instant windowStart = filter.now().atZone(filter.zone()).minus(safety.batchWindow()).toInstant();
    Source signals = new Source(REACTIONS.from(), null, REACTIONS.market(), REACTIONS.channel(), Map.of());
    Map<List<Object>, Long> openReviews = new HashMap<>();
    sql.jdbc().sql("select a.sku, a.lot_number, count(*) as reviews from report_task t"
            + " join adverse_reaction a on a.case_number = t.case_number"
            + " where t.process_key = 'adverseReactionReport' and t.stage = ? and t.ended_at is null"
            + " group by a.sku, a.lot_number")
        .param(Stages.REVIEW_BATCH_SIGNAL)
        .query((rs, n) -> openReviews.put(List.of(rs.getString(1), String.valueOf(rs.getString(2))), rs.getLong(3)))
        .list();
    for (Map<String, Object> row : sql.query(signals, filter, "x.sku as sku, x.lot_number as batch, count(*) as cases",
        "x.lot_number is not null and x.received_at >= :windowStart", "x.sku, x.lot_number",
        "3 desc, 1, 2", Map.of("windowStart", Timestamp.from(windowStart)), "count(*) >= " + safety.batchThreshold())) {
      out.add(line(COLUMNS, "signals", null, null, null, row.get("sku"), row.get("batch"), number(row, "cases"),
          null, null, openReviews.getOrDefault(List.of(row.get("sku"), String.valueOf(row.get("batch"))), 0L)));
    }
    return sql.report("safety", filter, COLUMNS, out);
  }
}
