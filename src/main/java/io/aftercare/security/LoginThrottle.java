package io.aftercare.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing attackers a way to lock users out: failed logins are
 * counted per user <em>and</em> source address; past {@code allowedFailures} that pair waits
 * {@code firstDelay}, doubling with each further failure up to {@code maxDelay}, and the count is
 * forgotten {@code forgetAfter} the last failure or at the next success. The same user logging in
 * from elsewhere is not held back, and no number of failures locks an account for good (Camunda's
 * own lock-out is switched off in application.yaml). Each node counts its own attempts.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** {@code aftercare.login}. */
  @ConfigurationProperties("aftercare.login")
  public record Settings(Integer allowedFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
    public Settings {
      allowedFailures = allowedFailures == null ? 5 : allowedFailures;
      firstDelay = firstDelay == null ? Duration.ofSeconds(2) : firstDelay;
      maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
      forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
    }
  }

  private record Attempts(int failures, Instant lastFailure, Instant blockedUntil) {}

  private final Settings settings;
  private final MeterRegistry meters;
  private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

  LoginThrottle(Settings settings, MeterRegistry meters) {
    this.settings = settings;
    this.meters = meters;
  }

  /** How long this user from this address must still wait; empty when they may try now. */
  public Optional<Duration> wait(String user, String address, Instant now) {
    Attempts a = attempts.get(key(user, address));
    if (a == null || a.blockedUntil() == null || !a.blockedUntil().isAfter(now)) {
      return Optional.empty();
    }
    meters.counter("aftercare.login.throttled").increment();
    return Optional.of(Duration.between(now, a.blockedUntil()));
  }

  /** A wrong password (or unknown user) through {@code door}: counted, and past the allowance, a wait. */
  public void failed(String user, String address, String door, Instant now) {
    meters.counter("aftercare.login.failures", "door", door).increment();
    Attempts updated = attempts.compute(key(user, address), (k, a) -> {
      int failures = a == null || a.lastFailure().isBefore(now.minus(settings.forgetAfter())) ? 1 : a.failures() + 1;
      Instant blockedUntil = null;
      if (failures > settings.allowedFailures()) {
        long doublings = Math.min(failures - settings.allowedFailures() - 1, 20);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        blockedUntil = now.plus(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
      }
      return new Attempts(failures, now, blockedUntil);
    });
    if (updated.blockedUntil() != null) {
      LOG.warn("Login of '{}' from {} through {} held back until {} after {} failed attempts (possible password"
          + " guessing)", user, address, door, updated.blockedUntil(), updated.failures());
    }
    if (attempts.size() > 100_000) {
      attempts.entrySet().removeIf(e -> e.getValue().lastFailure().isBefore(now.minus(settings.forgetAfter())));
    }
  }

  /** The right password: this user and address start afresh. */
  public void succeeded(String user, String address) {
    attempts.remove(key(user, address));
  }

  private static String key(String user, String address) {
    return String.valueOf(user).toLowerCase(java.util.Locale.ROOT) + "\u0000" + address;
  }
}
