package io.aftercare.reporting;

import io.aftercare.adversereaction.AdverseReactionSettings;
import io.aftercare.sla.SlaClock;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisors' reports. Each reads the tables kept for reporting (clocks, escalations,
 * notifications, complaints, satisfaction, adverse reactions, report_process / report_task), never
 * Camunda's history. A figure and the list of cases behind it use the same SQL pieces, so a
 * click on a figure lists exactly the cases it counts.
 */
@Service
public class Reports {

  /** The reports, by the name in {@code /api/reports/{name}}. */
  public static final Set<String> NAMES = Set.of("service-levels", "backlog", "escalations", "volumes",
      "satisfaction", "safety", "notifications");

  static final int CASE_LIST_LIMIT = 200;
  static final String REPORT_WORK_MEM = "64MB";

  /** Where a clock stands; the service-level figures and their case lists both use it. */
  /** Where a clock stands (met on time only when stopped by its due time); figures and case lists both use it. */
  private static final String CLOCK_STATUS = SlaClock.STATUS_SQL;
  /** How long an open task or case has been waiting. */
  private static final String AGE = "case when %1$s > :h4 then 'under-4h' when %1$s > :h24 then '4-24h'"
      + " when %1$s > :d3 then '1-3d' else 'over-3d' end";
  private static final String CASE_OVERDUE = "(select count(*) from sla_clock k where k.case_number = x.case_number"
      + " and ((k.state = 'RUNNING' and k.due_at < :now) or (k.state = 'PAUSED' and k.paused_at > k.due_at)))";
  private static final String ESCALATION_TEAM = "coalesce((select t.team from report_task t where t.task_id = x.task_id),"
      + " x.candidate_groups, '(no task)')";
  private static final String SATISFACTION_TEAM = "coalesce(k.team, case b.reason when 'RETURN_COMPLETED' then 'returns'"
      + " when 'ADVERSE_FOLLOWUP' then 'safety' else 'agent' end)";
  private static final String SATISFACTION_CATEGORY = "coalesce(k.category,"
      + " case when k.case_number is not null then 'UNTRIAGED' else b.reason end)";
  private static final String REGULATORY = "(x.target like 'adverse.regulatory.%' or x.target like 'adverse.followup.%')";

  /**
   * Where a report's rows come from: the table (alias {@code x}) and its joins, the column the
   * period applies to (none: the state now), the market and channel columns ({@code c.} = the case
   * file, joined when filtered), and the case-list filters a figure's link may carry.
   */
  private record Source(String from, String time, String market, String channel, Map<String, String> drill) {}

  private static final Source CLOCKS = new Source("sla_clock x", "x.started_at", "x.market", "c.channel",
      Map.of("target", "x.target = :target", "status", CLOCK_STATUS + " = :status",
          "breached", "(" + CLOCK_STATUS + " in ('met-late', 'open-breached')) = :breached"));
  private static final Source OPEN_TASKS = new Source("report_task x", null, "x.market", "x.channel",
      Map.of("process", "x.process_key = :process", "stage", "x.stage = :stage",
          "team", "coalesce(x.team, '(none)') = :team", "age", AGE.formatted("x.created_at") + " = :age",
          "overdue", "(x.due_at < :now) = :overdue"));
  private static final Source OPEN_CASES = new Source("report_process x", null, "x.market", "x.channel",
      Map.of("process", "x.process_key = :process", "stage", "coalesce(x.stage, '(moving)') = :stage",
          "age", AGE.formatted("x.started_at") + " = :age", "overdue", "(" + CASE_OVERDUE + " > 0) = :overdue"));
  private static final Source ESCALATIONS = new Source("escalation x", "x.occurred_at", "c.market", "c.channel",
      Map.of("level", "x.level = :level", "team", ESCALATION_TEAM + " = :team", "target", "x.target = :target"));
  private static final Source COMPLAINTS = new Source("complaint x", "x.received_at", "c.market", "c.channel",
      Map.of("category", "coalesce(x.category, 'UNTRIAGED') = :category", "sku", "x.sku = :sku",
          "batch", "x.lot_number = :batch", "intakeChannel", "x.intake_channel = :intakeChannel",
          "team", "coalesce(x.team, 'agent') = :team", "reopened", "(x.reopened > 0) = :reopened",
          "repeat", "(x.repeat_customer or x.repeat_batch) = :repeat"));
  private static final Source PROCESSES = new Source("report_process x", "x.started_at", "x.market", "x.channel",
      Map.of("process", "x.process_key = :process"));
  private static final Source ANSWERS = new Source(
      "satisfaction x left join complaint k on k.case_number = x.case_number left join callback b on b.id = x.callback_id",
      "x.answered_at", "c.market", "c.channel",
      Map.of("team", SATISFACTION_TEAM + " = :team", "category", SATISFACTION_CATEGORY + " = :category",
          "csat", "x.csat = :csat", "resolved", "x.resolved = :resolved"));
  private static final Source REACTIONS = new Source("adverse_reaction x", "x.received_at", "x.market", "c.channel",
      Map.of("seriousness", "coalesce(x.seriousness, 'unassessed') = :seriousness", "sku", "x.sku = :sku",
          "batch", "x.lot_number = :batch"));
  private static final Source MESSAGES = new Source("notification x", "x.created_at", "c.market", "c.channel",
      Map.of("notificationChannel", "coalesce(x.channel, 'NONE') = :notificationChannel", "state", "x.state = :state",
          "audience", "x.audience = :audience"));

