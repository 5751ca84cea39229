package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/processes/{key}/migration} as a process owner would use it, on a process of this
 * test's own (the application's processes stay as deployed for the other tests): the plan names
 * the step the new version dropped and its waiting case; the batch moves the others; an agent is
 * refused; an unknown process is a 404 and a version without cases a 400 naming the field.
 */
@AftercareIT
class ProcessMigrationIT {

  @LocalServerPort
  int port;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void aProcessOwnerSeesThePlanAndMovesTheCasesThatCanMove() {
    String key = "migrationIt" + System.nanoTime();
    deploy(model(key, "Task_Check", "Task_Answer"));
    String checking = runtime.createProcessInstanceByKey(key).startBeforeActivity("Task_Check").execute().getId();
    String answering = runtime.createProcessInstanceByKey(key).startBeforeActivity("Task_Answer").execute().getId();
    // version 2 keeps the check and replaces the answer by a step of another id
    deploy(model(key, "Task_Check", "Task_Reply"));
    Http http = new Http(port);

    assertThat(http.get("/api/processes/" + key + "/migration", "agent").status()).isEqualTo(403);
    Http.Response plan = http.get("/api/processes/" + key + "/migration", "owner");
    assertThat(plan.status()).as(plan.body()).isEqualTo(200);
    JsonNode source = plan.json().get("sources").get(0);
    assertThat(plan.json().get("targetVersion").asInt()).isEqualTo(2);
    assertThat(source.get("version").asInt()).isEqualTo(1);
    assertThat(source.get("instances").asInt()).isEqualTo(2);
    assertThat(source.get("migratable").asInt()).isEqualTo(1);
    assertThat(source.get("unmapped").get(0).get("activity").asText()).isEqualTo("Task_Answer");
    assertThat(source.get("unmapped").get(0).get("waiting").asInt()).isEqualTo(1);

    Http.Response started = http.post("/api/processes/" + key + "/migration", "owner", Map.of("sourceVersion", 1));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    runBatch(started.json().get("sources").get(0).get("batchId").asText());
    String v2 = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(checking).singleResult().getProcessDefinitionId())
        .isEqualTo(v2);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(answering).singleResult().getProcessDefinitionId())
        .isNotEqualTo(v2);

    Http.Response unknown = http.get("/api/processes/noSuchProcess/migration", "owner");
    assertThat(unknown.status()).isEqualTo(404);
    Http.Response noCases = http.post("/api/processes/" + key + "/migration", "owner", Map.of("sourceVersion", 7));
    assertThat(noCases.status()).isEqualTo(400);
    assertThat(noCases.body()).contains("sourceVersion");
  }

  private static BpmnModelInstance model(String key, String first, String second) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().userTask(first).camundaCandidateGroups("agent").userTask(second).endEvent().done();
  }

  private void deploy(BpmnModelInstance model) {
    repository.createDeployment().name("migration-it").addModelInstance("migration-it.bpmn", model).deploy();
  }

  private void runBatch(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : new String[] {batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId()}) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
  }
}
