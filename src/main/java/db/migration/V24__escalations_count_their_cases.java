package db.migration;

import io.aftercare.customer.Market;
import io.aftercare.sla.Escalations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * What the escalation report counts an escalation by, kept on the escalation
 * ({@link Escalations#record}): its team, and whether it is its case's first at its level and
 * team in its week (in UTC, and in the case's market's zone). Counting the cases of a week then
 * adds up those firsts instead of sorting every escalation of a year by case (1.1–1.4 s over
 * 680,000 escalations, ReportBenchmark). Filled here for the escalations recorded so far, in the
 * order they happened.
 */
public class V24__escalations_count_their_cases extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("alter table escalation add column team varchar(255)");
      statement.execute("alter table escalation add column first_of_week_utc boolean default false not null");
      statement.execute("alter table escalation add column first_of_week_local boolean default false not null");
      statement.execute("update escalation set team = coalesce((select t.team from report_task t"
          + " where t.task_id = escalation.task_id), candidate_groups, '(no task)')");
      statement.execute("alter table escalation alter column team set not null");
    }
    Set<List<Object>> seen = new HashSet<>();
    try (Statement statement = connection.createStatement();
        PreparedStatement update = connection.prepareStatement(
            "update escalation set first_of_week_utc = ?, first_of_week_local = ? where id = ?")) {
      statement.setFetchSize(10_000);
      int batched = 0;
      try (ResultSet rows = statement.executeQuery("select e.id, e.case_number, e.level, e.team, e.occurred_at,"
          + " c.market from escalation e left join case_file c on c.case_number = e.case_number"
          + " order by e.occurred_at, e.id")) {
        while (rows.next()) {
          Instant at = rows.getTimestamp(5).toInstant();
          ZoneId local = rows.getString(6) == null ? ZoneOffset.UTC : Market.valueOf(rows.getString(6)).zone();
          boolean utc = seen.add(List.of("utc", rows.getString(2), rows.getInt(3), rows.getString(4),
              Escalations.week(at, ZoneOffset.UTC)));
          boolean inMarket = seen.add(List.of("local", rows.getString(2), rows.getInt(3), rows.getString(4),
              Escalations.week(at, local)));
          if (utc || inMarket) {
            update.setBoolean(1, utc);
            update.setBoolean(2, inMarket);
            update.setLong(3, rows.getLong(1));
            update.addBatch();
            if (++batched % 1000 == 0) {
              update.executeBatch();
            }
          }
        }
      }
      update.executeBatch();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("drop index escalation_report_idx");
      statement.execute("create index escalation_report_idx on escalation (occurred_at, level, team,"
          + " first_of_week_utc, first_of_week_local, case_number)");
    }
  }
}
