package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Escalations per week (Monday, in the filter's zone), level and team. */
@Component
class EscalationReport implements ReportDefinition {

  static final List<String> COLUMNS = List.of("week", "level", "team", "escalations", "cases");
  /** Escalations, each with the team it counts for (written with it, sla.Escalations). */
  static final Source ESCALATIONS = new Source("escalation x", "x.occurred_at", "c.market", "c.channel",
      Map.of("level", "x.level = :level", "team", "x.team = :team", "target", "x.target = :target"));

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

  /**
   * Escalations per week (Monday, in the filter's zone), level and team, with the cases they
   * escalated. A week wholly in the period counts its cases by the escalations marked as their
   * case's first of the week at that level and team; a week the period cuts counts the distinct
   * cases of its days in the period.
   */
  @Override
  public Report run(ReportFilter filter) {
    LocalDate from = filter.from();
    LocalDate to = filter.to();
    LocalDate wholeFrom = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    LocalDate wholeTo = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    Map<List<Object>, long[]> weeks = new TreeMap<>(WEEK_LEVEL_TEAM);
    if (wholeFrom.isBefore(wholeTo)) {
      String first = filter.market() == null ? "x.first_of_week_utc" : "x.first_of_week_local";
      tally(weeks, within(filter, wholeFrom, wholeTo), count(first));
      if (from.isBefore(wholeFrom)) {
        tally(weeks, within(filter, from, wholeFrom.minusDays(1)), "count(distinct x.case_number)");
      }
      if (wholeTo.isBefore(to)) {
        tally(weeks, within(filter, wholeTo.plusDays(1), to), "count(distinct x.case_number)");
      }
    } else {
      tally(weeks, filter, "count(distinct x.case_number)");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    weeks.forEach((key, counts) -> out.add(line(COLUMNS, key.get(0), key.get(1), key.get(2), counts[0], counts[1])));
    return sql.report("escalations", filter, COLUMNS, out);
  }

  private static final Comparator<List<Object>> WEEK_LEVEL_TEAM = Comparator
      .comparing((List<Object> key) -> (LocalDate) key.get(0))
      .thenComparing(key -> (Long) key.get(1))
      .thenComparing(key -> (String) key.get(2));

  private static ReportFilter within(ReportFilter filter, LocalDate from, LocalDate to) {
    return new ReportFilter(from, to, filter.market(), filter.channel(), filter.now());
  }

  /** Adds the escalations of a part of the period per week, level and team, and their cases as {@code cases} counts them. */
  private void tally(Map<List<Object>, long[]> weeks, ReportFilter part, String cases) {
    String week = sql.week("x.occurred_at", part);
    for (Map<String, Object> row : sql.query(ESCALATIONS, part, week + " as week, x.level as level, x.team as team,"
        + " count(*) as escalations, " + cases + " as cases", null, week + ", x.level, x.team", null)) {
      long[] counts = weeks.computeIfAbsent(List.of(date(row.get("week")), number(row, "level"), row.get("team")),
          key -> new long[2]);
      counts[0] += number(row, "escalations");
      counts[1] += number(row, "cases");
    }
  }
}
