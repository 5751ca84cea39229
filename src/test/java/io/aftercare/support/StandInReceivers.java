package io.aftercare.support;

import org.camunda.bpm.engine.RepositoryService;

/**
 * Deploys stand-ins for the processes that receive the complaint's messages but are not built yet
 * (return/exchange), once per database.
 */
public final class StandInReceivers {

  private StandInReceivers() {}

  public static void deploy(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("returnReceiverTest").count() == 0) {
      repository.createDeployment().name("message-receivers-test")
          .addClasspathResource("bpmn/message-receivers-test.bpmn").deploy();
    }
  }
}
