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
 * Sends due outbox rows through their channel: a short transaction claims the next due row
 * ({@code FOR UPDATE SKIP LOCKED}, then not due again for {@code claimLease}), the send happens
 * outside any transaction, and another short transaction records the outcome — so several nodes
 * share the work without sending a row twice, and no lock or connection is held while a channel
 * answers (a node that dies mid-send leaves the row due again after the lease). Each channel runs
 * on its own thread and every outside call is bounded by its timeouts (SMTP: spring.mail.properties,
 * SMS: aftercare.notification.sms.timeout), so a silent server holds back one channel for at most
 * its timeout per message. A failed attempt is retried with exponential back-off; after the last
 * one the row is FAILED, with the error, for supervisors to see. Rows of a channel that is not set
 * up wait.
 */
@Component
public class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Outbox outbox;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final NotificationSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;
  /** One thread per channel for the scheduled rounds, and whether a channel's round is under way. */
  private final java.util.concurrent.ExecutorService channels = java.util.concurrent.Executors.newFixedThreadPool(
      Channel.values().length, runnable -> {
        Thread thread = new Thread(runnable, "notification-dispatch");
        thread.setDaemon(true);
        return thread;
      });
  private final Map<Channel, java.util.concurrent.atomic.AtomicBoolean> busy = new java.util.concurrent.ConcurrentHashMap<>();
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

  /**
   * Each channel on a thread of its own: a slow SMTP server (waiting out its timeouts) does not
   * hold back the SMS of other cases. A channel still busy with its last round is skipped.
   */
  @jakarta.annotation.PreDestroy
  void stop() {
    channels.shutdownNow();
  }

  @Scheduled(fixedDelayString = "${aftercare.notification.dispatch-interval:PT10S}",
      initialDelayString = "${aftercare.notification.dispatch-interval:PT10S}")
  public void dispatchScheduled() {
    for (Channel channel : ready()) {
      java.util.concurrent.atomic.AtomicBoolean running = busy.computeIfAbsent(channel,
          c -> new java.util.concurrent.atomic.AtomicBoolean());
      if (running.compareAndSet(false, true)) {
        channels.execute(() -> {
          try {
            dispatch(List.of(channel));
          } catch (RuntimeException e) {
            LOG.error("Dispatching {} messages failed: {}", channel, e.getMessage(), e);
          } finally {
            running.set(false);
          }
        });
      }
    }
  }

  /** Sends up to one batch of due rows of every channel, one channel after the other; returns how many were attempted. */
  public int dispatch() {
    int attempted = 0;
    for (Channel channel : ready()) {
      attempted += dispatch(List.of(channel));
    }
    return attempted;
  }

  private List<Channel> ready() {
    return senders.values().stream().filter(ChannelSender::configured).map(ChannelSender::channel).toList();
  }

  /**
   * Claims the next due row in a short transaction, sends it outside any transaction (no row lock
   * or connection held while the channel answers), and records the outcome in another.
   */
  private int dispatch(List<Channel> ready) {
    int attempted = 0;
    while (attempted < settings.batchSize()) {
      Instant now = clock.instant();
      Optional<Notification> claimed = transaction.execute(status -> {
        Optional<Notification> next = outbox.lockNextDue(ready, now);
        next.ifPresent(row -> outbox.claim(row.id(), now.plus(settings.claimLease())));
        return next;
      });
      if (claimed == null || claimed.isEmpty()) {
        break;
      }
      send(claimed.get(), now);
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
    Optional<String> withdrawn = transaction.execute(status -> outbox.withdrawn(row.id()));
    if (withdrawn != null && withdrawn.isPresent()) {
      transaction.executeWithoutResult(status ->
          outbox.markAttemptFailed(row.id(), withdrawn.get(), clock.instant(), true));
      LOG.info("Notification {} ({} to case {}) not sent: {}", row.id(), row.template(), row.caseNumber(),
          withdrawn.get());
      return;
    }
    try {
      senders.get(row.channel()).send(row);
    } catch (Exception e) {
      transaction.executeWithoutResult(status -> failed(row, now, e));
      return;
    }
    transaction.executeWithoutResult(status -> {
      outbox.markSent(row.id(), clock.instant());
      requeueAfterOutage(row.channel(), now);
    });
  }

  private void failed(Notification row, Instant now, Exception e) {
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
