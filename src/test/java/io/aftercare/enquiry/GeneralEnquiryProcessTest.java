package io.aftercare.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.aftercare.support.ProcessTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;

import org.camunda.bpm.engine.test.mock.Mocks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of the general enquiry on an in-memory engine. The beans are stand-ins that record
 * what the process asked of them; the Spring Boot tests run the real ones.
 */
@Deployment(resources = {"processes/general-enquiry.bpmn", "processes/enquiry-routing.dmn",
    "forms/register-enquiry.form", "forms/answer-enquiry.form", "forms/register-complaint.form",
    "forms/enquiry-follow-up.form"})
class GeneralEnquiryProcessTest extends ProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = newEngine();

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  static final String CASE_NUMBER = "AC-2026-000042";
  static final Date WARN = Date.from(Instant.parse("2026-11-23T15:45:00Z"));
  static final Date DUE = Date.from(Instant.parse("2026-11-23T18:00:00Z"));

  /** What the stand-in beans were asked, as "bean:parameter=value,…". */

  /** Stands in for the sla bean: fixed dates per clock. */
  public static class FixedSla {
    public Date due(Object scope, String target) {
      return DUE;
    }

    public Date warn(Object scope, String target) {
      return WARN;
    }
  }

  @BeforeEach
  void setUp() {
    Mocks.register("openCase", (JavaDelegate) execution -> {
      execution.setVariable("caseNumber", CASE_NUMBER);
      execution.setProcessBusinessKey(CASE_NUMBER);
      if ("sophie.martin@example.fr".equals(execution.getVariable("contact"))) {
        execution.setVariable("customerId", 4L);
      }
    });
    Mocks.register("sla", new FixedSla());
    Mocks.register("slaClock", recorder.delegate("slaClock", "clock", "action"));
    Mocks.register("escalate", recorder.delegate("escalate", "clock", "level", "task"));
    Mocks.register("notifyCustomer", recorder.delegate("notifyCustomer", "template"));
    Mocks.register("startComplaint", recorder.delegate("startComplaint"));
  }

  @Test
  void anEnquiryThatIsAComplaintIsRegisteredByTheAgentAndOpenedOnTheSameCase() {
    ProcessInstance enquiry = start("product_use", "+8613800000009");
    complete(task(), withVariables("answer", "We are sorry: we register your complaint.", "followUp", "complaint"));

    assertThat(enquiry).isWaitingAt("Task_RegisterComplaint");
    assertThat(task()).hasCandidateGroup("agent").hasName("登记投诉 Register the complaint of enquiry " + CASE_NUMBER);
    assertThat(taskService().createTaskQuery().initializeFormKeys().singleResult().getCamundaFormRef().getKey())
        .isEqualTo("register-complaint");
    complete(task(), withVariables("sku", "SK-SERUM-30", "description", "The serum burns."));
    assertThat(calls).contains("startComplaint:");
    assertThat(enquiry).hasPassed("Task_StartComplaint", "EndEvent_ComplaintOpened").isEnded();
  }

  @ParameterizedTest(name = "a {0} goes to {1}")
  @CsvSource({"return, returns", "adverse_reaction, safety"})
  void anEnquiryThatNeedsAReturnOrASafetyCaseIsHandedToThatTeam(String followUp, String team) {
    ProcessInstance enquiry = start("other", "+8613800000009");
    complete(task(), withVariables("answer", "The team will contact you.", "followUp", followUp));

    assertThat(enquiry).isWaitingAt("Task_HandOver");
    assertThat(task()).hasCandidateGroup(team);
    complete(task(), withVariables("openedAs", "RMA-2026-000042"));
    assertThat(enquiry).hasPassed("EndEvent_HandedOver").isEnded();
  }

  @ParameterizedTest(name = "topic {0} goes to {1}")
  @CsvSource({"return, returns", "skin_reaction, safety", "product_use, agent", "order, agent", "other, agent"})
  void enquiryIsAnsweredByTheTeamTheRoutingChooses(String topic, String team) {
    ProcessInstance enquiry = start(topic, "+33 6 00 00 00 99");

    assertThat(enquiry).isWaitingAt("Task_AnswerEnquiry").hasBusinessKey(CASE_NUMBER);
    assertThat(task()).hasCandidateGroup(team).hasName("答复 Answer enquiry " + CASE_NUMBER);

    complete(task(), withVariables("answer", "Apply after cleansing, morning and evening.",
        "followUp", "none"));

    assertThat(enquiry).hasPassedInOrder("StartEvent_EnquiryReceived", "Task_OpenCase",
        "Task_StartAnswerClock", "Task_RouteEnquiry", "Gateway_KnownCustomer", "Gateway_Join",
        "Task_AnswerEnquiry", "Task_StopAnswerClock", "Gateway_FollowUp", "EndEvent_EnquiryAnswered").isEnded();
    assertThat(enquiry).hasNotPassed("Task_Acknowledge");
    assertThat(calls).containsExactly("slaClock:clock=enquiry.answer,action=start",
        "slaClock:clock=enquiry.answer,action=stop");
  }

  @Test
  void knownCustomerIsAcknowledgedBeforeTheAnswer() {
    ProcessInstance enquiry = start("order", "sophie.martin@example.fr");

    assertThat(enquiry).isWaitingAt("Task_Acknowledge");
    execute(job("Task_Acknowledge"));

    assertThat(calls).contains("notifyCustomer:template=acknowledgement");
    assertThat(enquiry).isWaitingAt("Task_AnswerEnquiry");
  }

  @Test
  void answerTaskIsDueWhenTheClockIsAndUsesTheDeployedForm() {
    start("product_use", "+8613800000009");

    Task task = taskService().createTaskQuery().initializeFormKeys().singleResult();
    assertThat(task.getDueDate()).isEqualTo(DUE);
    assertThat(task.getFollowUpDate()).isEqualTo(WARN);
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("answer-enquiry");
    assertThat(formService().getDeployedTaskForm(task.getId())).isNotNull();
  }

  @Test
  void warningThenBreachEscalateWhileTheTaskStaysOpen() {
    ProcessInstance enquiry = start("return", "+8613800000009");
    Job warning = timer("Timer_AnswerWarning");
    Job breach = timer("Timer_AnswerBreach");
    assertThat(warning.getDuedate()).isEqualTo(WARN);
    assertThat(breach.getDuedate()).isEqualTo(DUE);

    execute(warning);
    assertThat(calls).contains("escalate:clock=enquiry.answer,level=1,task=Task_AnswerEnquiry");
    execute(breach);
    assertThat(calls).contains("escalate:clock=enquiry.answer,level=2,task=Task_AnswerEnquiry");

    assertThat(enquiry).hasPassed("EndEvent_AssigneeWarned", "EndEvent_BreachEscalated")
        .isWaitingAt("Task_AnswerEnquiry");
    complete(task(), withVariables("answer", "Sorry for the wait: here is how to return it.", "followUp", "none"));
    assertThat(enquiry).isEnded();
  }

  private ProcessInstance start(String topic, String contact) {
    current = runtimeService().startProcessInstanceByKey("generalEnquiry", withVariables(
        "customerName", "Sophie Martin", "contact", contact, "market", "EU", "topic", topic,
        "question", "How do I use the serum?"));
    return current;
  }
}
