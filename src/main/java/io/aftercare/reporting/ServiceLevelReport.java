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

  /** Per clock target: met on time / late, open, breached, % on time, median and p90 time to meet (net of pauses). */
  @Override
  public Report run(ReportFilter filter) {
    List<Map<String, Object>> rows = sql.query(CLOCKS, filter, "x.target as target, count(*) as clocks, "
            + count(CLOCK_STATUS + " = 'met-on-time'") + " as met_on_time, "
            + count(CLOCK_STATUS + " = 'met-late'") + " as met_late, "
            + count(CLOCK_STATUS + " = 'open'") + " as open_on_track, "
            + count(CLOCK_STATUS + " = 'open-breached'") + " as open_breached, "
            + count(CLOCK_STATUS + " = 'cancelled'") + " as cancelled, "
            + "percentile_cont(0.5) within group (order by x.elapsed_seconds) as median_seconds, "
            + "percentile_cont(0.9) within group (order by x.elapsed_seconds) as p90_seconds",
        null, "x.target", "x.target");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      long onTime = number(row, "met_on_time");
      long late = number(row, "met_late");
      long openBreached = number(row, "open_breached");
      out.add(line(COLUMNS, row.get("target"), number(row, "clocks"), onTime + late, onTime, late,
          number(row, "open_on_track") + openBreached, openBreached, late + openBreached, number(row, "cancelled"),
          percent(onTime, onTime + late + openBreached), minutes(row.get("median_seconds")),
          minutes(row.get("p90_seconds"))));
    }
    return sql.report("service-levels", filter, COLUMNS, out);
  }
}
