package io.aftercare.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that its schema lacks and Aftercare's load needs (measured in
 * TaskListBenchmark and IntakeBenchmark, README "Benchmarks"):
 * <ul>
 * <li>{@code ACT_RU_TASK(DUE_DATE_)}: a list sorted by due date (every Aftercare filter) reads
 * the tasks in that order and stops at the page's 15, instead of sorting every matching task
 * (Camunda's {@code select distinct} sorts by all columns: PostgreSQL's incremental sort then
 * needs its input ordered by the first, the due date); the "Due today" and "Overdue" ranges
 * use it too;</li>
 * <li>{@code ACT_RU_IDENTITYLINK(GROUP_ID_, TYPE_, TASK_ID_)}: a group's offered tasks read
 * from the index alone, for the lists' counts;</li>
 * <li>{@code ACT_RU_JOB(DUEDATE_)}: the job executor looks for jobs due now among every pending
 * SLA timer (two or more per open case) several times a second under load; without it each look
 * reads them all (3 ms at 5,400 jobs, growing with them; 0.07 ms with it);</li>
 * <li>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: every task that ends (completed, or cancelled by an
 * SLA timer) is first asked for its sub-tasks; without it each asking reads every open task
 * (34 ms at 100,000 open tasks, TimerBenchmark);</li>
 * <li>{@code ACT_RU_TASK(SUSPENSION_STATE_)}: Tasklist's counts, kept as tasks come and go, ask
 * whether any task is suspended (a page shows active tasks only): without it each asking reads
 * every open task when none is.</li>
 * </ul>
 * Created when the engine has built its schema, if missing (H2 and PostgreSQL both know
 * {@code create index if not exists}); a node that loses a race to create one goes on.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  static final List<String> INDEXES = List.of(
      "create index if not exists AFTERCARE_IDX_TASK_DUE on %sACT_RU_TASK(DUE_DATE_)",
      "create index if not exists AFTERCARE_IDX_IDLNK_GROUP_TASK on %sACT_RU_IDENTITYLINK(GROUP_ID_, TYPE_, TASK_ID_)",
      "create index if not exists AFTERCARE_IDX_JOB_DUE on %sACT_RU_JOB(DUEDATE_)",
      "create index if not exists AFTERCARE_IDX_TASK_PARENT on %sACT_RU_TASK(PARENT_TASK_ID_)",
      "create index if not exists AFTERCARE_IDX_TASK_SUSPENDED on %sACT_RU_TASK(SUSPENSION_STATE_)");

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    create(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
  }

  static void create(DataSource dataSource, String tablePrefix) {
    String prefix = tablePrefix == null ? "" : tablePrefix;
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        for (String index : INDEXES) {
          try {
            statement.execute(String.format(index, prefix));
          } catch (SQLException e) {
            // two nodes starting at once: the other one's index stands
            LOG.warn("Could not create an index on the engine's tables ({}): {}", index.formatted(prefix), e.getMessage());
          }
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      LOG.warn("Could not create the indexes on the engine's tables: {}", e.getMessage());
    }
  }
}
