package io.aftercare.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox and its dispatcher ({@code aftercare.notification}): how often and how much it sends,
 * how often it retries (exponential back-off from {@code backoff}), the sender address, the
 * language of internal messages, the manager told at escalation level 3, the SMS gateway, and
 * {@code requeueWindow}: messages that failed for good within this time before their channel
 * answers again are sent after all (an outage, not a bad address); {@code claimLease}: how long a
 * row being sent is not due for other nodes (longer than a channel's timeouts); {@code publicUrl}:
 * where the unsubscribe link points; {@code essentialTemplates}: messages a case legally needs,
 * sent after a withdrawal of consent.
 */
@ConfigurationProperties("aftercare.notification")
public record NotificationSettings(
    Duration dispatchInterval,
    int batchSize,
    int maxAttempts,
    Duration backoff,
    String from,
    String staffLanguage,
    String managerEmail,
    Sms sms,
    Duration requeueWindow,
    Duration claimLease,
    String publicUrl,
    java.util.Set<String> essentialTemplates) {

  /**
   * The SMS gateway: JSON {@code {to, text, reference}} POSTed to {@code url}; none when blank.
   * Its replies come with {@code inboundSecret}.
   */
  public record Sms(String url, Duration timeout, String inboundSecret) {}

  public NotificationSettings {
    dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(10) : dispatchInterval;
    batchSize = batchSize <= 0 ? 20 : batchSize;
    maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
    backoff = backoff == null ? Duration.ofSeconds(30) : backoff;
    staffLanguage = staffLanguage == null ? "en" : staffLanguage;
    sms = sms == null ? new Sms(null, Duration.ofSeconds(10), null) : sms;
    publicUrl = publicUrl == null ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    essentialTemplates = essentialTemplates == null ? java.util.Set.of() : java.util.Set.copyOf(essentialTemplates);
    requeueWindow = requeueWindow == null ? Duration.ofHours(24) : requeueWindow;
    claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
  }

  /** Wait before the next attempt after {@code attempts} failed ones: backoff, 2×, 4×, … */
  public Duration delayAfter(int attempts) {
    return backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
  }
}