  /** Each report's columns: the JSON rows' keys and the CSV header, in this order. */
  private static final List<String> SERVICE_LEVEL_COLUMNS = List.of("target", "clocks", "met", "metOnTime", "metLate",
      "open", "openBreached", "breached", "cancelled", "onTimePercent", "medianMinutes", "p90Minutes");
  private static final List<String> BACKLOG_COLUMNS = List.of("kind", "process", "processName", "stage", "team", "open",
      "under4h", "from4to24h", "from1to3d", "over3d", "overdue");
  private static final List<String> ESCALATION_COLUMNS = List.of("week", "level", "team", "escalations", "cases");
  private static final List<String> VOLUME_COLUMNS = List.of("dimension", "value", "sku", "period", "cases",
      "repeatCustomer", "repeatBatch");
  private static final List<String> SATISFACTION_COLUMNS = List.of("dimension", "value", "answers", "csatAverage",
      "csat1", "csat2", "csat3", "csat4", "csat5", "npsAnswers", "nps", "resolvedPercent", "complaints", "reopened",
      "reopenPercent");
  private static final List<String> SAFETY_COLUMNS = List.of("section", "seriousness", "market", "target", "sku",
      "batch", "cases", "onTime", "late", "open");
  private static final List<String> NOTIFICATION_COLUMNS = List.of("notificationChannel", "audience", "total", "sent",
      "pending", "failed");

  private final JdbcClient jdbc;
  private final AdverseReactionSettings safety;
  private volatile Boolean postgres;

  Reports(JdbcClient jdbc, AdverseReactionSettings safety) {
    this.jdbc = jdbc;
    this.safety = safety;
  }

  /** One report, read in one read-only transaction (one snapshot for all its figures). */
  @Transactional(readOnly = true)
  public Report report(String name, ReportFilter filter) {
    tuneSession();
    return switch (name) {
      case "service-levels" -> serviceLevels(filter);
      case "backlog" -> backlog(filter);
      case "escalations" -> escalations(filter);
      case "volumes" -> volumes(filter);
      case "satisfaction" -> satisfaction(filter);
      case "safety" -> safety(filter);
      case "notifications" -> notifications(filter);
      default -> throw new IllegalArgumentException("No report " + name);
    };
  }

  /** Per clock target: met on time / late, open, breached, % on time, median and p90 time to meet (net of pauses). */
  Report serviceLevels(ReportFilter filter) {
    List<Map<String, Object>> rows = query(CLOCKS, filter, "x.target as target, count(*) as clocks, "
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
      out.add(line(SERVICE_LEVEL_COLUMNS, row.get("target"), number(row, "clocks"), onTime + late, onTime, late,
          number(row, "open_on_track") + openBreached, openBreached, late + openBreached, number(row, "cancelled"),
          percent(onTime, onTime + late + openBreached), minutes(row.get("median_seconds")),
          minutes(row.get("p90_seconds"))));
    }
    return report("service-levels", filter, SERVICE_LEVEL_COLUMNS, out);
  }

