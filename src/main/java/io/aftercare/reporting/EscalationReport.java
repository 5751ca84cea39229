package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Escalations per week (Monday, in the filter's zone), level and team. */
@Component
class EscalationReport implements ReportDefinition {

  static final List<String> COLUMNS = List.of("week", "level", "team", "escalations", "cases");
  static final String ESCALATION_TEAM = "coalesce((select t.team from report_task t where t.task_id = x.task_id),"
      + " x.candidate_groups, '(no task)')";
  static final Source ESCALATIONS = new Source("escalation x", "x.occurred_at", "c.market", "c.channel",
      Map.of("level", "x.level = :level", "team", ESCALATION_TEAM + " = :team", "target", "x.target = :target"));

  private final ReportSql sql;

  EscalationReport(ReportSql sql) {
    this.sql = sql;
  }

  @Override
  public String name() {
    return "escalations";
  }

  @Override
  public Set<String> figureFilters() {
    return Set.of("level", "team", "target", "week");
  }

  @Override
  public CaseSource caseSource(Map<String, String> figure) {
    return new CaseSource(ESCALATIONS, List.of());
  }

  /** Escalations per week (Monday, in the market's zone), level and team. */
  @Override
  public Report run(ReportFilter filter) {
    String week = sql.week("x.occurred_at", filter);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : sql.query(ESCALATIONS, filter, week + " as week, x.level as level, "
        + ESCALATION_TEAM + " as team, count(*) as escalations, count(distinct x.case_number) as cases",
        null, week + ", x.level, " + ESCALATION_TEAM, "1, 2, 3")) {
      out.add(line(COLUMNS, date(row.get("week")), number(row, "level"), row.get("team"),
          number(row, "escalations"), number(row, "cases")));
    }
    return sql.report("escalations", filter, COLUMNS, out);
  }
}
