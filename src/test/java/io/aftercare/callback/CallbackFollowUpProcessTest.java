package io.aftercare.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.aftercare.process.SendMessageDelegate;
import io.aftercare.support.ProcessTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

import java.util.Date;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import org.camunda.bpm.engine.test.mock.Mocks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of the callback follow-up on an in-memory engine, with the real plan (callback-plan.dmn)
 * and message sending; the application's beans are stand-ins that record what they were asked.
 */
@Deployment(resources = {"processes/callback-follow-up.bpmn", "processes/callback-plan.dmn",
    "forms/callback-call.form", "forms/review-dissatisfaction.form", "bpmn/complaint-reopened-receiver-test.bpmn"})
class CallbackFollowUpProcessTest extends ProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = newEngine();

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  static final String CASE = "AC-2026-000888";
  static final Date FIRST_CALL = date("2026-11-24T02:00:00Z");
  static final Date RETRY = date("2026-11-25T02:00:00Z");
  static final Date CALL_DUE = date("2026-11-24T06:00:00Z");
  static final Date SURVEY_EXPIRES = date("2026-12-01T02:00:00Z");

  /** Stands in for the callbacks bean: fixed dates. */
  public static class FixedSchedule {
    public Date firstCall(Object scope) {
      return FIRST_CALL;
    }

    public Date retry(Object scope) {
      return RETRY;
    }

    public Date callDue(Object scope) {
      return CALL_DUE;
    }
  }

  @BeforeEach
  void setUp() {
    Mocks.register("prepareCallback", (JavaDelegate) execution -> {
      execution.setVariable("caseNumber", CASE);
      execution.setProcessBusinessKey(CASE);
      execution.setVariable("customerName", "王丽");
      execution.setVariable("customerTier", "HIGH");
      execution.setVariable("market", "CN");
      execution.setVariable("attempt", 0);
      execution.setVariable("callbackId", 1L);
      calls.add("prepareCallback");
    });
    Mocks.register("recordCallback", (JavaDelegate) execution -> {
      String stage = (String) execution.getVariableLocal("stage");
      if ("attempt".equals(stage)) {
        execution.setVariable("attempt", ((Number) execution.getVariable("attempt")).intValue() + 1);
      }
      calls.add("recordCallback:" + stage);
    });
    Mocks.register("callbacks", new FixedSchedule());
    Mocks.register("createSurvey", (JavaDelegate) execution -> {
      execution.setVariable("surveyUrl", "http://localhost:8080/survey.html?token=abc");
      execution.setVariable("surveyExpiresAt", SURVEY_EXPIRES);
      calls.add("createSurvey");
    });
    Mocks.register("notifyCustomer", recorder.delegate("notifyCustomer", "template"));
    Mocks.register("notifyStaff", recorder.delegate("notifyStaff", "template", "group"));
    Mocks.register("sendMessage", new SendMessageDelegate(engine.getProcessEngine().getRuntimeService()));
  }

  @Test
  void resolvedComplaintIsCalledAtThePlannedTimeAndTheSatisfiedCustomerEndsIt() {
    requestedAfterComplaint(true);
    assertThat(current).isWaitingAt("Timer_UntilCallbackDate");
    assertThat(timer("Timer_UntilCallbackDate").getDuedate()).isEqualTo(FIRST_CALL);
    assertThat(runtimeService().getVariable(current.getId(), "maxAttempts")).isEqualTo(3);

    execute(timer("Timer_UntilCallbackDate"));
    assertThat(task()).hasCandidateGroup("agent").hasName("回访 Call 王丽 · " + CASE + " · 高价值 high-value");
    assertThat(task().getDueDate()).isEqualTo(CALL_DUE);
    complete(task(), withVariables("reached", true, "csat", 5, "nps", 9, "resolved", true, "comment", "谢谢"));

    assertThat(current).isEnded().hasPassed("EndEvent_Satisfied");
    assertThat(calls).containsSubsequence("prepareCallback", "recordCallback:planned", "recordCallback:attempt",
        "recordCallback:answers");
  }

  @Test
  void dissatisfiedComplaintCustomerReopensTheComplaintAndTellsSupervisors() {
    requestedAfterComplaint(true);
    execute(timer("Timer_UntilCallbackDate"));
    complete(task(), withVariables("reached", true, "csat", 2, "nps", 3, "resolved", true, "comment", "Still itchy."));

    assertThat(calls).contains("notifyStaff:template=callback-dissatisfied,group=supervisor");
    execute(job("EndEvent_ComplaintReopened"));
    assertThat(current).isEnded();
    ProcessInstance reopened = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("complaintReopenedReceiverTest").singleResult();
    assertThat(reopened).hasBusinessKey(CASE);
    assertThat(runtimeService().getVariable(reopened.getId(), "comment")).isEqualTo("Still itchy.");
  }

  @Test
  void unresolvedProblemOnAnotherCaseGoesToASupervisorsReview() {
    requestedAfterComplaint(false);
    execute(timer("Timer_UntilCallbackDate"));
    complete(task(), withVariables("reached", true, "csat", 4, "resolved", false));

    assertThat(current).isWaitingAt("Task_ReviewDissatisfaction");
    assertThat(task()).hasCandidateGroup("supervisor");
    complete(task(), withVariables("reviewNote", "Send a replacement and call again."));
    assertThat(current).isEnded().hasPassed("EndEvent_Reviewed");
  }

  @Test
  void notReachedIsRetriedOnALaterWorkingDay() {
    requestedAfterComplaint(true);
    execute(timer("Timer_UntilCallbackDate"));
    complete(task(), withVariables("reached", false));

    assertThat(current).isWaitingAt("Timer_Retry");
    assertThat(timer("Timer_Retry").getDuedate()).isEqualTo(RETRY);
    execute(timer("Timer_Retry"));
    complete(task(), withVariables("reached", true, "csat", 4, "resolved", true));

    assertThat(current).isEnded();
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void unreachableAfterAllAttemptsGetsASurveyAndItsAnswerCounts() {
    unreachableAfterAllAttempts();

    runtimeService().createMessageCorrelation("SurveyAnswered").processInstanceId(current.getId())
        .setVariables(Map.of("csat", 1, "resolved", false)).correlate();

    assertThat(calls).contains("notifyStaff:template=callback-dissatisfied,group=supervisor");
    execute(job("EndEvent_ComplaintReopened"));
    assertThat(current).isEnded().hasPassed("Receive_SurveyAnswer", "EndEvent_ComplaintReopened");
  }

  @Test
  void surveyNotAnsweredBeforeTheLinkExpiresMarksTheCustomerUnreachable() {
    unreachableAfterAllAttempts();
    assertThat(timer("Timer_SurveyExpired").getDuedate()).isEqualTo(SURVEY_EXPIRES);

    execute(timer("Timer_SurveyExpired"));

    assertThat(current).isEnded().hasPassed("EndEvent_Unreachable");
    assertThat(calls).contains("recordCallback:unreachable");
  }

  @Test
  void careCallStartsWithoutAMessage() {
    current = runtimeService().startProcessInstanceByKey("callbackFollowUp",
        Map.of("customerId", 7L, "reason", "care_call"));
    assertThat(current).isWaitingAt("Timer_UntilCallbackDate");
    assertThat(runtimeService().getVariable(current.getId(), "maxAttempts")).isEqualTo(2);
  }

  private void unreachableAfterAllAttempts() {
    requestedAfterComplaint(true);
    execute(timer("Timer_UntilCallbackDate"));
    for (int attempt = 1; attempt <= 3; attempt++) {
      complete(task(), withVariables("reached", false));
      if (attempt < 3) {
        execute(timer("Timer_Retry"));
      }
    }
    execute(job("Task_SendSurvey"));
    assertThat(calls).contains("createSurvey", "notifyCustomer:template=callback-survey");
    assertThat(current).isWaitingAt("Receive_SurveyAnswer");
  }

  private void requestedAfterComplaint(boolean complaintCase) {
    runtimeService().createMessageCorrelation("CallbackRequested").processInstanceBusinessKey(CASE)
        .setVariables(Map.of("caseNumber", CASE, "customerId", 7L, "reason", "complaint_resolved",
            "complaintCase", complaintCase))
        .correlateStartMessage();
    current = runtimeService().createProcessInstanceQuery().processDefinitionKey("callbackFollowUp").singleResult();
  }

}
