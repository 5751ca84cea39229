package io.aftercare.reporting;

import io.aftercare.sla.ClockHistogram;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A period's clocks per target and market, as the service-level and safety reports count them:
 * the finished ones from the daily roll-ups ({@code sla_clock_day}, kept as clocks finish), the
 * open ones from the clocks themselves (where an open clock stands depends on the time of the
 * report). The roll-ups' days are the filter's: UTC days for all markets, the market's own days
 * for one market, so the figures are those of the clocks started in the period.
 */
final class ClockTallies {

  /** The clocks of one target and market: finished, open, and the met ones' times to meet. */
  static final class Tally {
    long metOnTime;
    long metLate;
    long cancelled;
    long open;
    long openBreached;
    final ClockHistogram elapsed = new ClockHistogram();

    long clocks() {
      return metOnTime + metLate + cancelled + open + openBreached;
    }

    void addAll(Tally other) {
      metOnTime += other.metOnTime;
      metLate += other.metLate;
      cancelled += other.cancelled;
      open += other.open;
      openBreached += other.openBreached;
      elapsed.addAll(other.elapsed);
    }
  }

  private ClockTallies() {}

  /**
   * The clocks started in the filter's period, by target and market (in that order), of the
   * targets {@code targets} admits (an SQL condition over alias {@code x}; null: all).
   */
  static Map<List<String>, Tally> of(ReportSql sql, ReportFilter filter, String targets) {
    Map<List<String>, Tally> tallies = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
        ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    params.put("from", Date.valueOf(filter.from()));
    params.put("to", Date.valueOf(filter.to()));
    if (filter.market() == null) {
      conditions.add("x.day_utc >= :from and x.day_utc <= :to");
    } else {
      conditions.add("x.market = :market and x.day_local >= :from and x.day_local <= :to");
      params.put("market", filter.market().name());
    }
    if (filter.channel() != null) {
      conditions.add("x.channel = :channel");
      params.put("channel", filter.channel());
    }
    if (targets != null) {
      conditions.add(targets);
    }
    JdbcClient.StatementSpec finished = sql.jdbc().sql("select x.target, x.market, x.met_on_time, x.met_late,"
        + " x.cancelled, x.elapsed_bins from sla_clock_day x where " + String.join(" and ", conditions));
    for (Map.Entry<String, Object> param : params.entrySet()) {
      finished = finished.param(param.getKey(), param.getValue());
    }
    finished.query(rs -> {
      Tally tally = tallies.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), key -> new Tally());
      tally.metOnTime += rs.getLong(3);
      tally.metLate += rs.getLong(4);
      tally.cancelled += rs.getLong(5);
      tally.elapsed.addAll(rs.getString(6));
    });
    for (Map<String, Object> row : sql.query(ReportSql.CLOCKS, filter, "x.target as target, x.market as market, "
            + ReportSql.count(ReportSql.CLOCK_STATUS + " = 'open'") + " as open_on_track, "
            + ReportSql.count(ReportSql.CLOCK_STATUS + " = 'open-breached'") + " as open_breached",
        "x.state in ('RUNNING', 'PAUSED')" + (targets == null ? "" : " and " + targets), "x.target, x.market", null)) {
      Tally tally = tallies.computeIfAbsent(List.of((String) row.get("target"), (String) row.get("market")),
          key -> new Tally());
      tally.open += ReportSql.number(row, "open_on_track");
      tally.openBreached += ReportSql.number(row, "open_breached");
    }
    return tallies;
  }

  /** The tallies of {@link #of} added up per target. */
  static Map<String, Tally> byTarget(Map<List<String>, Tally> tallies) {
    Map<String, Tally> byTarget = new TreeMap<>();
    tallies.forEach((key, tally) -> byTarget.computeIfAbsent(key.get(0), target -> new Tally()).addAll(tally));
    return byTarget;
  }
}
