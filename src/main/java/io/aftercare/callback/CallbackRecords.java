package io.aftercare.callback;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The callback records: the callback, its attempts, survey links and satisfaction answers. Runs in
 * the caller's transaction (the engine's, from a process step).
 */
@Service
public class CallbackRecords {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A survey link as stored. */
  public record Survey(long callbackId, String caseNumber, String processInstanceId, Instant expiresAt,
      Instant usedAt) {}

  /** One set of answers. */
  public record Answers(int csat, Integer nps, boolean resolved, String comment) {}

  private final JdbcClient jdbc;

  CallbackRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long create(String caseNumber, long customerId, String reason, String processInstanceId, Instant now) {
    org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into callback (case_number, customer_id, reason, state, process_instance_id, created_at)"
            + " values (?, ?, ?, 'SCHEDULED', ?, ?)")
        .params(caseNumber, customerId, reason.toUpperCase(), processInstanceId, Timestamp.from(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void planned(long callbackId, int attempts) {
    jdbc.sql("update callback set attempts_planned = ? where id = ?").params(attempts, callbackId).update();
  }

  void attempt(long callbackId, int attemptNo, boolean reached, String agent, Instant at) {
    jdbc.sql("insert into callback_attempt (callback_id, attempt_no, reached, agent, occurred_at) values (?, ?, ?, ?, ?)")
        .params(callbackId, attemptNo, reached, agent, Timestamp.from(at)).update();
    jdbc.sql("update callback set attempts_made = ?, state = ? where id = ?")
        .params(attemptNo, reached ? "REACHED" : "SCHEDULED", callbackId).update();
  }

  /**
   * Stores the answer with the team and category it counts for in the satisfaction report, as its
   * case stands now: a complaint's team and category from triage (not yet triaged: the agents,
   * {@code UNTRIAGED}); without a complaint, the team of the callback's reason and the reason.
   */
  void answered(long callbackId, String caseNumber, String source, Answers answers, Instant at) {
    jdbc.sql("insert into satisfaction (case_number, callback_id, source, csat, nps, resolved, comment, answered_at,"
            + " team, category) values (?, ?, ?, ?, ?, ?, ?, ?,"
            + " coalesce((select k.team from complaint k where k.case_number = ?),"
            + " (select case b.reason when 'RETURN_COMPLETED' then 'returns' when 'ADVERSE_FOLLOWUP' then 'safety'"
            + " else 'agent' end from callback b where b.id = ?)),"
            + " coalesce((select coalesce(k.category, 'UNTRIAGED') from complaint k where k.case_number = ?),"
            + " (select b.reason from callback b where b.id = ?)))")
        .params(caseNumber, callbackId, source, answers.csat(), answers.nps(), answers.resolved(), answers.comment(),
            Timestamp.from(at), caseNumber, callbackId, caseNumber, callbackId)
        .update();
    close(callbackId, "SURVEY".equals(source) ? "ANSWERED" : "REACHED", at);
  }

  void close(long callbackId, String state, Instant at) {
    jdbc.sql("update callback set state = ?, closed_at = ? where id = ?")
        .params(state, Timestamp.from(at), callbackId).update();
  }

  /** A new single-use survey link for the callback; returns its token. */
  String createSurvey(long callbackId, String caseNumber, String processInstanceId, Instant expiresAt, Instant now) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("insert into survey (callback_id, case_number, token, process_instance_id, expires_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(callbackId, caseNumber, token, processInstanceId, Timestamp.from(expiresAt), Timestamp.from(now))
        .update();
    jdbc.sql("update callback set state = 'SURVEY_SENT' where id = ?").param(callbackId).update();
    return token;
  }

  public Optional<Survey> survey(String token) {
    return jdbc.sql("select callback_id, case_number, process_instance_id, expires_at, used_at from survey where token = ?")
        .param(token)
        .query((rs, n) -> new Survey(rs.getLong("callback_id"), rs.getString("case_number"),
            rs.getString("process_instance_id"), rs.getTimestamp("expires_at").toInstant(),
            rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
        .optional();
  }

  /** Marks the link used; false when it was used or expired already (the update is the lock). */
  boolean useSurvey(String token, Instant now) {
    return jdbc.sql("update survey set used_at = ? where token = ? and used_at is null and expires_at > ?")
        .params(Timestamp.from(now), token, Timestamp.from(now)).update() == 1;
  }
}
