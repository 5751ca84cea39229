package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** CSAT, NPS and resolved rate of the answers, and the reopen rate of complaints, in all, by team and by category. */
@Component
class SatisfactionReport implements ReportDefinition {

  static final List<String> COLUMNS = List.of("dimension", "value", "answers", "csatAverage",
      "csat1", "csat2", "csat3", "csat4", "csat5", "npsAnswers", "nps", "resolvedPercent", "complaints", "reopened",
      "reopenPercent");
  /** The answers, each with the team and category it counts for (written with it, callback.CallbackRecords). */
  static final Source ANSWERS = new Source("satisfaction x", "x.answered_at", "c.market", "c.channel",
      Map.of("team", "x.team = :team", "category", "x.category = :category",
          "csat", "x.csat = :csat", "resolved", "x.resolved = :resolved"));

  private final ReportSql sql;

  SatisfactionReport(ReportSql sql) {
    this.sql = sql;
  }

  @Override
  public String name() {
    return "satisfaction";
  }

  @Override
  public Set<String> figureFilters() {
    return Set.of("team", "category", "csat", "resolved", "reopened");
  }

  @Override
  public CaseSource caseSource(Map<String, String> figure) {
    return new CaseSource(figure.containsKey("reopened") ? COMPLAINTS : ANSWERS, List.of());
  }

  /**
   * Satisfaction answered in the period (CSAT average and distribution, NPS, resolved rate; an
   * answer by the team and category its case had when answered) and the reopen rate of the
   * period's complaints, in all, by team and by category.
   */
  @Override
  public Report run(ReportFilter filter) {
    Map<String, Map<String, Long>> sums = new TreeMap<>();
    for (Map<String, Object> row : sql.query(ANSWERS, filter, "x.team as team, x.category as category,"
        + " count(*) as answers, sum(x.csat) as csat_sum, " + count("x.csat = 1") + " as csat1, "
        + count("x.csat = 2") + " as csat2, " + count("x.csat = 3") + " as csat3, " + count("x.csat = 4") + " as csat4, "
        + count("x.csat = 5") + " as csat5, count(x.nps) as nps_answers, " + count("x.nps >= 9") + " as promoters, "
        + count("x.nps <= 6") + " as detractors, " + count("x.resolved") + " as resolved", null,
        "x.team, x.category", "1, 2")) {
      addUp(sums, row, "answers", "csat_sum", "csat1", "csat2", "csat3", "csat4", "csat5", "nps_answers", "promoters",
          "detractors", "resolved");
    }
    // a complaint not yet triaged is with the agents (they triage)
    for (Map<String, Object> row : sql.query(COMPLAINTS, filter, "coalesce(x.team, 'agent') as team,"
        + " coalesce(x.category, 'UNTRIAGED') as category, count(*) as complaints, " + count("x.reopened > 0")
        + " as reopened", null, "coalesce(x.team, 'agent'), coalesce(x.category, 'UNTRIAGED')", "1, 2")) {
      addUp(sums, row, "complaints", "reopened");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    sums.forEach((key, s) -> {
      String[] parts = key.split("\u0000", 2);
      long answers = s.getOrDefault("answers", 0L);
      long npsAnswers = s.getOrDefault("nps_answers", 0L);
      long complaints = s.getOrDefault("complaints", 0L);
      long reopened = s.getOrDefault("reopened", 0L);
      out.add(line(COLUMNS, parts[0], parts[1], answers,
          answers == 0 ? null : round(s.get("csat_sum") / (double) answers, 2),
          s.getOrDefault("csat1", 0L), s.getOrDefault("csat2", 0L), s.getOrDefault("csat3", 0L),
          s.getOrDefault("csat4", 0L), s.getOrDefault("csat5", 0L), npsAnswers,
          npsAnswers == 0 ? null : round(100.0 * (s.get("promoters") - s.get("detractors")) / npsAnswers, 1),
          percent(s.getOrDefault("resolved", 0L), answers), complaints, reopened, percent(reopened, complaints)));
    });
    return sql.report("satisfaction", filter, COLUMNS, out);
  }
  /** Adds a (team, category) row into the totals, the team's and the category's sums. */
  private static void addUp(Map<String, Map<String, Long>> sums, Map<String, Object> row, String... columns) {
    for (String key : List.of("all\u0000all", "team\u0000" + row.get("team"), "category\u0000" + row.get("category"))) {
      Map<String, Long> s = sums.computeIfAbsent(key, k -> new HashMap<>());
      for (String column : columns) {
        s.merge(column, number(row, column), Long::sum);
      }
    }
  }
}
