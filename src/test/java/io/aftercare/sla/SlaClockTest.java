package io.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.sla.SlaClock.State;
import io.aftercare.sla.SlaClock.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** On time means stopped at or before the due time, whatever timers the step has. */
class SlaClockTest {

  static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
  static final Instant DUE = Instant.parse("2026-03-03T01:00:00Z");

  @Test
  void metAtTheDueSecondIsOnTime() {
    assertThat(met(DUE).status(DUE.plusSeconds(3600))).isEqualTo(Status.MET_ON_TIME);
  }

  @Test
  void metOneSecondAfterTheDueTimeIsLateEvenWithoutABreach() {
    assertThat(met(DUE.plusSeconds(1)).status(DUE.plusSeconds(3600))).isEqualTo(Status.MET_LATE);
  }

  @Test
  void runningPastTheDueTimeIsOpenBreachedWithoutATimer() {
    SlaClock running = clock(State.RUNNING, null, null);
    assertThat(running.status(DUE)).isEqualTo(Status.OPEN);
    assertThat(running.status(DUE.plusSeconds(1))).isEqualTo(Status.OPEN_BREACHED);
  }

  @Test
  void aPauseBeforeTheDueTimeIsOpenAndAPauseAfterItIsBreached() {
    assertThat(clock(State.PAUSED, DUE.minusSeconds(60), null).status(DUE.plusSeconds(86_400))).isEqualTo(Status.OPEN);
    assertThat(clock(State.PAUSED, DUE.plusSeconds(60), null).status(DUE.plusSeconds(86_400)))
        .isEqualTo(Status.OPEN_BREACHED);
  }

  @Test
  void statusCodesAreTheReportsSpelling() {
    assertThat(Status.MET_ON_TIME.code()).isEqualTo("met-on-time");
    assertThat(Status.OPEN_BREACHED.code()).isEqualTo("open-breached");
    for (Status status : Status.values()) {
      assertThat(SlaClock.STATUS_SQL).contains("'" + status.code() + "'");
    }
  }

  private static SlaClock met(Instant at) {
    return clock(State.MET, null, at);
  }

  private static SlaClock clock(State state, Instant pausedAt, Instant endedAt) {
    return new SlaClock(1, "AC-2026-000001", "adverse.internal", "CN", state, START, DUE, START, pausedAt, null, null,
        endedAt, null);
  }
}
