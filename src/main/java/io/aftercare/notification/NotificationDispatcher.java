package io.aftercare.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows through their channel, one row per short transaction holding the row's
 * lock ({@code FOR UPDATE SKIP LOCKED}), so that several nodes share the work without sending a
 * row twice. A failed attempt is retried with exponential back-off; after the last one the row
 * is FAILED, with the error, for supervisors to see. Rows of a channel that is not set up wait.
 */
@Component
public class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Outbox outbox;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final NotificationSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;
  /** When each channel's failed messages were last re-queued because it answered again. */
  private final Map<Channel, Instant> requeued = new java.util.concurrent.ConcurrentHashMap<>();

  NotificationDispatcher(Outbox outbox, List<ChannelSender> senders, NotificationSettings settings,
      PlatformTransactionManager transactions) {
    this.outbox = outbox;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = Clock.systemUTC();
  }

  @Scheduled(fixedDelayString = "${aftercare.notification.dispatch-interval:PT10S}",
      initialDelayString = "${aftercare.notification.dispatch-interval:PT10S}")
  public void dispatchScheduled() {
    dispatch();
  }

  /** Sends up to one batch of due rows; returns how many were attempted. */
  public int dispatch() {
    List<Channel> ready = senders.values().stream().filter(ChannelSender::configured)
        .map(ChannelSender::channel).toList();
    int attempted = 0;
    while (attempted < settings.batchSize()) {
      Boolean sentOne = transaction.execute(status -> {
        Instant now = clock.instant();
        Optional<Notification> next = outbox.lockNextDue(ready, now);
        next.ifPresent(row -> send(row, now));
        return next.isPresent();
      });
      if (!Boolean.TRUE.equals(sentOne)) {
        break;
      }
      attempted++;
    }
    return attempted;
  }

  /**
   * The channel answers again: what failed for good on it within the re-queue window (an outage
   * longer than the retries) goes out after all — at most once per back-off interval and channel,
   * in the transaction of the message that got through.
   */
  private void requeueAfterOutage(Channel channel, Instant now) {
    Instant last = requeued.get(channel);
    if (last != null && last.isAfter(now.minus(settings.backoff()))) {
      return;
    }
    requeued.put(channel, now);
    int count = outbox.requeueFailedSince(channel, now.minus(settings.requeueWindow()), now);
    if (count > 0) {
      LOG.warn("{} answers again: {} message(s) that failed during the outage are re-queued", channel, count);
    }
  }

  private void send(Notification row, Instant now) {
    try {
      senders.get(row.channel()).send(row);
      outbox.markSent(row.id(), clock.instant());
      requeueAfterOutage(row.channel(), now);
    } catch (Exception e) {
      int attempts = row.attempts() + 1;
      boolean last = attempts >= settings.maxAttempts();
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      // a message that failed for good keeps the moment it failed (the timeline shows it then)
      outbox.markAttemptFailed(row.id(), error, last ? clock.instant() : now.plus(settings.delayAfter(attempts)), last);
      if (last) {
        LOG.error("Notification {} ({} to case {}) FAILED after {} attempts: {}", row.id(), row.template(),
            row.caseNumber(), attempts, error);
      } else {
        LOG.warn("Notification {} attempt {} failed, retrying: {}", row.id(), attempts, error);
      }
    }
  }
}
