package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.ProcessTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moving running cases from the previous version of each process (as released:
 * src/test/resources/migration/previous/) to the version in processes/: one case waiting in every
 * wait state of the previous version, all moved by the batch, each still waiting where it was.
 * And a new version that drops a wait state: the plan names it with the cases waiting there, and
 * those cases stay on their version while the others move.
 */
class ProcessMigrationsTest extends ProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = newPlainEngine();

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  private final List<String> deployments = new ArrayList<>();
  private RepositoryService repository;
  private RuntimeService runtime;
  private ManagementService management;
  private ProcessMigrations migrations;

  /** Dates for the diagrams' SLA expressions: the cases are put in place, not driven there. */
  public static class SomeDates {
    private static final Date LATER = new Date(System.currentTimeMillis() + 86_400_000L);

    public Date due(Object scope, String clock) {
      return LATER;
    }

    public Date warn(Object scope, String clock) {
      return LATER;
    }

    public Date escalation(Object scope, String clock) {
      return LATER;
    }

    public Date fromNow(Object scope, String target) {
      return LATER;
    }

    public Date firstCall(Object scope) {
      return LATER;
    }

    public Date callDue(Object scope) {
      return LATER;
    }

    public Date retry(Object scope) {
      return LATER;
    }
  }

  @BeforeEach
  void setUp() {
    repository = engine.getRepositoryService();
    runtime = engine.getRuntimeService();
    management = engine.getManagementService();
    migrations = new ProcessMigrations(repository, runtime, management);
    Mocks.register("sla", new SomeDates());
    Mocks.register("callbacks", new SomeDates());
    for (String bean : new String[] {"slaClock", "escalate", "notifyCustomer", "notifyStaff", "sendMessage"}) {
      Mocks.register(bean, (JavaDelegate) execution -> { });
    }
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repository.deleteDeployment(id, true, true, true));
  }

  @ParameterizedTest(name = "{0}: every wait state of the previous version moves to the current one")
  @ValueSource(strings = {"complaint-handling", "return-exchange", "adverse-reaction-report", "callback-follow-up",
      "general-enquiry"})
  void casesInEveryWaitStateOfThePreviousVersionMoveToTheCurrentOne(String process) throws IOException {
    ProcessDefinition previous = deploy(process, read("migration/previous/" + process + ".bpmn"));
    Map<String, String> waitingAt = startOneInEveryWaitState(previous);
    assertThat(waitingAt).as("cases put in the previous version's wait states").isNotEmpty();
    ProcessDefinition current = deploy(process, Files.readString(Path.of("processes", process + ".bpmn")));
    assertThat(current.getVersion()).isEqualTo(previous.getVersion() + 1);

    ProcessMigrations.Report plan = migrations.plan(previous.getKey());
    assertThat(plan.targetVersion()).isEqualTo(current.getVersion());
    assertThat(plan.sources()).hasSize(1);
    ProcessMigrations.Source source = plan.sources().get(0);
    assertThat(source.problems()).isEmpty();
    assertThat(source.unmapped()).as("wait states of the previous version the current one lacks").isEmpty();
    assertThat(source.instances()).isEqualTo(waitingAt.size());
    assertThat(source.migratable()).isEqualTo(waitingAt.size());

    ProcessMigrations.Report started = migrations.migrate(previous.getKey(), null);
    runBatch(started.sources().get(0).batchId());

    waitingAt.forEach((instanceId, activity) -> {
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
      assertThat(instance.getProcessDefinitionId()).as(activity).isEqualTo(current.getId());
      assertThat(runtime.getActiveActivityIds(instanceId)).as("still waiting at " + activity).contains(activity);
    });
    assertThat(migrations.plan(previous.getKey()).sources()).as("nothing left on the previous version").isEmpty();
  }

  @Test
  void aWaitStateTheNewVersionDropsIsListedAndItsCasesStayOnTheirVersion() throws IOException {
    String bpmn = Files.readString(Path.of("processes", "general-enquiry.bpmn"));
    ProcessDefinition v1 = deploy("general-enquiry", bpmn);
    Map<String, String> waitingAt = startOneInEveryWaitState(v1);
    String answering = key(waitingAt, "Task_AnswerEnquiry");
    String acknowledging = key(waitingAt, "Task_Acknowledge");
    // the new version answers in a task of another id: a different step for the engine
    ProcessDefinition v2 = deploy("general-enquiry", bpmn.replace("Task_AnswerEnquiry", "Task_AnswerQuestion"));

    ProcessMigrations.Source plan = migrations.plan("generalEnquiry").sources().get(0);
    assertThat(plan.unmapped()).extracting(ProcessMigrations.Unmapped::activity, ProcessMigrations.Unmapped::waiting)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Task_AnswerEnquiry", 1L));
    assertThat(plan.migratable()).isEqualTo(waitingAt.size() - 1);
    assertThat(plan.mapped()).extracting(ProcessMigrations.Mapping::from).contains("Task_Acknowledge")
        .doesNotContain("Task_AnswerEnquiry");

    runBatch(migrations.migrate("generalEnquiry", v1.getVersion()).sources().get(0).batchId());
    assertThat(definitionOf(answering)).as("waiting in the dropped step: stays").isEqualTo(v1.getId());
    assertThat(definitionOf(acknowledging)).isEqualTo(v2.getId());
    assertThat(migrations.plan("generalEnquiry").sources().get(0).instances()).isEqualTo(1);
  }

  private Map<String, String> startOneInEveryWaitState(ProcessDefinition definition) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    Map<String, String> waitingAt = new LinkedHashMap<>();
    int n = 0;
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!ProcessMigrations.isWaitState(node)) {
        continue;
      }
      ProcessInstance instance = runtime.createProcessInstanceById(definition.getId())
          .businessKey("AC-2026-" + String.format("%06d", ++n))
          .startBeforeActivity(node.getId())
          .setVariables(variables())
          .execute(true, true);
      waitingAt.put(instance.getId(), node.getId());
    }
    return waitingAt;
  }

  /** What the diagrams' names, groups, dates and conditions read. */
  private static Map<String, Object> variables() {
    Map<String, Object> v = new HashMap<>();
    for (String text : new String[] {"caseNumber", "product", "customerTier", "team", "rmaNumber", "reason",
        "settlement", "reportNumber", "market", "customerName", "sku", "batch", "category", "resolution",
        "callbackReason", "reportTarget", "followUpClock", "seriousness", "question", "reportType"}) {
      v.put(text, "x");
    }
    v.put("resolutionClock", "complaint.resolve.general");
    v.put("settlementClock", "return.refund");
    v.put("regulatoryClock", "adverse.regulatory.EU.serious");
    v.put("severity", 2);
    v.put("priority", 50);
    v.put("daysSinceDelivery", 3);
    v.put("attempt", 1);
    v.put("maxAttempts", 3);
    v.put("followUpNumber", 1);
    v.put("batchReports", 3);
    v.put("followUp", "return");
    v.put("followUpAwareDate", "2026-11-20");
    v.put("awareDate", "2026-11-20");
    v.put("surveyExpiresAt", SomeDates.LATER);
    return v;
  }

  private ProcessDefinition deploy(String name, String bpmn) {
    Deployment deployment = repository.createDeployment().name("migration-test")
        .addString(name + ".bpmn", bpmn).deploy();
    deployments.add(deployment.getId());
    return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
  }

  /** The batch as the job executor would run it: seed, migration jobs, monitor. */
  private void runBatch(String batchId) {
    assertThat(batchId).isNotNull();
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : new String[] {batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId()}) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
    assertThat(management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException().count())
        .as("failed migration jobs").isZero();
  }

  private String definitionOf(String instanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getProcessDefinitionId();
  }

  private static String key(Map<String, String> waitingAt, String activity) {
    return waitingAt.entrySet().stream().filter(e -> e.getValue().equals(activity)).findFirst().orElseThrow().getKey();
  }

  private static String read(String resource) {
    try (InputStream in = ProcessMigrationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
