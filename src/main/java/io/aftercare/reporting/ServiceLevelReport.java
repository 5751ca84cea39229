package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Per clock target: met on time and late, open, breached, % on time, median and p90 time to meet. */
@Component
class ServiceLevelReport implements ReportDefinition {

  static final List<String> COLUMNS = List.of("target", "clocks", "met", "metOnTime", "metLate",
      "open", "openBreached", "breached", "cancelled", "onTimePercent", "medianMinutes", "p90Minutes");

  private final ReportSql sql;

  ServiceLevelReport(ReportSql sql) {
    this.sql = sql;
  }

  @Override
  public String name() {
    return "service-levels";
  }

  @Override
  public Set<String> figureFilters() {
    return Set.of("target", "status", "breached");
  }

  @Override
  public CaseSource caseSource(Map<String, String> figure) {
    return new CaseSource(CLOCKS, List.of());
  }

  /**
   * Per clock target: met on time / late, open, breached, % on time, median and p90 time to meet
   * (net of pauses). Finished clocks come from the daily roll-ups, their medians from its histograms.
   */
  @Override
  public Report run(ReportFilter filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    ClockTallies.byTarget(ClockTallies.of(sql, filter, null)).forEach((target, tally) -> {
      long onTime = tally.metOnTime;
      long late = tally.metLate;
      long openBreached = tally.openBreached;
      out.add(line(COLUMNS, target, tally.clocks(), onTime + late, onTime, late, tally.open + openBreached,
          openBreached, late + openBreached, tally.cancelled, percent(onTime, onTime + late + openBreached),
          minutes(tally.elapsed.percentile(0.5)), minutes(tally.elapsed.percentile(0.9))));
    });
    return sql.report("service-levels", filter, COLUMNS, out);
  }
}
