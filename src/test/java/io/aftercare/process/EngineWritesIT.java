package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareIT;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's engine works as README "Benchmarks" says: one database history writer (Camunda's,
 * less the variable-change detail), no Spring event per history event, ids in time order, the id
 * check without the entity written out, decisions on the FEEL engine that parses each text once, and the job
 * executor's settings chosen with TimerBenchmark.
 */
@AftercareIT
class EngineWritesIT {

  @Autowired ProcessEngine engine;
  @Autowired CamundaBpmProperties properties;

  @Test
  void theEngineWritesThroughAftercaresWriters() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getSessionFactories().get(DbEntityManager.class)).isInstanceOf(InsertIdCheck.Factory.class);

    // rows get ids in the order they are made (UUID version 7), so history lands at its indexes' end
    assertThat(configuration.getIdGenerator()).isInstanceOf(TimeOrderedIds.class);
    String first = configuration.getIdGenerator().getNextId();
    String deployment = engine.getRepositoryService().createDeploymentQuery().orderByDeploymentTime().desc()
        .listPage(0, 1).get(0).getId();
    assertThat(UUID.fromString(deployment).version()).isEqualTo(7);
    assertThat(configuration.getIdGenerator().getNextId()).isGreaterThan(first);

    // decisions evaluate on the FEEL engine that parses each text once
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(FeelParsedOnce.Engine.class);

    List<HistoryEventHandler> writers = all(configuration.getHistoryEventHandler());
    assertThat(writers.stream().filter(DbHistoryEventHandler.class::isInstance))
        .singleElement().isInstanceOf(VariableHistory.WithoutUpdateDetail.class);
    assertThat(writers).noneMatch(h -> h.getClass().getName().contains("PublishHistoryEventHandler"));
  }

  /**
   * The job executor's settings as application.yaml gives them to Camunda's starter (the tests
   * run without a job executor, so the starter's own executor is not built here).
   */
  @Test
  void theJobExecutorTakesTenJobsALookOnFourThreads() {
    JobExecutionProperty jobs = properties.getJobExecution();
    assertThat(jobs.getMaxJobsPerAcquisition()).isEqualTo(10);
    assertThat(jobs.getCorePoolSize()).isEqualTo(4);
    assertThat(jobs.getMaxPoolSize()).isEqualTo(4);
    assertThat(jobs.getQueueCapacity()).isEqualTo(10);
    assertThat(jobs.getLockTimeInMillis()).isEqualTo(30_000);
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJobExecutorAcquireByDueDate())
        .isTrue();
  }

  /** A handler and those it hands events to (the privacy filter wraps the writers, a composite lists them). */
  private static List<HistoryEventHandler> all(HistoryEventHandler handler) throws Exception {
    List<HistoryEventHandler> all = new ArrayList<>(List.of(handler));
    for (Class<?> type = handler.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        field.setAccessible(true);
        if (HistoryEventHandler.class.isAssignableFrom(field.getType()) && field.get(handler) != null) {
          all.addAll(all((HistoryEventHandler) field.get(handler)));
        } else if (List.class.isAssignableFrom(field.getType()) && handler instanceof CompositeHistoryEventHandler) {
          for (Object inner : (List<?>) field.get(handler)) {
            all.addAll(all((HistoryEventHandler) inner));
          }
        }
      }
    }
    return all;
  }
}
