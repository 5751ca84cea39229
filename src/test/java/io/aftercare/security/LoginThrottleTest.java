package io.aftercare.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Guessing is slowed per user and address; nobody is locked out by someone else's guesses. */
class LoginThrottleTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottle.Settings(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(15)), meters);
  private final Instant t0 = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void fiveFailuresAreFreeThenTheWaitDoublesUpToTheMaximumAndExpires() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("agent", "203.0.113.9", "api", t0);
      assertThat(throttle.wait("agent", "203.0.113.9", t0)).isEmpty();
    }
    throttle.failed("agent", "203.0.113.9", "api", t0);
    assertThat(throttle.wait("agent", "203.0.113.9", t0)).contains(Duration.ofSeconds(2));
    throttle.failed("agent", "203.0.113.9", "api", t0);
    assertThat(throttle.wait("agent", "203.0.113.9", t0)).contains(Duration.ofSeconds(4));
    for (int i = 0; i < 20; i++) {
      throttle.failed("agent", "203.0.113.9", "api", t0);
    }
    assertThat(throttle.wait("agent", "203.0.113.9", t0)).contains(Duration.ofMinutes(5));
    assertThat(throttle.wait("agent", "203.0.113.9", t0.plus(Duration.ofMinutes(5)).plusSeconds(1)))
        .as("the wait expires: never a permanent lock").isEmpty();
    assertThat(meters.counter("aftercare.login.failures", "door", "api").count()).isEqualTo(27);
  }

  @Test
  void someoneGuessingElsewhereDoesNotHoldTheUserBack() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("agent", "198.51.100.7", "engine-rest", t0);
    }
    assertThat(throttle.wait("agent", "198.51.100.7", t0)).isPresent();
    assertThat(throttle.wait("agent", "203.0.113.9", t0)).as("the agent at their own desk").isEmpty();
    assertThat(throttle.wait("supervisor", "198.51.100.7", t0)).as("another user from there").isEmpty();
  }

  @Test
  void theRightPasswordAndTimeForgetEarlierFailures() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("agent", "203.0.113.9", "login", t0);
    }
    throttle.succeeded("agent", "203.0.113.9");
    throttle.failed("agent", "203.0.113.9", "login", t0);
    assertThat(throttle.wait("agent", "203.0.113.9", t0)).isEmpty();
    for (int i = 0; i < 5; i++) {
      throttle.failed("supervisor", "203.0.113.9", "login", t0);
    }
    throttle.failed("supervisor", "203.0.113.9", "login", t0.plus(Duration.ofMinutes(16)));
    assertThat(throttle.wait("supervisor", "203.0.113.9", t0.plus(Duration.ofMinutes(16))))
        .as("counted afresh after 15 minutes").isEmpty();
  }
}
