package io.aftercare.sla;

import java.time.Instant;

/** A case's clock for one target, as stored. */
public record SlaClock(
    long id,
    String caseNumber,
    String target,
    String market,
    State state,
    Instant startedAt,
    Instant dueAt,
    Instant warnAt,
    Instant pausedAt,
    Instant warnedAt,
    Instant breachedAt,
    Instant endedAt,
    /** The calendar it counts in when not its market's (an EU consumer's country), else null. */
    String calendar) {

  public enum State { RUNNING, PAUSED, MET, CANCELLED }

  /**
   * Where a clock stands for the case view, the timeline and every report. The reports' SQL
   * ({@link #STATUS_SQL}) says the same; {@code SlaClockTest} and {@code ReportsIT} keep the two in step.
   */
  public enum Status {
    /** Met, and stopped at or before its due time. */
    MET_ON_TIME,
    /** Met after its due time, whether or not a breach timer fired on the way. */
    MET_LATE,
    /** Running and not yet due, or paused before it was due. */
    OPEN,
    /** Running past its due time (whether or not a timer fired), or paused when already past it. */
    OPEN_BREACHED,
    CANCELLED;

    /** As the reports and their case-list filters spell it: {@code met-on-time}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * {@link #status} in SQL over a clock row aliased {@code x}, with the parameter {@code :now}.
   * A paused clock's due time moves by the pause when it resumes, so a pause counts as breached
   * only when it began after the due time.
   */
  public static final String STATUS_SQL = "case when x.state = 'CANCELLED' then 'cancelled'"
      + " when x.state = 'MET' and x.ended_at <= x.due_at then 'met-on-time'"
      + " when x.state = 'MET' then 'met-late'"
      + " when (x.state = 'RUNNING' and x.due_at < :now) or (x.state = 'PAUSED' and x.paused_at > x.due_at)"
      + " then 'open-breached' else 'open' end";

  public boolean isOpen() {
    return state == State.RUNNING || state == State.PAUSED;
  }

  /** Where the clock stands at {@code now}: met on time only when it stopped at or before its due time. */
  public Status status(Instant now) {
    return switch (state) {
      case CANCELLED -> Status.CANCELLED;
      case MET -> endedAt.isAfter(dueAt) ? Status.MET_LATE : Status.MET_ON_TIME;
      case RUNNING -> now.isAfter(dueAt) ? Status.OPEN_BREACHED : Status.OPEN;
      case PAUSED -> pausedAt.isAfter(dueAt) ? Status.OPEN_BREACHED : Status.OPEN;
    };
  }
}
