package io.aftercare.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The escalations recorded on cases. */
@Service
public class Escalations {

  /** One escalation of one task (or of the clock alone, when no task was open). */
  public record Escalation(String target, int level, String taskId, String taskName, String assignee,
      String candidateGroups, Instant occurredAt) {}

  private final JdbcClient jdbc;

  Escalations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String caseNumber, Escalation escalation) {
    jdbc.sql("insert into escalation (case_number, target, level, task_id, task_name, assignee,"
            + " candidate_groups, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseNumber, escalation.target(), escalation.level(), escalation.taskId(), escalation.taskName(),
            escalation.assignee(), escalation.candidateGroups(), Timestamp.from(escalation.occurredAt()))
        .update();
  }

  public List<Escalation> forCase(String caseNumber) {
    return jdbc.sql("select target, level, task_id, task_name, assignee, candidate_groups, occurred_at"
            + " from escalation where case_number = ? order by occurred_at, id")
        .param(caseNumber)
        .query((rs, n) -> new Escalation(rs.getString("target"), rs.getInt("level"), rs.getString("task_id"),
            rs.getString("task_name"), rs.getString("assignee"), rs.getString("candidate_groups"),
            rs.getTimestamp("occurred_at").toInstant()))
        .list();
  }
}
