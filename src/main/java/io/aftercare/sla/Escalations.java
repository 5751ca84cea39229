package io.aftercare.sla;

import io.aftercare.customer.Market;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
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

  /**
   * Records an escalation with what the escalation report counts it by: the team (the task's
   * team as the reports know it, else the groups escalated to, else {@code (no task)}), and
   * whether it is the case's first at this level and team in its week (Monday to Sunday, in UTC
   * and in the case's market's zone), so that the report counts a week's cases without sorting a
   * year of escalations.
   */
  public void record(String caseNumber, Escalation escalation) {
    String team = jdbc.sql("select coalesce((select t.team from report_task t where t.task_id = ?), ?, '(no task)')")
        .params(escalation.taskId(), escalation.candidateGroups()).query(String.class).single();
    // the case file stays locked until this transaction ends: two escalations of one case at once
    // (two of its processes) see each other, so only one is the week's first
    ZoneId local = zone(jdbc.sql("select market from case_file where case_number = ? for update").param(caseNumber)
        .query((rs, n) -> rs.getString(1)).optional().orElse(null));
    jdbc.sql("insert into escalation (case_number, target, level, task_id, task_name, assignee,"
            + " candidate_groups, occurred_at, team, first_of_week_utc, first_of_week_local)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseNumber, escalation.target(), escalation.level(), escalation.taskId(), escalation.taskName(),
            escalation.assignee(), escalation.candidateGroups(), Timestamp.from(escalation.occurredAt()), team,
            firstOfWeek(caseNumber, escalation, team, ZoneOffset.UTC), firstOfWeek(caseNumber, escalation, team, local))
        .update();
  }

  private boolean firstOfWeek(String caseNumber, Escalation escalation, String team, ZoneId zone) {
    LocalDate monday = week(escalation.occurredAt(), zone);
    return jdbc.sql("select count(*) from escalation where case_number = ? and level = ? and team = ?"
            + " and occurred_at >= ? and occurred_at < ?")
        .params(caseNumber, escalation.level(), team, Timestamp.from(monday.atStartOfDay(zone).toInstant()),
            Timestamp.from(monday.plusWeeks(1).atStartOfDay(zone).toInstant()))
        .query(Long.class).single() == 0;
  }

  /**
   * The case's market changed (a known customer joined it): which of its escalations is the
   * first of its week in the market's zone is worked out again, in the order they happened.
   */
  public void marketChanged(String caseNumber) {
    ZoneId local = zone(jdbc.sql("select market from case_file where case_number = ?").param(caseNumber)
        .query((rs, n) -> rs.getString(1)).optional().orElse(null));
    record Row(long id, int level, String team, Instant at) {}
    java.util.Set<List<Object>> seen = new java.util.HashSet<>();
    for (Row row : jdbc.sql("select id, level, team, occurred_at from escalation where case_number = ?"
            + " order by occurred_at, id")
        .param(caseNumber)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list()) {
      jdbc.sql("update escalation set first_of_week_local = ? where id = ?")
          .params(seen.add(List.of(row.level(), row.team(), week(row.at(), local))), row.id()).update();
    }
  }

  private static ZoneId zone(String market) {
    return market == null ? ZoneOffset.UTC : Market.valueOf(market).zone();
  }

  /** The Monday of an instant's week in a zone. */
  public static LocalDate week(Instant at, ZoneId zone) {
    return LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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
