package io.aftercare.adversereaction;

import static io.aftercare.adversereaction.AdverseReactionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.aftercare.support.ProcessTest;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of the adverse-reaction report on an in-memory engine, with the real seriousness and
 * deadline decisions and the shipped calendars and SLA targets ({@link ClockBook}); the other beans
 * are stand-ins that record what they were asked. Due dates are worked out by hand in the comments:
 * regulatory days end at midnight in the market's zone (CN UTC+8, EU Paris UTC+1 in winter, US New
 * York UTC-5 in winter); US business days skip weekends and federal holidays (calendars.yaml).
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
  /** The company learned of every reaction here on Friday 2026-11-20. */
  static final String AWARE = "2026-11-20";
  static final String US_INITIAL = "adverse.regulatory.US.serious";
  static final String US_FIRST_FOLLOW_UP = "adverse.followup.US.serious:F1";
  static final String US_SECOND_FOLLOW_UP = "adverse.followup.US.serious:F2";
  // US, 15 business days after Fri 2026-11-20, Thanksgiving (Thu 11-26) left out: Nov 23, 24, 25, 27,
  // 30, Dec 1, 2, 3, 4, 7, 8, 9, 10, 11, 14 -> end of Mon 2026-12-14 in New York
  static final Date US_INITIAL_DUE = date("2026-12-15T04:59:59Z");
  // warned at 75 % of the working time: 16 working days of 8 h (Nov 20 to Dec 14) = 128 h, 96 h =
  // 12 working days (Nov 20, 23, 24, 25, 27, 30, Dec 1, 2, 3, 4, 7, 8) -> Tue 2026-12-08 17:00 New York
  static final Date US_INITIAL_WARN = date("2026-12-08T22:00:00Z");
  // US follow-up received Thu 2026-12-10: 15 business days, Christmas (Fri 12-25) and New Year's Day
  // (Fri 2027-01-01) left out: Dec 11, 14-18, 21-24, 28-31, Jan 4 -> end of Mon 2027-01-04 in New York
  static final Date US_FOLLOW_UP_DUE = date("2027-01-05T04:59:59Z");
  // 16 working days of 8 h (Dec 10 to Jan 4) = 128 h, 96 h = 12 working days (Dec 10, 11, 14-18,
  // 21-24, 28) -> Mon 2026-12-28 17:00 New York
  static final Date US_FOLLOW_UP_WARN = date("2026-12-28T22:00:00Z");

  ClockBook clocks;

  @BeforeEach
  void setUp() {
    clocks = new ClockBook(recorder);
    // a start with the variables of the API (or a phone report taken through the start form)
    Mocks.register("registerPhoneReport", (JavaDelegate) execution -> recorder.add("registerPhoneReport"));
    Mocks.register("registerAdverseReaction", (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(CASE);
      REPORT_NUMBER.set(execution, "AR-2026-000555");
      AWARE_DATE.set(execution, java.time.LocalDate.parse(AWARE));
      if (!execution.hasVariable("product")) {
        execution.setVariable("product", execution.getVariable("sku"));
      }
      recorder.add("registerAdverseReaction");
    });
    Mocks.register("sla", clocks);
    Mocks.register("slaClock", clocks.slaClock());
    Mocks.register("escalate", clocks.escalate());
    Mocks.register("recordAdverseReaction", recorder.delegate("recordAdverseReaction", "stage"));
    Mocks.register("adverseReport", (JavaDelegate) execution -> {
      REPORT_ID.set(execution, 1L);
      REPORT_URL.set(execution, "/api/adverse-reactions/" + CASE + "/reports/1.html");
      recorder.add("adverseReport:" + execution.getVariableLocal("reportType"));
    });
    Mocks.register("batchSignal", (JavaDelegate) execution -> {
      BATCH_REPORTS.set(execution, 3L);
      BATCH_SIGNAL.set(execution, Boolean.TRUE.equals(execution.getVariable("signalForTest")));
    });
  }

  @Test
  void seriousReactionInChinaIsReportedWithinTheRegulatoryDeadline() {
    fromComplaint("CN", false);
    assertThat(task()).hasCandidateGroup("safety").hasName("登记详情 Case details " + CASE + " · SUN-SPF50-50 Daily Shield");
    // internal report: 24 h from the start of 2026-11-20 in Shanghai (2026-11-19T16:00Z)
    assertThat(task().getDueDate()).isEqualTo(date("2026-11-20T16:00:00Z"));
    complete(task(), details("CN", Map.of("hospitalised", true)));

    assertThat(runtimeService().getVariable(current.getId(), SERIOUSNESS.name())).isEqualTo("serious");
    assertThat(calls).contains("slaClock:clock=adverse.regulatory.CN.serious,action=start");
    assertThat(task()).hasName("评估 Assess " + CASE + " · 严重 serious");
    complete(task(), withVariables(CAUSALITY.name(), "probable", "assessmentNote", "Onset two days after first use."));

    assertThat(calls).containsSubsequence("slaClock:clock=adverse.internal,action=stop",
        "recordAdverseReaction:stage=assessment", "adverseReport:INITIAL");
    assertThat(task()).hasName("报送 Submit AR-2026-000555 to the regulator · 严重 serious");
    // CN serious: 15 calendar days after 2026-11-20 -> end of 2026-12-05 in Shanghai
    assertThat(task().getDueDate()).isEqualTo(date("2026-12-05T15:59:59Z"));
    complete(task(), withVariables(SUBMITTED_ON.name(), "2026-11-27", SUBMISSION_REFERENCE.name(), "NMPA-2026-88812"));

    assertThat(calls).containsSubsequence("slaClock:clock=adverse.regulatory.CN.serious,action=stop",
        "recordAdverseReaction:stage=submission");
    assertThat(clocks.clock(CASE, "adverse.regulatory.CN.serious").open()).isFalse();
    assertThat(task()).hasName("健康随访 Follow up 王丽 on their health · " + CASE);
    complete(task(), withVariables("outcome", "Recovered after a week.", "recovered", true));
    assertThat(current).isEnded().hasPassed("EndEvent_Closed").hasNotPassed("Task_ReviewSignal");
  }

  @Test
  void usInfectionIsReportedAndItsSubmissionIsWarnedBeforeAndEscalatedAtTheDeadline() {
    reachSubmission("US", Map.of("infection", true));
    assertThat(task().getDueDate()).isEqualTo(US_INITIAL_DUE);
    assertThat(task().getFollowUpDate()).isEqualTo(US_INITIAL_WARN);
    assertThat(timer("Timer_SubmitWarning").getDuedate()).isEqualTo(US_INITIAL_WARN);
    assertThat(timer("Timer_SubmitBreach").getDuedate()).isEqualTo(US_INITIAL_DUE);

    execute(timer("Timer_SubmitWarning"));
    execute(timer("Timer_SubmitBreach"));

    assertThat(calls).contains("escalate:clock=" + US_INITIAL + ",level=1,task=Task_Submit",
        "escalate:clock=" + US_INITIAL + ",level=2,task=Task_Submit");
    assertThat(current).isWaitingAt("Task_Submit");
  }

  @Test
  void infectionAloneInEuropeIsGeneralSoNotReportedButFollowedUp() {
    fromComplaint("EU", false);
    complete(task(), details("EU", Map.of("infection", true)));
    complete(task(), withVariables(CAUSALITY.name(), "possible", "assessmentNote", "Mild redness."));

    assertThat(runtimeService().getVariable(current.getId(), SERIOUSNESS.name())).isEqualTo("general");
    assertThat(calls).noneMatch(c -> c.startsWith("adverseReport")).noneMatch(c -> c.contains("adverse.regulatory"));
    assertThat(current).isWaitingAt("Task_FollowUpCustomer").hasNotPassed("Task_Submit");
  }

  @Test
  void temporaryIncapacityInEuropeIsSeriousWithTwentyDays() {
    reachSubmission("EU", Map.of("temporaryIncapacity", true));

    // EU: 20 calendar days after 2026-11-20 -> end of 2026-12-10 in Paris
    assertThat(task().getDueDate()).isEqualTo(date("2026-12-10T22:59:59Z"));
  }

  @Test
  void socialImpactInChinaRunsTheThreeDayClock() {
    fromComplaint("CN", false);
    complete(task(), details("CN", Map.of("socialImpact", true)));
    assertThat(runtimeService().getVariable(current.getId(), SERIOUSNESS.name())).isEqualTo("social_impact");
    assertThat(calls).contains("slaClock:clock=adverse.regulatory.CN.social-impact,action=start");
    // 3 calendar days after 2026-11-20 -> end of 2026-11-23 in Shanghai
    assertThat(clocks.clock(CASE, "adverse.regulatory.CN.social-impact").dueAt())
        .isEqualTo(date("2026-11-23T15:59:59Z").toInstant());
  }

  @Test
  void batchSignalOpensAReviewForSafety() {
    fromComplaint("EU", true);
    complete(task(), details("EU", Map.of()));
    complete(task(), withVariables(CAUSALITY.name(), "possible", "assessmentNote", "-"));

    assertThat(current).isWaitingAt("Task_ReviewSignal");
    assertThat(task()).hasCandidateGroup("safety").hasName("批次信号 Review batch signal U2604B · 3 reports");
    complete(task(), withVariables("signalDecision", "investigate", "signalNote", "Three reports in a month."));
    assertThat(current).isWaitingAt("Task_FollowUpCustomer");
  }

  @Test
  void reactionReportedThroughTheApiStartsAtRegistration() {
    current = runtimeService().startProcessInstanceByKey(KEY, CASE,
        withVariables("caseNumber", CASE, "customerId", 1L, "market", "US", "sku", "SK-SERUM-30"));
    assertThat(current).isWaitingAt("Task_CaseDetails").hasPassed("StartEvent_ReactionRegistered");
  }

  @Test
  void newMedicalInformationStartsAFollowUpReportWithItsOwnDeadline() {
    followUp("CN", "adverse.followup.CN.serious:F1", "2026-12-20");

    assertThat(calls).containsSubsequence("slaClock:clock=adverse.followup.CN.serious:F1,action=start",
        "adverseReport:FOLLOW_UP");
    assertThat(task()).hasCandidateGroup("safety")
        .hasName("报送随访 Submit follow-up of AR-2026-000555 to the regulator · received 2026-12-20");
    // CN serious follow-up: 20 calendar days after 2026-12-20 -> end of 2027-01-09 in Shanghai
    assertThat(task().getDueDate()).isEqualTo(date("2027-01-09T15:59:59Z"));
    complete(task(), withVariables(SUBMITTED_ON.name(), "2026-12-28", SUBMISSION_REFERENCE.name(), "NMPA-2026-88812-F1"));

    assertThat(calls).containsSubsequence("slaClock:clock=adverse.followup.CN.serious:F1,action=stop",
        "recordAdverseReaction:stage=submission");
    assertThat(current).isEnded().hasPassed("EndEvent_FollowUpSubmitted");
  }

  @ParameterizedTest(name = "{0}: {1} from {2}, due {3}")
  @CsvSource({
      // US: 15 business days across Christmas and New Year's Day (see US_FOLLOW_UP_DUE)
      "US, adverse.followup.US.serious:F1,       2026-12-10, 2027-01-05T04:59:59Z",
      // EU: 20 calendar days after 2026-12-10 -> end of 2026-12-30 in Paris
      "EU, adverse.followup.EU.serious:F1,       2026-12-10, 2026-12-30T22:59:59Z",
      // CN general: 30 calendar days after 2026-12-10 -> end of 2027-01-09 in Shanghai
      "CN, adverse.followup.CN.general:F1,       2026-12-10, 2027-01-09T15:59:59Z",
      // CN social impact: 10 calendar days after 2026-12-10 -> end of 2026-12-20 in Shanghai
      "CN, adverse.followup.CN.social-impact:F3, 2026-12-10, 2026-12-20T15:59:59Z"})
  void followUpIsDueByItsMarketsTargetFromTheDayTheInformationArrived(String market, String clock,
      String received, String due) {
    followUp(market, clock, received);

    assertThat(task().getDueDate()).isEqualTo(date(due));
    assertThat(timer("Timer_FollowUpBreach").getDuedate()).isEqualTo(date(due));
  }

  @Test
  void followUpIsWarnedBeforeAndEscalatedAtItsOwnDeadline() {
    followUp("US", US_FIRST_FOLLOW_UP, "2026-12-10");
    assertThat(task().getFollowUpDate()).isEqualTo(US_FOLLOW_UP_WARN);
    assertThat(timer("Timer_FollowUpWarning").getDuedate()).isEqualTo(US_FOLLOW_UP_WARN);
    assertThat(timer("Timer_FollowUpBreach").getDuedate()).isEqualTo(US_FOLLOW_UP_DUE);

    execute(timer("Timer_FollowUpWarning"));
    execute(timer("Timer_FollowUpBreach"));

    assertThat(calls).contains("escalate:clock=" + US_FIRST_FOLLOW_UP + ",level=1,task=Task_SubmitFollowUp",
        "escalate:clock=" + US_FIRST_FOLLOW_UP + ",level=2,task=Task_SubmitFollowUp");
    assertThat(current).hasPassed("EndEvent_FollowUpWarned", "EndEvent_FollowUpEscalated")
        .isWaitingAt("Task_SubmitFollowUp");
    complete(task(), withVariables(SUBMITTED_ON.name(), "2027-01-06", SUBMISSION_REFERENCE.name(), "FDA-F1"));
    assertThat(current).isEnded().hasPassed("EndEvent_FollowUpSubmitted");
  }

  @Test
  void followUpWhileTheInitialReportIsOpenLeavesTheInitialClockRunningAndEscalated() {
    reachSubmission("US", Map.of("hospitalised", true));
    ProcessInstance initial = current;

    followUp("US", US_FIRST_FOLLOW_UP, "2026-12-10");
    assertThat(task().getDueDate()).as("its own deadline, not the initial report's").isEqualTo(US_FOLLOW_UP_DUE);
    complete(task(), withVariables(SUBMITTED_ON.name(), "2026-12-11", SUBMISSION_REFERENCE.name(), "FDA-F1"));

    assertThat(clocks.clock(CASE, US_FIRST_FOLLOW_UP).open()).isFalse();
    assertThat(clocks.clock(CASE, US_INITIAL).open()).as("the follow-up stops only its own clock").isTrue();
    current = initial;
    assertThat(current).isWaitingAt("Task_Submit");
    assertThat(task().getDueDate()).isEqualTo(US_INITIAL_DUE);

    execute(timer("Timer_SubmitBreach"));
    assertThat(calls).contains("escalate:clock=" + US_INITIAL + ",level=2,task=Task_Submit");
    complete(task(), withVariables(SUBMITTED_ON.name(), "2026-12-16", SUBMISSION_REFERENCE.name(), "FDA-1"));
    assertThat(clocks.clock(CASE, US_INITIAL)).as("met late, by its own submission")
        .extracting(ClockBook.Clock::open, ClockBook.Clock::breached).containsExactly(false, true);
  }

  @Test
  void twoFollowUpsOnOneCaseEachHaveTheirOwnClock() {
    followUp("US", US_FIRST_FOLLOW_UP, "2026-12-10");
    ProcessInstance first = current;
    followUp("US", US_SECOND_FOLLOW_UP, "2026-12-17");

    // received Thu 2026-12-17: Dec 18, 21-24, 28-31, Jan 4-8, 11 -> end of Mon 2027-01-11 in New York
    assertThat(task().getDueDate()).isEqualTo(date("2027-01-12T04:59:59Z"));
    complete(task(), withVariables(SUBMITTED_ON.name(), "2026-12-18", SUBMISSION_REFERENCE.name(), "FDA-F2"));

    assertThat(clocks.clock(CASE, US_SECOND_FOLLOW_UP).open()).isFalse();
    assertThat(clocks.clock(CASE, US_FIRST_FOLLOW_UP).open()).isTrue();
    current = first;
    assertThat(task().getDueDate()).isEqualTo(US_FOLLOW_UP_DUE);
  }

  /** A follow-up as the API starts it: the report's own clock, counted from the day the information came. */
  private void followUp(String market, String clock, String received) {
    current = runtimeService().createMessageCorrelation(io.aftercare.process.Messages.ADVERSE_REACTION_FOLLOW_UP).processInstanceBusinessKey(CASE)
        .setVariables(Map.of("caseNumber", CASE, "market", market, "customerId", 1L, REPORT_NUMBER.name(), "AR-2026-000555",
            FOLLOW_UP_CLOCK.name(), clock, FOLLOW_UP_AWARE_DATE.name(), received, SERIOUSNESS.name(), "serious"))
        .correlateStartMessage();
    assertThat(current).isWaitingAt("Task_SubmitFollowUp");
  }

  private void reachSubmission(String market, Map<String, Object> criteria) {
    fromComplaint(market, false);
    complete(task(), details(market, criteria));
    complete(task(), withVariables(CAUSALITY.name(), "certain", "assessmentNote", "-"));
    assertThat(current).isWaitingAt("Task_Submit");
  }

  private void fromComplaint(String market, boolean signal) {
    runtimeService().createMessageCorrelation(io.aftercare.process.Messages.ADVERSE_REACTION_REPORTED).processInstanceBusinessKey(CASE)
        .setVariables(Map.of("caseNumber", CASE, "customerId", 1L, "market", market, "customerName", "王丽",
            "sku", "SUN-SPF50-50", "batch", "U2604B", "product", "SUN-SPF50-50 Daily Shield",
            "signalForTest", signal))
        .correlateStartMessage();
    current = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
  }

  /**
   * The case-details form as Tasklist submits it: the market's criteria answered (the given ones
   * yes), the other markets' criteria hidden and so not submitted.
   */
  private static Map<String, Object> details(String market, Map<String, Object> criteria) {
    Map<String, Object> details = new HashMap<>();
    for (String criterion : CaseDetailsForm.criteriaShown(market)) {
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
