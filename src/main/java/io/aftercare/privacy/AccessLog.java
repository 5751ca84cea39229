package io.aftercare.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only log of full reads of personal data (table {@code personal_data_access}), written
 * in the reading request's transaction (a form's read in the engine's; an API read on its own).
 */
@Service
public class AccessLog {

  /** What was read in full. */
  public enum Data { CONTACT, HEALTH, EXPORT }

  /** Through which door: the API, a Tasklist task form, a printable report. */
  public enum Door {
    API("api"), TASK_FORM("task-form"), REPORT("report");

    private final String id;

    Door(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  public record Access(long id, Instant accessedAt, String userId, Long customerId, String caseNumber, String data,
      String purpose, String door) {}

  private final JdbcClient jdbc;

  AccessLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String userId, Long customerId, String caseNumber, Data data, String purpose, Door door) {
    jdbc.sql("insert into personal_data_access (accessed_at, user_id, customer_id, case_number, data, purpose, door)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(ClockUtil.getCurrentTime().toInstant()), userId == null ? "(system)" : userId,
            customerId, caseNumber, data.name(), purpose, door.id())
        .update();
  }

  /** The reads matching every given criterion (null: any), newest first, at most {@code limit}. */
  public List<Access> find(Long customerId, String userId, Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("select * from personal_data_access where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (customerId != null) {
      sql.append(" and customer_id = ?");
      params.add(customerId);
    }
    if (userId != null) {
      sql.append(" and user_id = ?");
      params.add(userId);
    }
    if (from != null) {
      sql.append(" and accessed_at >= ?");
      params.add(Timestamp.from(from));
    }
    if (to != null) {
      sql.append(" and accessed_at < ?");
      params.add(Timestamp.from(to));
    }
    sql.append(" order by accessed_at desc, id desc fetch first ").append(limit).append(" rows only");
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, row) -> new Access(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(),
            rs.getString("user_id"), (Long) rs.getObject("customer_id", Long.class), rs.getString("case_number"),
            rs.getString("data"), rs.getString("purpose"), rs.getString("door")))
        .list();
  }
}
