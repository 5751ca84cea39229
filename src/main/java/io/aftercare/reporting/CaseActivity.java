package io.aftercare.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The processes and user tasks of one case, from the reporting tables: what the timeline shows. */
@Service
public class CaseActivity {

  /** A process instance on the case; {@code stage} is the step it waits in while active. */
  public record ProcessRun(String processInstanceId, String processKey, String processName, String state,
      String stage, Instant startedAt, Instant endedAt) {}

  /**
   * A user task: its team, who had it, who completed it, and the values the completion set
   * ({@code outcome}: "name=value, …"); {@code taskKey} is its step in the diagram, {@code
   * processDefinitionId} the version it ran in (null once the engine's history is cleaned up).
   */
  public record TaskRun(String taskId, String processInstanceId, String processKey, String name, String team,
      String candidateGroups, String createdFor, String assignee, Instant createdAt, Instant dueAt, Instant endedAt,
      String endReason, String endedWhy, String completedBy, String outcome, String taskKey,
      String processDefinitionId) {

    public boolean completed() {
      return "completed".equals(endReason);
    }
  }

  /** Case {@code from}, opened {@code at}, relates to case {@code to}. */
  public record Link(String from, String to, Instant at) {}

  private final JdbcClient jdbc;

  CaseActivity(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's links both ways: the case it relates to, and the cases that relate to it. */
  public List<Link> links(String caseNumber) {
    return jdbc.sql("select case_number, related_case, opened_at from case_file"
            + " where (case_number = :n and related_case is not null) or related_case = :n order by opened_at")
        .param("n", caseNumber)
        .query((rs, n) -> new Link(rs.getString("case_number"), rs.getString("related_case"), instant(rs, "opened_at")))
        .list();
  }

  public List<ProcessRun> processes(String caseNumber) {
    return jdbc.sql("select process_instance_id, process_key, process_name, state, stage, started_at, ended_at"
            + " from report_process where case_number = ? order by started_at, process_instance_id")
        .param(caseNumber)
        .query((rs, n) -> new ProcessRun(rs.getString("process_instance_id"), rs.getString("process_key"),
            rs.getString("process_name"), rs.getString("state"), rs.getString("stage"), instant(rs, "started_at"),
            instant(rs, "ended_at")))
        .list();
  }

  public List<TaskRun> tasks(String caseNumber) {
    return jdbc.sql("select t.task_id, t.process_instance_id, t.process_key, t.name, t.team, t.candidate_groups,"
            + " t.created_for, t.assignee, t.created_at, t.due_at, t.ended_at, t.end_reason, t.ended_why,"
            + " t.completed_by, t.outcome, t.task_key, h.PROC_DEF_ID_ as process_definition_id"
            + " from report_task t left join ACT_HI_PROCINST h on h.ID_ = t.process_instance_id"
            + " where t.case_number = ? order by t.created_at, t.task_id")
        .param(caseNumber)
        .query((rs, n) -> new TaskRun(rs.getString("task_id"), rs.getString("process_instance_id"),
            rs.getString("process_key"), rs.getString("name"), rs.getString("team"), rs.getString("candidate_groups"),
            rs.getString("created_for"), rs.getString("assignee"), instant(rs, "created_at"), instant(rs, "due_at"),
            instant(rs, "ended_at"), rs.getString("end_reason"), rs.getString("ended_why"), rs.getString("completed_by"),
            rs.getString("outcome"), rs.getString("task_key"), rs.getString("process_definition_id")))
        .list();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
