package io.aftercare.sla;

import io.aftercare.customer.Market;
import io.aftercare.process.BeforeCommit;
import io.aftercare.process.Databases;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily roll-ups of finished clocks ({@code sla_clock_day}), kept as each clock finishes, in
 * the transaction that stops or cancels it: per day the clock started (in UTC and in its market's
 * zone, so that a report counts days either way without reading the clocks), market, the case's
 * intake channel and target, how many were met on time, met late and cancelled, and the histogram
 * of the met ones' times to meet ({@link ClockHistogram}). A clock never changes once finished, so
 * a day's row only grows. Open clocks are not rolled up: where they stand depends on the time of
 * the report, which reads them from {@code sla_clock}.
 */
@Component
public class ClockRollups {

  /** The table's key: a finished clock's start day in UTC and in its market's zone, market, channel, target. */
  record Key(LocalDate dayUtc, LocalDate dayLocal, String market, String channel, String target) {

    static Key of(Instant startedAt, String market, String channel, String target) {
      return new Key(LocalDate.ofInstant(startedAt, ZoneOffset.UTC),
          LocalDate.ofInstant(startedAt, Market.valueOf(market).zone()), market, channel == null ? "" : channel,
          target);
    }
  }

  private static final String COLUMNS = "day_utc, day_local, market, channel, target, met_on_time, met_late,"
      + " cancelled, elapsed_bins";
  private static final String KEY = "day_utc, market, channel, target, day_local";

  /**
   * What a transaction changes in one day's row: clocks added (met on time, met late, cancelled,
   * and the met ones' bins) and, when clocks move to another channel's row, taken away.
   */
  private static final class Day {
    final long[] counts = new long[3];
    final List<String> bins = new ArrayList<>();
    final List<String> removed = new ArrayList<>();

    void add(boolean met, boolean late, Long elapsedSeconds, int sign) {
      counts[!met ? 2 : late ? 1 : 0] += sign;
      if (met && elapsedSeconds != null) {
        (sign > 0 ? bins : removed).add(String.valueOf(ClockHistogram.bin(elapsedSeconds)));
      }
    }

    String bins() {
      return bins.isEmpty() ? null : String.join(" ", bins);
    }
  }

  private final JdbcClient jdbc;
  private volatile Boolean postgres;

