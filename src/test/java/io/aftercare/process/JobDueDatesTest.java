package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An asynchronous step that an earlier version left waiting without a due date gets one at
 * start-up, so that the job executor, which looks only for jobs due by now, still finds it.
 */
class JobDueDatesTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineCoverageExtension.builder("process-test-engine.cfg.xml")
      .assertClassCoverageAtLeast(0).build();

  @Test
  void aWaitingJobWithoutADueDateIsDueNow() {
    engine.getRepositoryService().createDeployment().addModelInstance("async.bpmn",
        Bpmn.createExecutableProcess("asyncStep").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Task_Async").camundaAsyncBefore().camundaExpression("${true}").endEvent().done()).deploy();
    engine.getRuntimeService().startProcessInstanceByKey("asyncStep");
    Job waiting = engine.getManagementService().createJobQuery().singleResult();
    assertThat(waiting.getDuedate()).as("as an earlier version created it").isNull();

    ProcessEngineConfigurationImpl configuration = engine.getProcessEngineConfiguration();
    Timestamp now = Timestamp.valueOf("2026-12-01 09:30:00");
    assertThat(JobDueDates.giveDueDates(configuration.getDataSource(), configuration.getDatabaseTablePrefix(), now))
        .isEqualTo(1);
    assertThat(engine.getManagementService().createJobQuery().singleResult().getDuedate()).isEqualTo(now);
    // nothing left to give a due date
    assertThat(JobDueDates.giveDueDates(configuration.getDataSource(), configuration.getDatabaseTablePrefix(), now))
        .isZero();
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }
}
