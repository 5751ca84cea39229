package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The history has one database writer: Camunda's default one switched back on stops the start.
 * It keeps the case's and the tasks' variables and leaves out a step's own input parameters.
 */
class VariableHistoryTest {

  @Test
  void aStepsInputParametersAreNotKeptInHistoryTheCasesAndTasksVariablesAre() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:variable-history-" + System.nanoTime());
    configuration.setHistory("full");
    configuration.setProcessEnginePlugins(new java.util.ArrayList<>(java.util.List.of(new VariableHistory())));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("steps.bpmn",
          Bpmn.createExecutableProcess("steps").camundaHistoryTimeToLive(1).startEvent()
              .serviceTask("Step_Clock").camundaExpression("${execution.setVariable('started', clock)}")
              .camundaInputParameter("clock", "complaint.acknowledge")
              .userTask("Task_Work").camundaInputParameter("stage", "Resolve")
              .endEvent().done()).deploy();
      String instance = engine.getRuntimeService().startProcessInstanceByKey("steps",
          Variables.createVariables().putValue("caseNumber", "AC-2026-000001")).getId();
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      // while the task waits, its step's parameter is there to read
      assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance)
          .variableName("stage").count()).isEqualTo(1);
      engine.getTaskService().setVariableLocal(task.getId(), "urgency", "high");
      engine.getTaskService().complete(task.getId(), Variables.createVariables().putValue("outcome", "resolved"));

      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list())
          .extracting(HistoricVariableInstance::getName)
          .containsExactlyInAnyOrder("caseNumber", "started", "urgency", "outcome");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("started")
          .singleResult().getValue()).isEqualTo("complaint.acknowledge");
    } finally {
      engine.close();
    }
  }

  @Test
  void theWriterTakesTheDefaultWritersPlaceAndKeepsIt() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    VariableHistory plugin = new VariableHistory();
    plugin.preInit(configuration);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers()).singleElement()
        .isInstanceOf(VariableHistory.WithoutUpdateDetail.class);
    plugin.postInit(configuration);

    configuration.setEnableDefaultDbHistoryEventHandler(true);
    assertThatThrownBy(() -> plugin.postInit(configuration)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("enableDefaultDbHistoryEventHandler");
  }
}
