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
    Instant endedAt) {

  public enum State { RUNNING, PAUSED, MET, CANCELLED }

  public boolean isOpen() {
    return state == State.RUNNING || state == State.PAUSED;
  }
}
