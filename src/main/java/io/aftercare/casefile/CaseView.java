package io.aftercare.casefile;

import io.aftercare.customer.ContactMask;
import io.aftercare.notification.Channel;
import io.aftercare.notification.Notification;
import io.aftercare.sla.Escalations;
import io.aftercare.sla.SlaClock;
import java.time.Instant;
import java.util.List;

/** A case as its workers see it: its clocks, escalations and the messages sent or waiting. */
public record CaseView(
    String caseNumber,
    Instant openedAt,
    Long customerId,
    List<Clock> clocks,
    List<Escalations.Escalation> escalations,
    List<Message> notifications) {

  /**
   * A clock: target, when it started and is due, where it stands ({@code status}: met-on-time,
   * met-late, open, open-breached, cancelled). {@code onTime}: met at or before its due time, or
   * open and not yet past it; null when cancelled. {@code calendar}: the calendar it counts in when
   * not its market's (an EU consumer's country), else absent.
   */
  public record Clock(String target, SlaClock.State state, String status, Instant startedAt, Instant dueAt,
      Instant warnAt, Instant pausedAt, Instant warnedAt, Instant breachedAt, Instant endedAt, Boolean onTime,
      String calendar) {

    static Clock of(SlaClock clock, Instant now) {
      SlaClock.Status status = clock.status(now);
      return new Clock(clock.target(), clock.state(), status.code(), clock.startedAt(), clock.dueAt(),
          clock.warnAt(), clock.pausedAt(), clock.warnedAt(), clock.breachedAt(), clock.endedAt(),
          status == SlaClock.Status.CANCELLED ? null
              : status == SlaClock.Status.MET_ON_TIME || status == SlaClock.Status.OPEN, clock.calendar());
    }
  }

  /**
   * A message; the recipient is masked (the case view is for everyone working the case). A FAILED
   * one is re-queued by its {@code id} ({@code POST /api/notifications/{id}/requeue}, supervisors).
   */
  public record Message(long id, String template, String audience, Channel channel, String language,
      String recipient, Notification.State state, int attempts, String lastError, Instant createdAt, Instant sentAt) {

    static Message of(Notification n) {
      return new Message(n.id(), n.template(), n.audience(), n.channel(), n.language(),
          ContactMask.contact(n.recipient()), n.state(), n.attempts(), n.lastErrorMasked(), n.createdAt(), n.sentAt());
    }
  }
}
