package io.aftercare.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The general enquiry, the first process on the platform, on an in-memory engine. */
@Deployment(resources = {"processes/general-enquiry.bpmn", "processes/enquiry-routing.dmn",
    "forms/register-enquiry.form", "forms/answer-enquiry.form"})
class GeneralEnquiryProcessTest {

  static final String CASE_NUMBER = "AC-2026-000042";

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-test-engine.cfg.xml").build();

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    // Stands in for the openCase bean (covered with its database in the Spring Boot tests).
    Mocks.register("openCase", (JavaDelegate) execution -> {
      execution.setVariable("caseNumber", CASE_NUMBER);
      execution.setProcessBusinessKey(CASE_NUMBER);
    });
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @ParameterizedTest(name = "topic {0} goes to {1}")
  @CsvSource({"return, returns", "skin_reaction, safety", "product_use, agent", "order, agent", "other, agent"})
  void enquiryIsAnsweredByTheTeamTheRoutingChooses(String topic, String team) {
    ProcessInstance enquiry = start(topic);

    assertThat(enquiry).isWaitingAt("Task_AnswerEnquiry").hasBusinessKey(CASE_NUMBER);
    assertThat(task()).hasCandidateGroup(team).hasName("Answer enquiry " + CASE_NUMBER);

    complete(task(), withVariables("answer", "Apply after cleansing, morning and evening.",
        "needsFollowUp", false));

    assertThat(enquiry).hasPassedInOrder("StartEvent_EnquiryReceived", "Task_OpenCase",
        "Task_RouteEnquiry", "Task_AnswerEnquiry", "EndEvent_EnquiryAnswered").isEnded();
  }

  @Test
  void answerTaskIsDueWithinADayAndUsesTheDeployedForm() {
    Instant started = Instant.now();
    start("product_use");

    Task task = taskService().createTaskQuery().initializeFormKeys().singleResult();
    assertThat(Duration.between(started, task.getDueDate().toInstant()))
        .isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24).plusMinutes(1));
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("answer-enquiry");
    assertThat(formService().getDeployedTaskForm(task.getId())).isNotNull();
  }

  private ProcessInstance start(String topic) {
    return runtimeService().startProcessInstanceByKey("generalEnquiry", withVariables(
        "customerName", "王丽", "contact", "+8613800000001", "market", "CN", "topic", topic,
        "question", "How do I use the serum?"));
  }
}