  /** Open cases (by process and stage) and open tasks (by process, stage and team) now, with ageing and overdue counts. */
  Report backlog(ReportFilter filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : query(OPEN_CASES, filter, "x.process_key as process, max(x.process_name) as process_name,"
            + " coalesce(x.stage, '(moving)') as stage, count(*) as open, " + ageing("x.started_at")
            + ", " + count(CASE_OVERDUE + " > 0") + " as overdue",
        "x.ended_at is null", "x.process_key, coalesce(x.stage, '(moving)')", "x.process_key, coalesce(x.stage, '(moving)')")) {
      out.add(backlogLine("case", row, null));
    }
    Map<Object, Object> names = new HashMap<>();
    out.forEach(line -> names.put(line.get("process"), line.get("processName")));
    for (Map<String, Object> row : query(OPEN_TASKS, filter, "x.process_key as process,"
            + " x.stage as stage, coalesce(x.team, '(none)') as team, count(*) as open, " + ageing("x.created_at")
            + ", " + count("x.due_at < :now") + " as overdue",
        "x.ended_at is null", "x.process_key, x.stage, coalesce(x.team, '(none)')",
        "x.process_key, x.stage, coalesce(x.team, '(none)')")) {
      row.put("process_name", names.getOrDefault(row.get("process"), row.get("process")));
      out.add(backlogLine("task", row, (String) row.get("team")));
    }
    return report("backlog", filter, BACKLOG_COLUMNS, out);
  }

  private static Map<String, Object> backlogLine(String kind, Map<String, Object> row, String team) {
    return line(BACKLOG_COLUMNS, kind, row.get("process"), row.get("process_name"), row.get("stage"), team,
        number(row, "open"), number(row, "under_4h"), number(row, "from_4_to_24h"), number(row, "from_1_to_3d"),
        number(row, "over_3d"), number(row, "overdue"));
  }

  private static String ageing(String column) {
    String age = AGE.formatted(column);
    return count(age + " = 'under-4h'") + " as under_4h, " + count(age + " = '4-24h'") + " as from_4_to_24h, "
        + count(age + " = '1-3d'") + " as from_1_to_3d, " + count(age + " = 'over-3d'") + " as over_3d";
  }

  /** Escalations per week (Monday, in the market's zone), level and team. */
  Report escalations(ReportFilter filter) {
    String week = week("x.occurred_at", filter);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : query(ESCALATIONS, filter, week + " as week, x.level as level, "
        + ESCALATION_TEAM + " as team, count(*) as escalations, count(distinct x.case_number) as cases",
        null, week + ", x.level, " + ESCALATION_TEAM, "1, 2, 3")) {
      out.add(line(ESCALATION_COLUMNS, date(row.get("week")), number(row, "level"), row.get("team"),
          number(row, "escalations"), number(row, "cases")));
    }
    return report("escalations", filter, ESCALATION_COLUMNS, out);
  }

  /**
   * Volumes over time (per day, or per week for long periods): cases per process, complaints per
   * category and intake channel with repeat counts; and the period's top products and batches.
   */
  Report volumes(ReportFilter filter) {
    String bucket = bucket("x.started_at", filter);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : query(PROCESSES, filter, "x.process_key as item, " + bucket + " as period,"
        + " count(*) as cases", null, "x.process_key, " + bucket, "2, 1")) {
      out.add(volumeLine("process", row));
    }
    String received = bucket("x.received_at", filter);
    String repeats = ", " + count("x.repeat_customer") + " as repeat_customer, " + count("x.repeat_batch") + " as repeat_batch";
    for (Map<String, Object> row : query(COMPLAINTS, filter, "coalesce(x.category, 'UNTRIAGED') as item, "
        + received + " as period, count(*) as cases" + repeats, null,
        "coalesce(x.category, 'UNTRIAGED'), " + received, "2, 1")) {
      out.add(volumeLine("category", row));
    }
    for (Map<String, Object> row : query(COMPLAINTS, filter, "x.intake_channel as item, " + received + " as period,"
        + " count(*) as cases" + repeats, null, "x.intake_channel, " + received, "2, 1")) {
      out.add(volumeLine("intakeChannel", row));
    }
    for (Map<String, Object> row : query(COMPLAINTS, filter, "x.sku as item, count(*) as cases" + repeats, null,
        "x.sku", "count(*) desc, x.sku fetch first 20 rows only")) {
      out.add(volumeLine("sku", row));
    }
    for (Map<String, Object> row : query(COMPLAINTS, filter, "x.sku as sku, x.lot_number as item, count(*) as cases"
        + repeats, "x.lot_number is not null", "x.sku, x.lot_number",
        "count(*) desc, x.lot_number fetch first 20 rows only")) {
      out.add(volumeLine("batch", row));
    }
    return report("volumes", filter, VOLUME_COLUMNS, out);
  }

  /** A volume row; the repeat counts only where the rows are complaints. */
  private static Map<String, Object> volumeLine(String dimension, Map<String, Object> row) {
    return line(VOLUME_COLUMNS, dimension, row.get("item"), row.get("sku"), date(row.get("period")),
        number(row, "cases"), row.containsKey("repeat_customer") ? number(row, "repeat_customer") : null,
        row.containsKey("repeat_batch") ? number(row, "repeat_batch") : null);
  }

  /**
   * Satisfaction answered in the period (CSAT average and distribution, NPS, resolved rate) and
   * the reopen rate of the period's complaints, in all, by team and by category.
   */
  Report satisfaction(ReportFilter filter) {
    Map<String, Map<String, Long>> sums = new TreeMap<>();
    for (Map<String, Object> row : query(ANSWERS, filter, SATISFACTION_TEAM + " as team, " + SATISFACTION_CATEGORY
        + " as category, count(*) as answers, sum(x.csat) as csat_sum, " + count("x.csat = 1") + " as csat1, "
        + count("x.csat = 2") + " as csat2, " + count("x.csat = 3") + " as csat3, " + count("x.csat = 4") + " as csat4, "
        + count("x.csat = 5") + " as csat5, count(x.nps) as nps_answers, " + count("x.nps >= 9") + " as promoters, "
        + count("x.nps <= 6") + " as detractors, " + count("x.resolved") + " as resolved", null,
        SATISFACTION_TEAM + ", " + SATISFACTION_CATEGORY, "1, 2")) {
      addUp(sums, row, "answers", "csat_sum", "csat1", "csat2", "csat3", "csat4", "csat5", "nps_answers", "promoters",
          "detractors", "resolved");
    }
    // a complaint not yet triaged is with the agents (they triage)
    for (Map<String, Object> row : query(COMPLAINTS, filter, "coalesce(x.team, 'agent') as team,"
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
      out.add(line(SATISFACTION_COLUMNS, parts[0], parts[1], answers,
          answers == 0 ? null : round(s.get("csat_sum") / (double) answers, 2),
          s.getOrDefault("csat1", 0L), s.getOrDefault("csat2", 0L), s.getOrDefault("csat3", 0L),
          s.getOrDefault("csat4", 0L), s.getOrDefault("csat5", 0L), npsAnswers,
          npsAnswers == 0 ? null : round(100.0 * (s.get("promoters") - s.get("detractors")) / npsAnswers, 1),
          percent(s.getOrDefault("resolved", 0L), answers), complaints, reopened, percent(reopened, complaints)));
    });
    return report("satisfaction", filter, SATISFACTION_COLUMNS, out);
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

  /**
   * Adverse reactions by seriousness and market; regulatory reports (their clocks) on time, late
   * and open; batch signals now: batches with enough reports within the signal window, with the
   * signal reviews still open.
   */
  Report safety(ReportFilter filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : query(REACTIONS, filter, "coalesce(x.seriousness, 'unassessed') as seriousness,"
        + " x.market as market, count(*) as cases", null, "coalesce(x.seriousness, 'unassessed'), x.market", "1, 2")) {
      out.add(line(SAFETY_COLUMNS, "reactions", row.get("seriousness"), row.get("market"), null, null, null,
          number(row, "cases"), null, null, null));
    }
    for (Map<String, Object> row : query(CLOCKS, filter, "x.target as target, x.market as market, count(*) as cases, "
        + count(CLOCK_STATUS + " = 'met-on-time'") + " as on_time, "
        + count(CLOCK_STATUS + " in ('met-late', 'open-breached')") + " as late, "
        + count(CLOCK_STATUS + " = 'open'") + " as open", REGULATORY + " and x.state <> 'CANCELLED'",
        "x.target, x.market", "1, 2")) {
      out.add(line(SAFETY_COLUMNS, "reports", null, row.get("market"), row.get("target"), null, null,
          number(row, "cases"), number(row, "on_time"), number(row, "late"), number(row, "open")));
    }
    Instant windowStart = filter.now().atZone(filter.zone()).minus(safety.batchWindow()).toInstant();
    Source signals = new Source(REACTIONS.from(), null, REACTIONS.market(), REACTIONS.channel(), Map.of());
    Map<List<Object>, Long> openReviews = new HashMap<>();
    jdbc.sql("select a.sku, a.lot_number, count(*) as reviews from report_task t"
            + " join adverse_reaction a on a.case_number = t.case_number"
            + " where t.process_key = 'adverseReactionReport' and t.stage = ? and t.ended_at is null"
            + " group by a.sku, a.lot_number")
        .param(Stages.REVIEW_BATCH_SIGNAL)
        .query((rs, n) -> openReviews.put(List.of(rs.getString(1), String.valueOf(rs.getString(2))), rs.getLong(3)))
        .list();
    for (Map<String, Object> row : query(signals, filter, "x.sku as sku, x.lot_number as batch, count(*) as cases",
        "x.lot_number is not null and x.received_at >= :windowStart", "x.sku, x.lot_number",
        "3 desc, 1, 2", Map.of("windowStart", Timestamp.from(windowStart)), "count(*) >= " + safety.batchThreshold())) {
      out.add(line(SAFETY_COLUMNS, "signals", null, null, null, row.get("sku"), row.get("batch"), number(row, "cases"),
          null, null, openReviews.getOrDefault(List.of(row.get("sku"), String.valueOf(row.get("batch"))), 0L)));
    }
    return report("safety", filter, SAFETY_COLUMNS, out);
  }

  /** Customer and staff messages created in the period, by channel and state. */
  Report notifications(ReportFilter filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : query(MESSAGES, filter, "coalesce(x.channel, 'NONE') as channel, x.audience as audience,"
        + " count(*) as total, " + count("x.state = 'SENT'") + " as sent, " + count("x.state = 'PENDING'") + " as pending, "
        + count("x.state = 'FAILED'") + " as failed", null, "coalesce(x.channel, 'NONE'), x.audience", "1, 2")) {
      out.add(line(NOTIFICATION_COLUMNS, row.get("channel"), row.get("audience"), number(row, "total"),
          number(row, "sent"), number(row, "pending"), number(row, "failed")));
    }
    return report("notifications", filter, NOTIFICATION_COLUMNS, out);
  }

  /**
   * The cases behind a figure: the report's rows filtered by the figure's own values (a target
   * and status, a stage and age, a category ...). Unknown filters are refused by the caller.
   */
  @Transactional(readOnly = true)
  public Report.Cases cases(String name, ReportFilter filter, Map<String, String> figure) {
    tuneSession();
    Source source = switch (name) {
      case "service-levels" -> CLOCKS;
      case "backlog" -> "task".equals(figure.get("kind")) ? OPEN_TASKS : OPEN_CASES;
      case "escalations" -> ESCALATIONS;
      case "volumes" -> figure.containsKey("process") ? PROCESSES : COMPLAINTS;
      case "satisfaction" -> figure.containsKey("reopened") ? COMPLAINTS : ANSWERS;
      case "safety" -> figure.containsKey("target") || figure.containsKey("status") || figure.containsKey("breached")
          ? CLOCKS : REACTIONS;
      case "notifications" -> MESSAGES;
      default -> throw new IllegalArgumentException("No report " + name);
    };
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if ("backlog".equals(name)) {
      conditions.add("x.ended_at is null");
    }
    if ("safety".equals(name) && source == CLOCKS) {
      conditions.add(REGULATORY);
    }
    if (figure.containsKey("week")) {
      conditions.add(week("x.occurred_at", filter) + " = :week");
      params.put("week", figureValue("week", figure.get("week")));
    }
    if (figure.containsKey("period")) {
      conditions.add(bucket(source.time(), filter) + " = :period");
      params.put("period", figureValue("period", figure.get("period")));
    }
    figure.forEach((key, value) -> {
      String condition = source.drill().get(key);
      if (condition != null) {
        conditions.add(condition);
        params.put(key, figureValue(key, value));
      }
    });
    List<Map<String, Object>> rows = query(source, filter, "x.case_number as case_number",
        String.join(" and ", conditions.isEmpty() ? List.of("1 = 1") : conditions) + " and x.case_number is not null",
        "x.case_number", "x.case_number desc fetch first " + (CASE_LIST_LIMIT + 1) + " rows only", params, null);
    List<String> numbers = rows.stream().map(r -> (String) r.get("case_number")).toList();
    boolean truncated = numbers.size() > CASE_LIST_LIMIT;
    List<String> shown = truncated ? numbers.subList(0, CASE_LIST_LIMIT) : numbers;
    Map<String, Report.CaseRef> refs = new HashMap<>();
    if (!shown.isEmpty()) {
      jdbc.sql("select case_number, opened_at, market, channel from case_file where case_number in (:numbers)")
          .param("numbers", shown)
          .query((rs, n) -> new Report.CaseRef(rs.getString("case_number"), rs.getTimestamp("opened_at").toInstant(),
              rs.getString("market"), rs.getString("channel")))
          .list().forEach(ref -> refs.put(ref.caseNumber(), ref));
    }
    return new Report.Cases(name, shown.stream()
        .map(number -> refs.getOrDefault(number, new Report.CaseRef(number, null, null, null))).toList(), truncated);
  }

  /** The figure filters a report's case list accepts. */
  public static Set<String> figureFilters(String name) {
    return switch (name) {
      case "service-levels" -> Set.of("target", "status", "breached");
      case "backlog" -> Set.of("kind", "process", "stage", "team", "age", "overdue");
      case "escalations" -> Set.of("level", "team", "target", "week");
      case "volumes" -> Set.of("process", "category", "sku", "batch", "intakeChannel", "period", "repeat");
      case "satisfaction" -> Set.of("team", "category", "csat", "resolved", "reopened");
      case "safety" -> Set.of("seriousness", "sku", "batch", "target", "status", "breached");
      case "notifications" -> Set.of("notificationChannel", "state", "audience");
      default -> Set.of();
    };
  }

  /** A figure filter's value as the SQL compares it; an IllegalArgumentException (or a parse error) when it is not one. */
  static Object figureValue(String key, String value) {
    return switch (key) {
      case "level", "csat" -> Integer.valueOf(value);
      case "week", "period" -> LocalDate.parse(value);
      case "overdue", "resolved", "reopened", "repeat", "breached" -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException("not true or false: " + value);
        }
        yield Boolean.valueOf(value);
      }
      default -> {
        if (value.isBlank() || value.length() > 255) {
          throw new IllegalArgumentException("blank or too long");
        }
        yield value;
      }
    };
  }

  private List<Map<String, Object>> query(Source source, ReportFilter filter, String select, String where,
      String groupBy, String orderBy) {
    return query(source, filter, select, where, groupBy, orderBy, Map.of(), null);
  }

  private List<Map<String, Object>> query(Source source, ReportFilter filter, String select, String where,
      String groupBy, String orderBy, Map<String, Object> extra, String having) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>(extra);
    Instant now = filter.now();
    params.put("now", Timestamp.from(now));
    params.put("h4", Timestamp.from(now.minus(Duration.ofHours(4))));
    params.put("h24", Timestamp.from(now.minus(Duration.ofHours(24))));
    params.put("d3", Timestamp.from(now.minus(Duration.ofDays(3))));
    if (where != null) {
      conditions.add(where);
    }
    if (source.time() != null) {
      conditions.add(source.time() + " >= :start and " + source.time() + " < :end");
      params.put("start", Timestamp.from(filter.start()));
      params.put("end", Timestamp.from(filter.end()));
    }
    boolean joinCase = false;
    if (filter.market() != null) {
      conditions.add(source.market() + " = :market");
      params.put("market", filter.market().name());
      joinCase |= source.market().startsWith("c.");
    }
    if (filter.channel() != null) {
      conditions.add(source.channel() + " = :channel");
      params.put("channel", filter.channel());
      joinCase |= source.channel().startsWith("c.");
    }
    String sql = "select " + select + " from " + source.from()
        + (joinCase ? " join case_file c on c.case_number = x.case_number" : "")
        + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
        + (groupBy == null ? "" : " group by " + groupBy)
        + (having == null ? "" : " having " + having)
        + (orderBy == null ? "" : " order by " + orderBy);
    JdbcClient.StatementSpec statement = jdbc.sql(sql);
    for (Map.Entry<String, Object> param : params.entrySet()) {
      if (sql.contains(":" + param.getKey())) {
        statement = statement.param(param.getKey(), param.getValue());
      }
    }
    return statement.query(Reports::row).list();
  }

  private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Object> row = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      row.put(meta.getColumnLabel(i).toLowerCase(), rs.getObject(i));
    }
    return row;
  }

  /** A report row: the report's columns, in order, with these values. */
  private static Map<String, Object> line(List<String> columns, Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for the columns " + columns);
    }
    Map<String, Object> line = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      line.put(columns.get(i), values[i]);
    }
    return line;
  }

  private static String count(String condition) {
    return "sum(case when " + condition + " then 1 else 0 end)";
  }

  /** The day of an instant in the filter's zone (PostgreSQL and H2 say it differently). */
  private String day(String column, ReportFilter filter) {
    return postgres()
        ? "cast(" + column + " at time zone '" + filter.zoneName() + "' as date)"
        : "cast(formatdatetime(" + column + ", 'yyyy-MM-dd', 'en', '" + filter.zoneName() + "') as date)";
  }

  /** The Monday of an instant's week in the filter's zone. */
  private String week(String column, ReportFilter filter) {
    String day = day(column, filter);
    return postgres()
        ? "cast(date_trunc('week', " + column + " at time zone '" + filter.zoneName() + "') as date)"
        : "dateadd('DAY', 1 - iso_day_of_week(" + day + "), " + day + ")";
  }

  private String bucket(String column, ReportFilter filter) {
    return "week".equals(filter.bucket()) ? week(column, filter) : day(column, filter);
  }

  /**
   * PostgreSQL, for this transaction only: enough memory to sort a year of clocks for the
   * percentiles in memory, and no JIT compilation (it costs more than it saves on these queries).
   */
  private void tuneSession() {
    if (postgres()) {
      jdbc.sql("set local work_mem = '" + REPORT_WORK_MEM + "'").update();
      jdbc.sql("set local jit = off").update();
    }
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.sql("select 1").query((rs, n) -> {
        String product = rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
        return product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
      }).single();
    }
    return postgres;
  }

  private Report report(String name, ReportFilter filter, List<String> columns, List<Map<String, Object>> rows) {
    return new Report(name, filter.from(), filter.to(), filter.market() == null ? null : filter.market().name(),
        filter.channel(), filter.bucket(), filter.now(), columns, rows);
  }

  private static long number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Double percent(long part, long whole) {
    return whole == 0 ? null : round(100.0 * part / whole, 1);
  }

  private static Double minutes(Object seconds) {
    return seconds == null ? null : round(((Number) seconds).doubleValue() / 60.0, 1);
  }

  private static double round(double value, int decimals) {
    double factor = Math.pow(10, decimals);
    return Math.round(value * factor) / factor;
  }

  private static LocalDate date(Object value) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    return value instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(value.toString().substring(0, 10));
  }
}