  ClockRollups(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds a clock that has just finished: met ({@code elapsedSeconds} its time to meet, net of
   * pauses; late when stopped after its due time) or cancelled (null). The transaction's finished
   * clocks are written just before it commits, one statement per day's row in the rows' order,
   * so that a row is locked only while the transaction commits, not while the rest of its engine
   * command runs: every clock of a day, market, channel and target lands on one row, which
   * finishing cases would otherwise queue for (LifecycleBenchmark: 28 ms a clock waiting, at 10
   * cases a second). Concurrent finishes add up; none is lost (PostgreSQL's {@code on conflict};
   * H2's {@code merge}, merged again when another transaction inserted the row first:
   * ClockRollupsIT finishes 16 clocks of one new row at once on both).
   */
  void finished(SlaClock clock, SlaClock.State state, Instant endedAt, Long elapsedSeconds) {
    // the case file stays locked until this transaction ends, so that a channel filled in meanwhile
    // (channelFilled) waits for this clock and moves it too
    String channel = jdbc.sql("select channel from case_file where case_number = ? for update")
        .param(clock.caseNumber()).query((rs, n) -> rs.getString(1)).optional().orElse(null);
    boolean met = state == SlaClock.State.MET;
    add(Key.of(clock.startedAt(), clock.market(), channel, clock.target()), met,
        met && endedAt.isAfter(clock.dueAt()), elapsedSeconds, 1);
  }

  /**
   * A case's intake channel was filled in after some of its clocks had finished (a case opened
   * by a back-office system, which a customer's complaint then joins): those clocks move from the
   * rows without a channel to the channel's, as the clocks themselves would count them now.
   */
  public void channelFilled(String caseNumber, String channel) {
    record Finished(Instant startedAt, String market, String target, boolean met, boolean late, Long elapsed) {}
    jdbc.sql("select started_at, market, target, state, ended_at, due_at, elapsed_seconds"
            + " from sla_clock where case_number = ? and state in ('MET', 'CANCELLED')")
        .param(caseNumber)
        .query((rs, n) -> {
          boolean met = "MET".equals(rs.getString("state"));
          Long elapsed = rs.getObject("elapsed_seconds", Long.class);
          return new Finished(rs.getTimestamp("started_at").toInstant(), rs.getString("market"), rs.getString("target"),
              met, met && rs.getTimestamp("ended_at").toInstant().isAfter(rs.getTimestamp("due_at").toInstant()),
              elapsed);
        })
        .list()
        .forEach(clock -> {
          add(Key.of(clock.startedAt(), clock.market(), null, clock.target()), clock.met(), clock.late(),
              clock.elapsed(), -1);
          add(Key.of(clock.startedAt(), clock.market(), channel, clock.target()), clock.met(), clock.late(),
              clock.elapsed(), 1);
        });
  }

  /**
   * Adds a finished clock to its day's row ({@code sign} 1), or takes it away (-1), when the
   * transaction commits, all rows in key order (at once without a transaction).
   */
  private void add(Key key, boolean met, boolean late, Long elapsedSeconds, int sign) {
    Map<Key, Day> pending = BeforeCommit.changes(this, BeforeCommit.CLOCK_DAYS,
        () -> new TreeMap<>(Comparator.comparing(Key::dayUtc).thenComparing(Key::market)
            .thenComparing(Key::channel).thenComparing(Key::target).thenComparing(Key::dayLocal)),
        this::write);
    if (pending == null) {
      Day day = new Day();
      day.add(met, late, elapsedSeconds, sign);
      write(Map.of(key, day));
      return;
    }
    pending.computeIfAbsent(key, k -> new Day()).add(met, late, elapsedSeconds, sign);
  }

  private void write(Map<Key, Day> days) {
    String sql = postgres()
        ? "insert into sla_clock_day (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (" + KEY + ") do update set met_on_time = sla_clock_day.met_on_time + excluded.met_on_time,"
            + " met_late = sla_clock_day.met_late + excluded.met_late,"
            + " cancelled = sla_clock_day.cancelled + excluded.cancelled,"
            + " elapsed_bins = concat_ws(' ', sla_clock_day.elapsed_bins, excluded.elapsed_bins)"
        : "merge into sla_clock_day t using (select cast(? as date) as day_utc, cast(? as date) as day_local,"
            + " cast(? as varchar) as market, cast(? as varchar) as channel, cast(? as varchar) as target,"
            + " cast(? as bigint) as met_on_time, cast(? as bigint) as met_late, cast(? as bigint) as cancelled,"
            + " cast(? as varchar) as elapsed_bins) s"
            + " on (t.day_utc = s.day_utc and t.market = s.market and t.channel = s.channel and t.target = s.target"
            + " and t.day_local = s.day_local)"
            + " when matched then update set met_on_time = t.met_on_time + s.met_on_time,"
            + " met_late = t.met_late + s.met_late, cancelled = t.cancelled + s.cancelled,"
            + " elapsed_bins = concat_ws(' ', t.elapsed_bins, s.elapsed_bins)"
            + " when not matched then insert (" + COLUMNS + ") values (s.day_utc, s.day_local, s.market, s.channel,"
            + " s.target, s.met_on_time, s.met_late, s.cancelled, s.elapsed_bins)";
    days.forEach((key, day) -> {
      if (!day.removed.isEmpty() || day.counts[0] < 0 || day.counts[1] < 0 || day.counts[2] < 0) {
        takeAway(key, day);
        return;
      }
      if (day.counts[0] == 0 && day.counts[1] == 0 && day.counts[2] == 0) {
        return;
      }
      Object[] params = {Date.valueOf(key.dayUtc()), Date.valueOf(key.dayLocal()), key.market(), key.channel(),
          key.target(), day.counts[0], day.counts[1], day.counts[2], day.bins()};
      Databases.addUp(jdbc, postgres(), sql, params);
    });
  }

  /** A change that takes clocks away: the row is read under its lock, changed, and goes when it has no clocks left. */
  private void takeAway(Key key, Day day) {
    Object[] where = {Date.valueOf(key.dayUtc()), key.market(), key.channel(), key.target(), Date.valueOf(key.dayLocal())};
    String row = " where day_utc = ? and market = ? and channel = ? and target = ? and day_local = ?";
    record Stored(long[] counts, String bins) {}
    List<Stored> stored = jdbc.sql("select met_on_time, met_late, cancelled, elapsed_bins from sla_clock_day" + row
            + " for update")
        .params(where)
        .query((rs, n) -> new Stored(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, rs.getString(4)))
        .list();
    List<String> bins = new ArrayList<>();
    long[] now = stored.isEmpty() ? new long[3] : stored.get(0).counts();
    if (!stored.isEmpty() && stored.get(0).bins() != null && !stored.get(0).bins().isBlank()) {
      bins.addAll(List.of(stored.get(0).bins().trim().split(" ")));
    }
    bins.addAll(day.bins);
    day.removed.forEach(bins::remove);
    long[] after = {now[0] + day.counts[0], now[1] + day.counts[1], now[2] + day.counts[2]};
    if (after[0] == 0 && after[1] == 0 && after[2] == 0) {
      jdbc.sql("delete from sla_clock_day" + row).params(where).update();
    } else if (stored.isEmpty()) {
      jdbc.sql("insert into sla_clock_day (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(where[0], where[4], where[1], where[2], where[3], after[0], after[1], after[2],
              bins.isEmpty() ? null : String.join(" ", bins))
          .update();
    } else {
      jdbc.sql("update sla_clock_day set met_on_time = ?, met_late = ?, cancelled = ?, elapsed_bins = ?" + row)
          .params(after[0], after[1], after[2], bins.isEmpty() ? null : String.join(" ", bins), where[0], where[1],
              where[2], where[3], where[4])
          .update();
    }
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = Databases.isPostgres(jdbc);
    }
    return postgres;
  }

