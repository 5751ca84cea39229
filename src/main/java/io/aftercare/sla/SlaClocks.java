package io.aftercare.sla;

import io.aftercare.customer.Market;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, pauses, resumes and stops the clocks of a case, and records every change as an SLA
 * event. Runs in the caller's transaction (the engine's, when called from a process), so a clock
 * changes exactly when the process step that changes it commits.
 */
@Service
public class SlaClocks {

  private static final String COLUMNS = "id, case_number, target, market, state, started_at, due_at,"
      + " warn_at, paused_at, warned_at, breached_at, ended_at, calendar";

  private final JdbcClient jdbc;
  private final SlaPolicy policy;
  private final Calendars calendars;
  private final ClockRollups rollups;

  SlaClocks(JdbcClient jdbc, SlaPolicy policy, Calendars calendars, ClockRollups rollups) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.calendars = calendars;
    this.rollups = rollups;
  }

  /**
   * Starts the case's clock for the target at {@code start}. An open clock of that target is
   * returned as it is (a retried step starts nothing twice); after a finished one (a reopened
   * case) a new round starts.
   */
  @Transactional
  public SlaClock start(String caseNumber, String target, Market market, Instant start) {
    return start(caseNumber, target, market, null, start, start);
  }

  /**
   * Starts the clock at {@code now}, counting from {@code start} (which may be earlier: the day
   * the company learned of a reaction, the day of a withdrawal) in the named calendar, or the
   * market's when {@code calendarCode} is null.
   */
  @Transactional
  public SlaClock start(String caseNumber, String target, Market market, String calendarCode, Instant start,
      Instant now) {
    Optional<SlaClock> existing = find(caseNumber, target);
    if (existing.isPresent() && existing.get().isOpen()) {
      return existing.get();
    }
    BusinessCalendar calendar = calendarCode == null ? calendars.of(market) : calendars.named(calendarCode)
        .orElseThrow(() -> new IllegalArgumentException("SLA clock '" + target + "' of case " + caseNumber
            + " counts in calendar '" + calendarCode + "', which calendars.yaml does not have"));
    Instant due = policy.due(target, calendar, start, now);
    Instant warn = policy.warn(target, calendar, start, due);
    jdbc.sql("insert into sla_clock (case_number, target, market, state, started_at, due_at, warn_at, calendar)"
            + " values (?, ?, ?, 'RUNNING', ?, ?, ?, ?)")
        .params(caseNumber, target, market.name(), ts(start), ts(due), ts(warn),
            calendarCode == null ? null : calendar.code()).update();
    SlaClock clock = find(caseNumber, target).orElseThrow();
    event(clock, "STARTED", start, existing.isPresent() ? "new round after " + existing.get().state() : null);
    return clock;
  }

  /** Pauses a running clock (waiting for the customer). */
  @Transactional
  public SlaClock pause(String caseNumber, String target, Instant at) {
    SlaClock clock = require(caseNumber, target);
    if (clock.state() != SlaClock.State.RUNNING) {
      return clock;
    }
    jdbc.sql("update sla_clock set state = 'PAUSED', paused_at = ? where id = ?").params(ts(at), clock.id()).update();
    event(clock, "PAUSED", at, null);
    return require(caseNumber, target);
  }

  /**
   * Resumes a paused clock: its due and warning dates move by the paused time (as the target
   * counts time). Returns the pause, so that timers and tasks can follow; empty when not paused.
   */
  @Transactional
  public Optional<Pause> resume(String caseNumber, String target, Instant at) {
    SlaClock clock = require(caseNumber, target);
    if (clock.state() != SlaClock.State.PAUSED) {
      return Optional.empty();
    }
    BusinessCalendar calendar = calendarOf(clock);
    Instant due = policy.shift(target, calendar, clock.dueAt(), clock.pausedAt(), at);
    Instant warn = policy.shift(target, calendar, clock.warnAt(), clock.pausedAt(), at);
    jdbc.sql("update sla_clock set state = 'RUNNING', paused_at = null, due_at = ?, warn_at = ?,"
            + " paused_seconds = paused_seconds + ? where id = ?")
        .params(ts(due), ts(warn), seconds(clock.pausedAt(), at), clock.id()).update();
    SlaClock resumed = require(caseNumber, target);
    event(resumed, "RESUMED", at, "paused since " + clock.pausedAt());
    return Optional.of(new Pause(resumed, clock.pausedAt(), at));
  }

  /** The target was met (the step it measures is done); a clock that breached stays marked so. */
  @Transactional
  public SlaClock stop(String caseNumber, String target, Instant at) {
    return end(caseNumber, target, at, SlaClock.State.MET, "MET");
  }

  /** The clock no longer applies (the case went another way). */
  @Transactional
  public SlaClock cancel(String caseNumber, String target, Instant at) {
    return end(caseNumber, target, at, SlaClock.State.CANCELLED, "CANCELLED");
  }

  /** Records the level-1 warning; false when the clock is not open (nothing to warn about). */
  @Transactional
  public boolean markWarned(String caseNumber, String target, Instant at) {
    return mark(caseNumber, target, at, "warned_at", "WARNED");
  }

  /** Records the breach; false when the clock is not open. */
  @Transactional
  public boolean markBreached(String caseNumber, String target, Instant at) {
    return mark(caseNumber, target, at, "breached_at", "BREACHED");
  }

  /** The case's latest clock of the target. */
  public Optional<SlaClock> find(String caseNumber, String target) {
    return jdbc.sql("select " + COLUMNS + " from sla_clock where case_number = ? and target = ?"
            + " order by id desc fetch first 1 rows only")
        .params(caseNumber, target).query(SlaClocks::clock).optional();
  }

  public SlaClock require(String caseNumber, String target) {
    return find(caseNumber, target).orElseThrow(() -> new IllegalStateException(
        "Case " + caseNumber + " has no SLA clock '" + target + "'; start it first (slaClock, action start)"));
  }

  public List<SlaClock> forCase(String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from sla_clock where case_number = ? order by started_at, id")
        .param(caseNumber).query(SlaClocks::clock).list();
  }

  /** A clock's events in order. */
  public record Event(String target, String type, Instant occurredAt, Instant dueAt, String detail) {}

  public List<Event> events(String caseNumber) {
    return jdbc.sql("select target, type, occurred_at, due_at, detail from sla_event where case_number = ?"
            + " order by occurred_at, id")
        .param(caseNumber)
        .query((rs, n) -> new Event(rs.getString("target"), rs.getString("type"),
            instant(rs, "occurred_at"), instant(rs, "due_at"), rs.getString("detail")))
        .list();
  }

  /** A finished pause of a clock. */
  public record Pause(SlaClock clock, Instant pausedAt, Instant resumedAt) {}

  BusinessCalendar calendarOf(SlaClock clock) {
    return clock.calendar() == null ? calendars.of(Market.valueOf(clock.market()))
        : calendars.named(clock.calendar()).orElseThrow();
  }

  private SlaClock end(String caseNumber, String target, Instant at, SlaClock.State state, String type) {
    SlaClock clock = require(caseNumber, target);
    if (!clock.isOpen()) {
      return clock;
    }
    // time to meet, net of the pauses (also of one still under way): what the reports measure
    boolean late = state == SlaClock.State.MET && at.isAfter(clock.dueAt());
    if (late && clock.breachedAt() == null) {
      // no breach timer saw it (the step has none, or the stop came first): the breach was at the due time
      jdbc.sql("update sla_clock set breached_at = due_at where id = ?").param(clock.id()).update();
      event(clock, "BREACHED", clock.dueAt(), "due time passed before the clock stopped");
    }
    jdbc.sql("update sla_clock set state = ?, paused_at = null, ended_at = ?,"
            + " elapsed_seconds = cast(? as bigint) - paused_seconds where id = ?")
        .params(state.name(), ts(at), state != SlaClock.State.MET ? null
                : seconds(clock.startedAt(), at) - (clock.pausedAt() == null ? 0 : seconds(clock.pausedAt(), at)),
            clock.id()).update();
    event(clock, type, at, late ? "late: due " + clock.dueAt() : null);
    Long elapsed = state != SlaClock.State.MET ? null
        : jdbc.sql("select elapsed_seconds from sla_clock where id = ?").param(clock.id()).query(Long.class).single();
    rollups.finished(clock, state, at, elapsed);
    return require(caseNumber, target);
  }

  private boolean mark(String caseNumber, String target, Instant at, String column, String type) {
    SlaClock clock = require(caseNumber, target);
    if (!clock.isOpen()) {
      return false;
    }
    jdbc.sql("update sla_clock set " + column + " = coalesce(" + column + ", ?) where id = ?")
        .params(ts(at), clock.id()).update();
    event(clock, type, at, null);
    return true;
  }

  private void event(SlaClock clock, String type, Instant at, String detail) {
    jdbc.sql("insert into sla_event (clock_id, case_number, target, type, occurred_at, due_at, detail)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(clock.id(), clock.caseNumber(), clock.target(), type, ts(at), ts(clock.dueAt()), detail)
        .update();
  }

  private static SlaClock clock(ResultSet rs, int row) throws SQLException {
    return new SlaClock(rs.getLong("id"), rs.getString("case_number"), rs.getString("target"),
        rs.getString("market"), SlaClock.State.valueOf(rs.getString("state")),
        instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "warn_at"), instant(rs, "paused_at"),
        instant(rs, "warned_at"), instant(rs, "breached_at"), instant(rs, "ended_at"), rs.getString("calendar"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static long seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds());
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
