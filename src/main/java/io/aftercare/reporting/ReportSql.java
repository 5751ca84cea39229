package io.aftercare.reporting;

import io.aftercare.process.Databases;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the reports share: their sources (the reporting tables, alias {@code x}, with the period,
 * market and channel columns and the case-list filters), the one query builder that applies the
 * period, market and channel alike to every figure and its case list, and the SQL of days and weeks
 * in the filter's zone on PostgreSQL and H2.
 */
@Component
class ReportSql {

  /** Where a clock stands (met on time only when stopped by its due time); figures and case lists both use it. */
  static final String CLOCK_STATUS = SlaClock.STATUS_SQL;
  /** PostgreSQL's sort and hash memory for a report's transaction. */
  static final String REPORT_WORK_MEM = "64MB";
  /** How long an open task or case has been waiting. */
  static final String AGE = "case when %1$s > :h4 then 'under-4h' when %1$s > :h24 then '4-24h'"
      + " when %1$s > :d3 then '1-3d' else 'over-3d' end";
  static final String CASE_OVERDUE = "(select count(*) from sla_clock k where k.case_number = x.case_number"
      + " and ((k.state = 'RUNNING' and k.due_at < :now) or (k.state = 'PAUSED' and k.paused_at > k.due_at)))";

  /**
   * Where a report's rows come from: the table (alias {@code x}) and its joins, the column the
   * period applies to (none: the state now), the market and channel columns ({@code c.} = the case
   * file, joined when filtered), and the case-list filters a figure's link may carry.
   */
  record Source(String from, String time, String market, String channel, Map<String, String> drill) {}

  static final Source CLOCKS = new Source("sla_clock x", "x.started_at", "x.market", "c.channel",
      Map.of("target", "x.target = :target", "status", CLOCK_STATUS + " = :status",
          "breached", "(" + CLOCK_STATUS + " in ('met-late', 'open-breached')) = :breached"));
  static final Source COMPLAINTS = new Source("complaint x", "x.received_at", "c.market", "c.channel",
      Map.of("category", "coalesce(x.category, 'UNTRIAGED') = :category", "sku", "x.sku = :sku",
          "batch", "x.lot_number = :batch", "intakeChannel", "x.intake_channel = :intakeChannel",
          "team", "coalesce(x.team, 'agent') = :team", "reopened", "(x.reopened > 0) = :reopened",
          "repeat", "(x.repeat_customer or x.repeat_batch) = :repeat"));
  static final Source REACTIONS = new Source("adverse_reaction x", "x.received_at", "x.market", "c.channel",
      Map.of("seriousness", "coalesce(x.seriousness, 'unassessed') = :seriousness", "sku", "x.sku = :sku",
          "batch", "x.lot_number = :batch"));

  private final JdbcClient jdbc;
  private volatile Boolean postgres;

  ReportSql(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  List<Map<String, Object>> query(Source source, ReportFilter filter, String select, String where,
      String groupBy, String orderBy) {
    return query(source, filter, select, where, groupBy, orderBy, Map.of(), null);
  }

  List<Map<String, Object>> query(Source source, ReportFilter filter, String select, String where,
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
    return statement.query(ReportSql::row).list();
  }

  static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Object> row = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      row.put(meta.getColumnLabel(i).toLowerCase(), rs.getObject(i));
    }
    return row;
  }

  /** A report row: the report's columns, in order, with these values. */
  static Map<String, Object> line(List<String> columns, Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for the columns " + columns);
    }
    Map<String, Object> line = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      line.put(columns.get(i), values[i]);
    }
    return line;
  }

  static String count(String condition) {
    return "sum(case when " + condition + " then 1 else 0 end)";
  }

  /** The day of an instant in the filter's zone (PostgreSQL and H2 say it differently). */
  String day(String column, ReportFilter filter) {
    return postgres()
        ? postgresDay(column, filter.zoneName())
        : "cast(formatdatetime(" + column + ", 'yyyy-MM-dd', 'en', '" + filter.zoneName() + "') as date)";
  }

  /** The Monday of an instant's week in the filter's zone. */
  String week(String column, ReportFilter filter) {
    String day = day(column, filter);
    return postgres()
        ? postgresWeek(column, filter.zoneName())
        : "dateadd('DAY', 1 - iso_day_of_week(" + day + "), " + day + ")";
  }

  /** PostgreSQL's day of an instant in a zone (also what {@link ReportStatistics} keeps statistics on). */
  static String postgresDay(String column, String zone) {
    return "cast(" + column + " at time zone '" + zone + "' as date)";
  }

  static String postgresWeek(String column, String zone) {
    return "cast(date_trunc('week', " + column + " at time zone '" + zone + "') as date)";
  }

  String bucket(String column, ReportFilter filter) {
    return "week".equals(filter.bucket()) ? week(column, filter) : day(column, filter);
  }

  /**
   * PostgreSQL, for this transaction only: enough memory to count a year in memory, no JIT
   * compilation (it costs more than it saves on these queries), and a plan for each query's own
   * period. The driver prepares a statement run often; after five runs PostgreSQL would keep one
   * generic plan for every period, made for a guessed 0.5 % of the rows: a whole year then read
   * through an index on one core (ReportBenchmark: volumes over a year up to 1.2 s at p95).
   */
  void tuneSession() {
    if (postgres()) {
      jdbc.sql("set local work_mem = '" + REPORT_WORK_MEM + "'").update();
      jdbc.sql("set local jit = off").update();
      jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }
  }

  boolean postgres() {
    if (postgres == null) {
      postgres = Databases.isPostgres(jdbc);
    }
    return postgres;
  }

  Report report(String name, ReportFilter filter, List<String> columns, List<Map<String, Object>> rows) {
    return new Report(name, filter.from(), filter.to(), filter.market() == null ? null : filter.market().name(),
        filter.channel(), filter.bucket(), filter.now(), columns, rows);
  }

  static long number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return value == null ? 0 : ((Number) value).longValue();
  }

  static Double percent(long part, long whole) {
    return whole == 0 ? null : round(100.0 * part / whole, 1);
  }

  static Double minutes(Object seconds) {
    return seconds == null ? null : round(((Number) seconds).doubleValue() / 60.0, 1);
  }

  static double round(double value, int decimals) {
    double factor = Math.pow(10, decimals);
    return Math.round(value * factor) / factor;
  }

  static LocalDate date(Object value) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    return value instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(value.toString().substring(0, 10));
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
}