  /**
   * Writes the roll-ups again from every finished clock, as {@link #finished} would have: the
   * migration that introduced them fills them this way, and so does a tool that loads clocks
   * without the application (the report benchmark). Returns the rows written.
   */
  public static int rebuild(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    // PostgreSQL streams a large result only inside a transaction
    connection.setAutoCommit(false);
    Map<Key, Day> days = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      statement.execute("delete from sla_clock_day");
      statement.setFetchSize(10_000);
      try (ResultSet rows = statement.executeQuery("select x.started_at, x.market, c.channel, x.target, x.state,"
          + " x.ended_at, x.due_at, x.elapsed_seconds from sla_clock x left join case_file c"
          + " on c.case_number = x.case_number where x.state in ('MET', 'CANCELLED')")) {
        while (rows.next()) {
          Key key = Key.of(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3), rows.getString(4));
          boolean met = "MET".equals(rows.getString(5));
          boolean late = met && rows.getTimestamp(6).toInstant().isAfter(rows.getTimestamp(7).toInstant());
          long elapsed = rows.getLong(8);
          days.computeIfAbsent(key, k -> new Day()).add(met, late, rows.wasNull() ? null : elapsed, 1);
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("insert into sla_clock_day (" + COLUMNS + ")"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (Map.Entry<Key, Day> day : days.entrySet()) {
        Key key = day.getKey();
        long[] counts = day.getValue().counts;
        insert.setDate(1, Date.valueOf(key.dayUtc()));
        insert.setDate(2, Date.valueOf(key.dayLocal()));
        insert.setString(3, key.market());
        insert.setString(4, key.channel());
        insert.setString(5, key.target());
        insert.setLong(6, counts[0]);
        insert.setLong(7, counts[1]);
        insert.setLong(8, counts[2]);
        insert.setString(9, day.getValue().bins());
        insert.addBatch();
        if (++batched % 1000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    if (autoCommit) {
      connection.commit();
      connection.setAutoCommit(true);
    }
    return days.size();
  }
}
