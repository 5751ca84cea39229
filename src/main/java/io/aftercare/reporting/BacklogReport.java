package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Open cases (by process and stage) and open tasks (by process, stage and team) now, with ageing and overdue counts. */
@Component
class BacklogReport implements ReportDefinition {

  static final List<String> COLUMNS = List.of("kind", "process", "processName", "stage", "team", "open",
      "under4h", "from4to24h", "from1to3d", "over3d", "overdue");
  static final Source OPEN_TASKS = new Source("report_task x", null, "x.market", "x.channel",
      Map.of("process", "x.process_key = :process", "stage", "x.stage = :stage",
          "team", "coalesce(x.team, '(none)') = :team", "age", AGE.formatted("x.created_at") + " = :age",
          "overdue", "(x.due_at < :now) = :overdue"));
  static final Source OPEN_CASES = new Source("report_process x", null, "x.market", "x.channel",
      Map.of("process", "x.process_key = :process", "stage", "coalesce(x.stage, '(moving)') = :stage",
          "age", AGE.formatted("x.started_at") + " = :age", "overdue", "(" + CASE_OVERDUE + " > 0) = :overdue"));

  private final ReportSql sql;

  BacklogReport(ReportSql sql) {
    this.sql = sql;
  }

  @Override
  public String name() {
    return "backlog";
  }

  @Override
  public Set<String> figureFilters() {
    return Set.of("kind", "process", "stage", "team", "age", "overdue");
  }

  @Override
  public CaseSource caseSource(Map<String, String> figure) {
    return new CaseSource("task".equals(figure.get("kind")) ? OPEN_TASKS : OPEN_CASES, List.of("x.ended_at is null"));
  }

  /** Open cases (by process and stage) and open tasks (by process, stage and team) now, with ageing and overdue counts. */
  @Override
  public Report run(ReportFilter filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : sql.query(OPEN_CASES, filter, "x.process_key as process, max(x.process_name) as process_name,"
            + " coalesce(x.stage, '(moving)') as stage, count(*) as open, " + ageing("x.started_at")
            + ", " + count(CASE_OVERDUE + " > 0") + " as overdue",
        "x.ended_at is null", "x.process_key, coalesce(x.stage, '(moving)')", "x.process_key, coalesce(x.stage, '(moving)')")) {
      out.add(backlogLine("case", row, null));
    }
    Map<Object, Object> names = new HashMap<>();
    out.forEach(line -> names.put(line.get("process"), line.get("processName")));
    for (Map<String, Object> row : sql.query(OPEN_TASKS, filter, "x.process_key as process,"
            + " x.stage as stage, coalesce(x.team, '(none)') as team, count(*) as open, " + ageing("x.created_at")
            + ", " + count("x.due_at < :now") + " as overdue",
        "x.ended_at is null", "x.process_key, x.stage, coalesce(x.team, '(none)')",
        "x.process_key, x.stage, coalesce(x.team, '(none)')")) {
      row.put("process_name", names.getOrDefault(row.get("process"), row.get("process")));
      out.add(backlogLine("task", row, (String) row.get("team")));
    }
    return sql.report("backlog", filter, COLUMNS, out);
  }
  private static Map<String, Object> backlogLine(String kind, Map<String, Object> row, String team) {
    return line(COLUMNS, kind, row.get("process"), row.get("process_name"), row.get("stage"), team,
        number(row, "open"), number(row, "under_4h"), number(row, "from_4_to_24h"), number(row, "from_1_to_3d"),
        number(row, "over_3d"), number(row, "overdue"));
  }
  private static String ageing(String column) {
    String age = AGE.formatted(column);
    return count(age + " = 'under-4h'") + " as under_4h, " + count(age + " = '4-24h'") + " as from_4_to_24h, "
        + count(age + " = '1-3d'") + " as from_1_to_3d, " + count(age + " = 'over-3d'") + " as over_3d";
  }
}
