package io.aftercare.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The notification outbox table. Rows are added in the caller's transaction (the engine's, from a
 * process step) under a unique idempotency key: adding a key twice adds nothing.
 */
@Service
public class Outbox {

  private static final String COLUMNS = "id, case_number, audience, template, channel, recipient, language,"
      + " subject, body, state, attempts, next_attempt_at, last_error, created_at, sent_at, idempotency_key";

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A message to add: FAILED at once when it cannot be sent at all (no consented channel). */
  public record NewMessage(String idempotencyKey, String caseNumber, String audience, String template,
      Channel channel, String recipient, String language, String subject, String body, String failure,
      boolean essential) {}

  /** Adds the message unless its key is already there; true when added. */
  public boolean add(NewMessage message, Instant now) {
    // A plain insert guarded by NOT EXISTS: the same step runs once at a time (the engine's
    // optimistic locking), and on PostgreSQL a failed insert would spoil the engine's transaction.
    int added = jdbc.sql("""
            insert into notification (idempotency_key, case_number, audience, template, channel, recipient,
              language, subject, body, state, attempts, next_attempt_at, last_error, created_at, essential)
            select :key, :caseNumber, :audience, :template, :channel, :recipient, :language, :subject, :body,
              :state, 0, :now, :failure, :now, :essential
            where not exists (select 1 from notification where idempotency_key = :key)""")
        .param("key", message.idempotencyKey())
        .param("caseNumber", message.caseNumber())
        .param("audience", message.audience())
        .param("template", message.template())
        .param("channel", message.channel() == null ? null : message.channel().name())
        .param("recipient", message.recipient())
        .param("language", message.language())
        .param("subject", message.subject())
        .param("body", message.body())
        .param("state", message.failure() == null ? "PENDING" : "FAILED")
        .param("failure", message.failure())
        .param("essential", message.essential())
        .param("now", Timestamp.from(now))
        .update();
    return added > 0;
  }

  public List<Notification> forCase(String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from notification where case_number = ? order by created_at, id")
        .param(caseNumber).query(Outbox::row).list();
  }

  public Optional<Notification> byKey(String key) {
    return jdbc.sql("select " + COLUMNS + " from notification where idempotency_key = ?")
        .param(key).query(Outbox::row).optional();
  }

  /**
   * When a claimed customer message must not go out because its customer withdrew consent to its
   * channel after it was queued (a message the case legally needs goes out regardless): why.
   */
  Optional<String> withdrawn(long notificationId) {
    return jdbc.sql("""
            select n.channel, c.email_withdrawn_at, c.sms_withdrawn_at from notification n
            join case_file f on f.case_number = n.case_number join customer c on c.id = f.customer_id
            where n.id = ? and n.audience = 'CUSTOMER' and n.essential = false
              and ((n.channel = 'EMAIL' and c.email_withdrawn_at is not null)
                or (n.channel = 'SMS' and c.sms_withdrawn_at is not null))""")
        .param(notificationId)
        .query((rs, n) -> "The customer withdrew consent to " + rs.getString("channel") + " messages")
        .optional();
  }

  /** The oldest due pending row of the given channels, locked for this transaction; others skip it. */
  Optional<Notification> lockNextDue(List<Channel> channels, Instant now) {
    if (channels.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("select " + COLUMNS + " from notification where state = 'PENDING' and next_attempt_at <= :now"
            + " and channel in (:channels) order by next_attempt_at, id"
            + " fetch first 1 rows only for update skip locked")
        .param("now", Timestamp.from(now))
        .param("channels", channels.stream().map(Channel::name).toList())
        .query(Outbox::row).optional();
  }

  /**
   * Claims a row for its send: not due again before {@code until}, so that no node takes it while
   * this one talks to the channel outside any transaction. A node that dies meanwhile leaves it
   * due again after the claim.
   */
  void claim(long id, Instant until) {
    jdbc.sql("update notification set next_attempt_at = ? where id = ?").params(Timestamp.from(until), id).update();
  }

  void markSent(long id, Instant at) {
    jdbc.sql("update notification set state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null"
        + " where id = ?").params(Timestamp.from(at), id).update();
  }

  void markAttemptFailed(long id, String error, Instant nextAttempt, boolean last) {
    jdbc.sql("update notification set attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
            + " state = ? where id = ?")
        .params(truncate(error), Timestamp.from(nextAttempt), last ? "FAILED" : "PENDING", id).update();
  }

  /**
   * Sends a message that failed for good once more, from its first attempt: only one that failed
   * while sending (it has a channel and was tried) — it was never sent, so it is not sent twice.
   * Returns false when the message is not such a one.
   */
  public boolean requeue(long id, String by, Instant now) {
    return jdbc.sql("update notification set state = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = ?,"
            + " requeues = requeues + 1 where id = ? and state = 'FAILED' and channel is not null and attempts > 0")
        .params(Timestamp.from(now), truncate("re-queued by " + by + " at " + now), id).update() == 1;
  }

  /**
   * Messages of a channel that failed for good since {@code since} (an outage: the channel answers
   * again), back to pending, each once. Messages that never reached a channel (no consent) stay
   * failed.
   */
  int requeueFailedSince(Channel channel, Instant since, Instant now) {
    return jdbc.sql("update notification set state = 'PENDING', attempts = 0, next_attempt_at = ?,"
            + " last_error = ?, requeues = requeues + 1 where state = 'FAILED' and channel = ? and attempts > 0"
            + " and requeues = 0 and next_attempt_at >= ?")
        .params(Timestamp.from(now), truncate("re-queued: " + channel + " answers again (" + now + ")"),
            channel.name(), Timestamp.from(since)).update();
  }

  public Optional<Notification> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from notification where id = ?").param(id).query(Outbox::row).optional();
  }

  private static String truncate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private static Notification row(ResultSet rs, int n) throws SQLException {
    return new Notification(rs.getLong("id"), rs.getString("case_number"), rs.getString("audience"),
        rs.getString("template"), rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
        rs.getString("recipient"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
        Notification.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
        instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
        instant(rs, "sent_at"), rs.getString("idempotency_key"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
