package io.aftercare.reporting;

import io.aftercare.adversereaction.AdverseReactionSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisors' reports, one {@link ReportDefinition} each, by name. Each reads the tables kept
 * for reporting (clocks and their daily roll-ups, escalations, notifications, complaints,
 * satisfaction, adverse reactions, report_process / report_task), never Camunda's history. A
 * figure and the list of cases behind it select the same rows ({@link ReportSql}; a finished
 * clock's day in the roll-ups is the day it started, as the case list counts it), so a click on a
 * figure lists exactly the cases it counts.
 */
@Service
public class Reports {

  static final int CASE_LIST_LIMIT = 200;

  private final Map<String, ReportDefinition> definitions = new TreeMap<>();
  private final ReportSql sql;

  Reports(List<ReportDefinition> definitions, ReportSql sql) {
    definitions.forEach(definition -> {
      if (this.definitions.put(definition.name(), definition) != null) {
        throw new IllegalStateException("Two reports are named " + definition.name());
      }
    });
    this.sql = sql;
  }

  /** Every report, as the application has them (for tools outside Spring, such as the benchmark). */
  static Reports all(JdbcClient jdbc, AdverseReactionSettings safety) {
    ReportSql sql = new ReportSql(jdbc);
    return new Reports(List.of(new ServiceLevelReport(sql), new BacklogReport(sql), new EscalationReport(sql),
        new VolumeReport(sql), new SatisfactionReport(sql), new SafetyReport(sql, safety), new NotificationReport(sql)),
        sql);
  }

  /** The reports' names, as in {@code /api/reports/{name}}. */
  public Set<String> names() {
    return definitions.keySet();
  }

  /** The figure filters a report's case list accepts. */
  public Set<String> figureFilters(String name) {
    ReportDefinition definition = definitions.get(name);
    return definition == null ? Set.of() : definition.figureFilters();
  }

  /** A figure filter's value as the SQL compares it; an IllegalArgumentException (or a parse error) when it is not one. */
  static Object figureValue(String key, String value) {
    return ReportSql.figureValue(key, value);
  }

  /**
   * One report, read in one read-only transaction with one snapshot for all its figures (repeatable
   * read: a clock finishing meanwhile is counted once, either open or in its day's roll-up).
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Report report(String name, ReportFilter filter) {
    sql.tuneSession();
    return definition(name).run(filter);
  }

  @Transactional(readOnly = true)
  public Report.Cases cases(String name, ReportFilter filter, Map<String, String> figure) {
    sql.tuneSession();
    ReportDefinition.CaseSource caseSource = definition(name).caseSource(figure);
    ReportSql.Source source = caseSource.source();
    List<String> conditions = new ArrayList<>(caseSource.conditions());
    Map<String, Object> params = new HashMap<>();
    if (figure.containsKey("week")) {
      conditions.add(sql.week("x.occurred_at", filter) + " = :week");
      params.put("week", ReportSql.figureValue("week", figure.get("week")));
    }
    if (figure.containsKey("period")) {
      conditions.add(sql.bucket(source.time(), filter) + " = :period");
      params.put("period", ReportSql.figureValue("period", figure.get("period")));
    }
    figure.forEach((key, value) -> {
      String condition = source.drill().get(key);
      if (condition != null) {
        conditions.add(condition);
        params.put(key, ReportSql.figureValue(key, value));
      }
    });
    List<Map<String, Object>> rows = sql.query(source, filter, "x.case_number as case_number",
        String.join(" and ", conditions.isEmpty() ? List.of("1 = 1") : conditions) + " and x.case_number is not null",
        "x.case_number", "x.case_number desc fetch first " + (CASE_LIST_LIMIT + 1) + " rows only", params, null);
    List<String> numbers = rows.stream().map(r -> (String) r.get("case_number")).toList();
    boolean truncated = numbers.size() > CASE_LIST_LIMIT;
    List<String> shown = truncated ? numbers.subList(0, CASE_LIST_LIMIT) : numbers;
    Map<String, Report.CaseRef> refs = new HashMap<>();
    if (!shown.isEmpty()) {
      sql.jdbc().sql("select case_number, opened_at, market, channel from case_file where case_number in (:numbers)")
          .param("numbers", shown)
          .query((rs, n) -> new Report.CaseRef(rs.getString("case_number"), rs.getTimestamp("opened_at").toInstant(),
              rs.getString("market"), rs.getString("channel")))
          .list().forEach(ref -> refs.put(ref.caseNumber(), ref));
    }
    return new Report.Cases(name, shown.stream()
        .map(number -> refs.getOrDefault(number, new Report.CaseRef(number, null, null, null))).toList(), truncated);
  }

  private ReportDefinition definition(String name) {
    ReportDefinition definition = definitions.get(name);
    if (definition == null) {
      throw new IllegalArgumentException("No report " + name);
    }
    return definition;
  }
}
