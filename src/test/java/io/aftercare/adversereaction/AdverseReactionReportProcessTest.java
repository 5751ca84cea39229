package io.aftercare.adversereaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.aftercare.support.ProcessTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

import java.util.Date;
import java.util.HashMap;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import org.camunda.bpm.engine.test.mock.Mocks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of the adverse-reaction report on an in-memory engine, with the real seriousness and
 * deadline decisions; the application's beans are stand-ins that record what they were asked.
 */
@Deployment(resources = {"processes/adverse-reaction-report.bpmn", "processes/adverse-reaction-seriousness.dmn",
    "forms/adverse-case-details.form", "forms/safety-assessment.form", "forms/regulatory-submission.form",
    "forms/batch-signal-review.form", "forms/health-follow-up.form"})
class AdverseReactionReportProcessTest extends ProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = newEngine();

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  static final String CASE = "AC-2026-000555";
  static final Date INTERNAL_DUE = date("2026-11-21T10:00:00Z");
  static final Date REGULATORY_WARN = date("2026-11-30T10:00:00Z");
  static final Date REGULATORY_DUE = date("2026-12-05T15:59:59Z");

  /** Stands in for the sla bean. */
  public static class FixedSla {
    public Date due(Object scope, String clock) {
      return clock.equals("adverse.internal") ? INTERNAL_DUE : REGULATORY_DUE;
    }

    public Date warn(Object scope, String clock) {
      return REGULATORY_WARN;
    }
  }

  @BeforeEach
  void setUp() {
    Mocks.register("registerAdverseReaction", (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(CASE);
      execution.setVariable("reportNumber", "AR-2026-000555");
      execution.setVariable("awareDate", date("2026-11-20T00:00:00Z"));
      if (!execution.hasVariable("product")) {
        execution.setVariable("product", execution.getVariable("sku"));
      }
      recorder.add("registerAdverseReaction");
    });
    Mocks.register("sla", new FixedSla());
    Mocks.register("slaClock", recorder.delegate("slaClock", "clock", "action"));
    Mocks.register("escalate", recorder.delegate("escalate", "clock", "level"));
    Mocks.register("recordAdverseReaction", recorder.delegate("recordAdverseReaction", "stage"));
    Mocks.register("adverseReport", (JavaDelegate) execution -> {
      execution.setVariable("reportId", 1L);
      execution.setVariable("reportUrl", "http://localhost:8080/api/adverse-reactions/" + CASE + "/reports/1.html");
      recorder.add("adverseReport:" + execution.getVariableLocal("reportType"));
    });
    Mocks.register("batchSignal", (JavaDelegate) execution -> {
      execution.setVariable("batchReports", 3L);
      execution.setVariable("batchSignal", Boolean.TRUE.equals(execution.getVariable("signalForTest")));
    });
  }

  @Test
  void seriousReactionInChinaIsReportedWithinTheRegulatoryDeadline() {
    fromComplaint("CN", false);
    assertThat(task()).hasCandidateGroup("safety").hasName("Case details " + CASE + " · SUN-SPF50-50 Daily Shield");
    assertThat(task().getDueDate()).isEqualTo(INTERNAL_DUE);
    complete(task(), details(Map.of("hospitalised", true)));

    assertThat(runtimeService().getVariable(current.getId(), "seriousness")).isEqualTo("serious");
    assertThat(calls).contains("slaClock:clock=adverse.regulatory.CN.serious,action=start");
    assertThat(task()).hasName("Assess " + CASE + " · serious");
    complete(task(), withVariables("causality", "probable", "assessmentNote", "Onset two days after first use."));

    assertThat(calls).containsSubsequence("slaClock:clock=adverse.internal,action=stop",
        "recordAdverseReaction:stage=assessment", "adverseReport:INITIAL");
    assertThat(task()).hasName("Submit AR-2026-000555 to the regulator · serious");
    assertThat(task().getDueDate()).isEqualTo(REGULATORY_DUE);
    complete(task(), withVariables("submittedOn", "2026-11-27", "submissionReference", "NMPA-2026-88812"));

    assertThat(calls).containsSubsequence("slaClock:clock=adverse.regulatory.CN.serious,action=stop",
        "recordAdverseReaction:stage=submission");
    assertThat(task()).hasName("Follow up 王丽 on their health · " + CASE);
    complete(task(), withVariables("outcome", "Recovered after a week.", "recovered", true));
    assertThat(current).isEnded().hasPassed("EndEvent_Closed").hasNotPassed("Task_ReviewSignal");
  }

  @Test
  void submissionIsWarnedBeforeAndEscalatedAtTheDeadline() {
    reachSubmission("US", Map.of("infection", true));
    assertThat(timer("Timer_SubmitWarning").getDuedate()).isEqualTo(REGULATORY_WARN);
    assertThat(timer("Timer_SubmitBreach").getDuedate()).isEqualTo(REGULATORY_DUE);

    execute(timer("Timer_SubmitWarning"));
    execute(timer("Timer_SubmitBreach"));

    assertThat(calls).contains("escalate:clock=adverse.regulatory.US.serious,level=1",
        "escalate:clock=adverse.regulatory.US.serious,level=2");
    assertThat(current).isWaitingAt("Task_Submit");
  }

  @Test
  void generalReactionInEuropeIsNotReportedButFollowedUp() {
    fromComplaint("EU", false);
    complete(task(), details(Map.of()));
    complete(task(), withVariables("causality", "possible", "assessmentNote", "Mild redness."));

    assertThat(calls).noneMatch(c -> c.startsWith("adverseReport")).noneMatch(c -> c.contains("adverse.regulatory"));
    assertThat(current).isWaitingAt("Task_FollowUpCustomer").hasNotPassed("Task_Submit");
  }

  @Test
  void socialImpactInChinaRunsTheThreeDayClock() {
    fromComplaint("CN", false);
    complete(task(), details(Map.of("socialImpact", true)));
    assertThat(runtimeService().getVariable(current.getId(), "seriousness")).isEqualTo("social_impact");
    assertThat(calls).contains("slaClock:clock=adverse.regulatory.CN.social-impact,action=start");
  }

  @Test
  void batchSignalOpensAReviewForSafety() {
    fromComplaint("EU", true);
    complete(task(), details(Map.of()));
    complete(task(), withVariables("causality", "possible", "assessmentNote", "-"));

    assertThat(current).isWaitingAt("Task_ReviewSignal");
    assertThat(task()).hasCandidateGroup("safety").hasName("Review batch signal U2604B · 3 reports");
    complete(task(), withVariables("signalDecision", "investigate", "signalNote", "Three reports in a month."));
    assertThat(current).isWaitingAt("Task_FollowUpCustomer");
  }

  @Test
  void reactionReportedThroughTheApiStartsAtRegistration() {
    current = runtimeService().startProcessInstanceByKey("adverseReactionReport", CASE,
        withVariables("caseNumber", CASE, "customerId", 1L, "market", "US", "sku", "SK-SERUM-30"));
    assertThat(current).isWaitingAt("Task_CaseDetails").hasPassed("StartEvent_ReactionRegistered");
  }

  @Test
  void newMedicalInformationStartsAFollowUpReportWithItsOwnDeadline() {
    current = runtimeService().createMessageCorrelation("AdverseReactionFollowUp").processInstanceBusinessKey(CASE)
        .setVariables(Map.of("caseNumber", CASE, "market", "CN", "reportNumber", "AR-2026-000555",
            "followUpClock", "adverse.followup.CN.serious", "followUpAwareDate", date("2026-12-20T00:00:00Z")))
        .correlateStartMessage();

    assertThat(calls).containsSubsequence("slaClock:clock=adverse.followup.CN.serious,action=start",
        "adverseReport:FOLLOW_UP");
    assertThat(task()).hasCandidateGroup("safety").hasName("Submit follow-up of AR-2026-000555 to the regulator");
    complete(task(), withVariables("submittedOn", "2026-12-28", "submissionReference", "NMPA-2026-88812-F1"));
    assertThat(current).isEnded().hasPassed("EndEvent_FollowUpSubmitted");
  }

  private void reachSubmission(String market, Map<String, Object> criteria) {
    fromComplaint(market, false);
    complete(task(), details(criteria));
    complete(task(), withVariables("causality", "certain", "assessmentNote", "-"));
  }

  private void fromComplaint(String market, boolean signal) {
    runtimeService().createMessageCorrelation("AdverseReactionReported").processInstanceBusinessKey(CASE)
        .setVariables(Map.of("caseNumber", CASE, "customerId", 1L, "market", market, "customerName", "王丽",
            "sku", "SUN-SPF50-50", "batch", "U2604B", "product", "SUN-SPF50-50 Daily Shield",
            "signalForTest", signal))
        .correlateStartMessage();
    current = runtimeService().createProcessInstanceQuery().processDefinitionKey("adverseReactionReport").singleResult();
  }

  /** The case-details form: all criteria answered, the given ones true. */
  private static Map<String, Object> details(Map<String, Object> criteria) {
    Map<String, Object> details = new HashMap<>();
    for (String criterion : AdverseReactionProcess.CRITERIA) {
      details.put(criterion, false);
    }
    details.putAll(criteria);
    details.put("onsetDate", "2026-11-18");
    details.put("symptoms", "Redness and itching on both cheeks");
    details.put("bodyArea", "face");
    details.put("medicalTreatment", false);
    return details;
  }

}
