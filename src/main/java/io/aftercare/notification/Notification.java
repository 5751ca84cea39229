package io.aftercare.notification;

import java.time.Instant;

/** A row of the outbox, as the case view and the reports see it. */
public record Notification(
    long id,
    String caseNumber,
    String audience,
    String template,
    Channel channel,
    String recipient,
    String language,
    String subject,
    String body,
    State state,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    String idempotencyKey) {

  public enum State { PENDING, SENT, FAILED }

  /** The last error as a case shows it: a channel's error often quotes the address or number, masked here. */
  public String lastErrorMasked() {
    return lastError == null || recipient == null ? lastError
        : lastError.replace(recipient, io.aftercare.customer.ContactMask.contact(recipient));
  }
}
