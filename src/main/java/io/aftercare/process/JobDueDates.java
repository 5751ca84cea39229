package io.aftercare.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every job has a due date ({@code ensureJobDueDateNotNull}, application.yaml), so that the job
 * executor's look for due jobs, soonest first ({@code jobExecutorAcquireByDueDate}), is a range of
 * the due-date index read in order and stops at the jobs it takes (TimerBenchmark: with "due date
 * is null or …" PostgreSQL sorted every due job for each look). An asynchronous step that an
 * earlier version left waiting without a due date would then never be found: at start-up, such
 * jobs are given "now". An upgrade from an earlier version stops all old nodes first: a
 * job an old node created without a due date after this start would wait for the next one.
 */
@Component
public class JobDueDates extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(JobDueDates.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (configuration.isEnsureJobDueDateNotNull()) {
      int given = giveDueDates(configuration.getDataSource(), configuration.getDatabaseTablePrefix(),
          new Timestamp(ClockUtil.getCurrentTime().getTime()));
      if (given > 0) {
        LOG.info("{} waiting job(s) without a due date are due now", given);
      }
    }
  }

  /** Gives every job without a due date the given one; how many there were. */
  static int giveDueDates(DataSource dataSource, String tablePrefix, Timestamp now) {
    String prefix = tablePrefix == null ? "" : tablePrefix;
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (PreparedStatement update = connection.prepareStatement(
          "update " + prefix + "ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null")) {
        update.setTimestamp(1, now);
        return update.executeUpdate();
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      LOG.warn("Could not give waiting jobs a due date: {}", e.getMessage());
      return 0;
    }
  }
}
