package db.migration;

import io.aftercare.reporting.OpenTaskCounts;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Open tasks counted by the candidate groups they are offered to, process and quarter hour of
 * their due date, which Tasklist's counts read instead of every open task ({@link OpenTaskCounts}).
 * Filled here from the open tasks of {@code report_task}, by the same rule the application counts
 * a task with when it is created.
 */
public class V25__open_task_counts extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute("""
          create table open_task_count (
              candidate_groups varchar(255) not null,
              process_key      varchar(255) not null,
              due_slot         bigint       not null,
              tasks            bigint       not null,
              primary key (candidate_groups, process_key, due_slot))""");
      statement.execute("create index open_task_count_due_idx on open_task_count (due_slot)");
    }
    OpenTaskCounts.rebuild(context.getConnection());
  }
}
