package io.aftercare.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.aftercare.customer.Market;
import io.aftercare.process.SendMessageDelegate;
import io.aftercare.support.ProcessTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import java.math.BigDecimal;

import java.util.Date;
import java.util.HashMap;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;

import org.camunda.bpm.engine.test.mock.Mocks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of complaint handling on an in-memory engine: each resolution, approval granted and
 * refused, evidence arriving / reminder / timeout, the adverse-reaction branch, every escalation.
 * The application's beans are stand-ins that record what the process asked; the rules
 * (complaint-triage.dmn, complaint-approval.dmn) and the message sending are the real ones, with
 * stand-in receivers for the processes that will take the messages.
 */
@Deployment(resources = {"processes/complaint-handling.bpmn", "processes/complaint-triage.dmn",
    "processes/complaint-approval.dmn",
    "forms/register-complaint.form", "forms/triage-complaint.form", "forms/resolve-complaint.form",
    "forms/approve-resolution.form", "bpmn/message-receivers-test.bpmn", "bpmn/callback-receiver-test.bpmn",
    "bpmn/adverse-receiver-test.bpmn"})
class ComplaintHandlingProcessTest extends ProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = newEngine();

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  static final String CASE = "AC-2026-000777";
  static final Date CONFIRM_WARN = date("2026-11-23T09:45:00Z");
  static final Date CONFIRM_DUE = date("2026-11-23T10:00:00Z");
  static final Date RESOLVE_WARN = date("2026-11-24T03:00:00Z");
  static final Date RESOLVE_DUE = date("2026-11-24T09:00:00Z");
  static final Date RESOLVE_MANAGER = date("2026-11-24T13:00:00Z");
  static final Date REMINDER = date("2026-11-25T09:00:00Z");
  static final Date TIMEOUT = date("2026-12-02T09:00:00Z");

  /** Stands in for the sla bean: fixed dates per clock, so timers can be checked. */
  public static class FixedSla {
    public Date due(Object scope, String clock) {
      return clock.equals("complaint.confirm") ? CONFIRM_DUE : RESOLVE_DUE;
    }

    public Date warn(Object scope, String clock) {
      return clock.equals("complaint.confirm") ? CONFIRM_WARN : RESOLVE_WARN;
    }

    public Date escalation(Object scope, String clock) {
      return RESOLVE_MANAGER;
    }

    public Date fromNow(Object scope, String target) {
      return target.equals("complaint.evidence.reminder") ? REMINDER : TIMEOUT;
    }
  }

  @BeforeEach
  void setUp() {
    Mocks.register("registerComplaint", (JavaDelegate) execution -> {
      execution.setVariable("caseNumber", CASE);
      execution.setProcessBusinessKey(CASE);
      execution.setVariable("customerId", 7L);
      execution.setVariable("customerTier", execution.getVariable("tierForTest"));
      execution.setVariable("product", "SK-SERUM-30 Barrier Repair Serum 30 ml");
      execution.setVariable("receivedAt", new Date());
      calls.add("registerComplaint");
    });
    Mocks.register("reopenComplaint", (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(CASE);
      execution.setVariable("customerTier", "LOW");
      execution.setVariable("product", "SK-SERUM-30 Barrier Repair Serum 30 ml");
      execution.setVariable("receivedAt", new Date());
      calls.add("reopenComplaint");
    });
    Mocks.register("sla", new FixedSla());
    Mocks.register("slaClock", recorder.delegate("slaClock", "clock", "action"));
    Mocks.register("escalate", recorder.delegate("escalate", "clock", "level", "task"));
    Mocks.register("notifyCustomer", recorder.delegate("notifyCustomer", "template"));
    JavaDelegate recordComplaint = recorder.delegate("recordComplaint", "stage", "outcome");
    Mocks.register("recordComplaint", (JavaDelegate) execution -> {
      recordComplaint.execute(execution);
      if ("resolution".equals(execution.getVariableLocal("stage"))) {
        // as the real delegate does: the order's refunds so far, for the approval decision
        execution.setVariable("earlierRefunds", earlierRefunds);
      }
    });
    Mocks.register("sendMessage", new SendMessageDelegate(engine.getProcessEngine().getRuntimeService()));
  }

  /** What the order's earlier refunds come to when the resolution is recorded. */
  int earlierRefunds;

  @Test
  void guidanceWithCompleteEvidenceTellsTheCustomerAndRequestsACallback() {
    ProcessInstance complaint = registerAndTriage("shade_mismatch", 3, true, "MEDIUM");

    assertThat(complaint).isWaitingAt("Task_Resolve");
    assertThat(task()).hasCandidateGroup("agent")
        .hasName("处理 Resolve " + CASE + " · 轻微 minor · SK-SERUM-30 Barrier Repair Serum 30 ml");
    assertThat(task().getPriority()).isEqualTo(40);
    assertThat(task().getDueDate()).isEqualTo(RESOLVE_DUE);
    resolve(complaint, "guidance", null);

    assertThat(complaint).isEnded().hasPassed("EndEvent_CallbackRequested").hasNotPassed(
        "Task_ApproveResolution", "Throw_ReturnRequested", "Throw_AdverseReactionReported", "Task_PauseResolutionClock");
    assertThat(calls).containsSubsequence("registerComplaint",
        "slaClock:clock=complaint.acknowledge,action=start", "slaClock:clock=complaint.confirm,action=start",
        "notifyCustomer:template=complaint-acknowledgement", "slaClock:clock=complaint.acknowledge,action=stop",
        "slaClock:clock=complaint.confirm,action=stop", "recordComplaint:stage=triage,outcome=null",
        "slaClock:clock=complaint.resolve.general,action=start", "recordComplaint:stage=resolution,outcome=null",
        "notifyCustomer:template=complaint-outcome", "slaClock:clock=complaint.resolve.general,action=stop",
        "recordComplaint:stage=closed,outcome=resolved");
    ProcessInstance callback = receiver("callbackReceiverTest");
    assertThat(callback).hasBusinessKey(CASE);
    assertThat(runtimeService().getVariable(callback.getId(), "reason")).isEqualTo("complaint_resolved");
    assertThat(runtimeService().getVariable(callback.getId(), "customerId")).isEqualTo(7L);
  }

  @Test
  void triageTaskIsDueWithinTheConfirmationHourAndNamesTheCase() {
    ProcessInstance complaint = register("HIGH", "EU");
    execute(acknowledgementJob(complaint));

    assertThat(complaint).isWaitingAt("Task_Triage");
    assertThat(task()).hasCandidateGroup("agent").hasName("分诊 Triage " + CASE + " · 高价值 high-value · SK-SERUM-30 Barrier Repair Serum 30 ml");
    assertThat(task().getDueDate()).isEqualTo(CONFIRM_DUE);
    assertThat(task().getFollowUpDate()).isEqualTo(CONFIRM_WARN);
  }

  @Test
  void smallCompensationNeedsNoApproval() {
    ProcessInstance complaint = registerAndTriage("packaging_damage", 2, true, "LOW");
    resolve(complaint, "compensation", 30);
    assertThat(complaint).isEnded().hasNotPassed("Task_ApproveResolution");
  }

  @Test
  void compensationAboveTheThresholdIsApprovedByASupervisor() {
    ProcessInstance complaint = registerAndTriage("efficacy", 2, true, "HIGH");
    assertThat(task().getPriority()).isEqualTo(75);
    complete(task(), withVariables("resolution", "compensation", "compensationAmount", 80,
        "resolutionNote", "We refund 80 EUR as a gesture."));

    assertThat(complaint).isWaitingAt("Task_ApproveResolution");
    assertThat(task()).hasCandidateGroup("supervisor");
    // the title names the resolution in both of the supervisors' languages
    assertThat(task().getName()).startsWith("审批 Approve 补偿 compensation · AC-").endsWith(" · 高价值 high-value");
    complete(task(), withVariables("approvalDecision", "approve"));
    finishOutcome(complaint);
    assertThat(complaint).isEnded().hasPassed("Task_ApproveResolution");
  }

  @Test
  void anExchangeForAnOrderRefundedBeforeGoesToASupervisorWhoIsToldWhy() {
    earlierRefunds = 1;
    ProcessInstance complaint = registerAndTriage("efficacy", 2, true, "MEDIUM");
    complete(task(), withVariables("resolution", "exchange", "resolutionNote", "A new serum."));

    assertThat(complaint).isWaitingAt("Task_ApproveResolution").hasPassed("Task_DecideApproval");
    assertThat(runtimeService().getVariable(complaint.getId(), "approvalReason"))
        .isEqualTo("This order was refunded before (see earlier refunds): check before paying again");
    complete(task(), withVariables("approvalDecision", "approve"));
    execute(job("Throw_ReturnRequested"));
    assertThat(receiver("returnReceiverTest")).isNotNull();
  }

  @Test
  void refusedRefundGoesBackWithTheReasonThenApprovedRefundStartsTheReturn() {
    ProcessInstance complaint = registerAndTriage("efficacy", 2, true, "MEDIUM");
    complete(task(), withVariables("resolution", "refund", "resolutionNote", "Full refund."));
    assertThat(complaint).isWaitingAt("Task_ApproveResolution");

    complete(task(), withVariables("approvalDecision", "reject", "rejectionReason", "Offer an exchange first."));
    assertThat(complaint).isWaitingAt("Task_Resolve");
    assertThat(runtimeService().getVariable(complaint.getId(), "rejectionReason")).isEqualTo("Offer an exchange first.");

    complete(task(), withVariables("resolution", "refund", "resolutionNote", "Refund after all: the customer declined an exchange."));
    complete(task(), withVariables("approvalDecision", "approve"));
    execute(job("Throw_ReturnRequested"));
    execute(job("Task_NotifyOutcome"));

    ProcessInstance returned = receiver("returnReceiverTest");
    assertThat(returned).hasBusinessKey(CASE);
    assertThat(runtimeService().getVariables(returned.getId())).containsEntry("resolution", "refund")
        .containsEntry("purchaseChannel", "online").containsEntry("purchaseDate", "2026-11-10")
        .containsEntry("orderNumber", "TM-2026-1001").containsEntry("category", "efficacy");
    // the complaint waits for the return's outcome; the return, not the complaint, asks for the callback
    assertThat(complaint).isWaitingAt("Receive_ReturnSettled").hasPassed("EndEvent_CallbackByReturn")
        .hasNotPassed("EndEvent_CallbackRequested");
    assertThat(receiver("callbackReceiverTest")).isNull();

    runtimeService().createMessageCorrelation("ReturnSettled").processInstanceBusinessKey(CASE)
        .setVariable("returnOutcome", "refunded").correlate();
    assertThat(calls).contains("recordComplaint:stage=return,outcome=null");
    assertThat(complaint).isEnded().hasPassed("EndEvent_ReturnSettled");
  }

  @Test
  void exchangeStartsTheReturnProcessWithoutApproval() {
    ProcessInstance complaint = registerAndTriage("shade_mismatch", 3, true, "LOW");
    complete(task(), withVariables("resolution", "exchange", "resolutionNote", "We send shade N20 instead."));
    execute(job("Throw_ReturnRequested"));
    execute(job("Task_NotifyOutcome"));

    assertThat(complaint).isWaitingAt("Receive_ReturnSettled").hasNotPassed("Task_ApproveResolution");
    assertThat(receiver("returnReceiverTest")).hasBusinessKey(CASE);
  }

  @Test
  void giftEndsWithoutApprovalOrReturn() {
    ProcessInstance complaint = registerAndTriage("logistics", 3, true, "HIGH");
    assertThat(task().getPriority()).isEqualTo(55);
    resolve(complaint, "gift", null);
    assertThat(complaint).isEnded().hasNotPassed("Task_ApproveResolution", "Throw_ReturnRequested");
  }

  @Test
  void irritationStartsAnAdverseReactionReportAndIsAMajorCase() {
    ProcessInstance complaint = registerAndTriage("irritation_allergy", 2, true, "LOW");

    execute(job("Throw_AdverseReactionReported"));
    ProcessInstance report = receiver("adverseReactionReceiverTest");
    assertThat(report).hasBusinessKey(CASE);
    assertThat(runtimeService().getVariable(report.getId(), "category")).isEqualTo("irritation_allergy");
    assertThat(runtimeService().getVariable(report.getId(), "sku")).isEqualTo("SK-SERUM-30");
    assertThat(calls).contains("slaClock:clock=complaint.resolve.major,action=start");
    assertThat(task().getPriority()).isEqualTo(85);
  }

  @Test
  void severityOneStartsTheReportAndNeedsApprovalEvenForGuidance() {
    ProcessInstance complaint = registerAndTriage("efficacy", 1, true, "LOW");
    execute(job("Throw_AdverseReactionReported"));
    assertThat(receiver("adverseReactionReceiverTest")).isNotNull();

    complete(task(), withVariables("resolution", "guidance", "resolutionNote", "Stop using it; see a doctor."));
    assertThat(complaint).isWaitingAt("Task_ApproveResolution");
  }

  @Test
  void counterfeitAndServiceAttitudeGoToSupervisors() {
    registerAndTriage("counterfeit_suspicion", 3, true, "LOW");
    assertThat(task()).hasCandidateGroup("supervisor");
    assertThat(task().getPriority()).isEqualTo(80);
  }

  @Test
  void missingEvidencePausesTheClockUntilItArrives() {
    ProcessInstance complaint = registerAndTriage("packaging_damage", 2, false, "LOW");

    assertThat(calls).contains("slaClock:clock=complaint.resolve.general,action=pause");
    execute(job("Task_RequestEvidence"));
    assertThat(calls).contains("notifyCustomer:template=complaint-evidence-request");
    assertThat(complaint).isWaitingAt("Receive_Evidence");
    assertThat(timer("Timer_EvidenceReminder").getDuedate()).isEqualTo(REMINDER);
    assertThat(timer("Timer_EvidenceTimeout").getDuedate()).isEqualTo(TIMEOUT);

    runtimeService().createMessageCorrelation("ComplaintEvidenceReceived").processInstanceBusinessKey(CASE).correlate();

    assertThat(calls).contains("slaClock:clock=complaint.resolve.general,action=resume");
    assertThat(complaint).isWaitingAt("Task_Resolve");
  }

  @Test
  void reminderAfterTwoWorkingDaysThenEvidenceArrives() {
    ProcessInstance complaint = registerAndTriage("packaging_damage", 2, false, "LOW");
    execute(job("Task_RequestEvidence"));

    execute(timer("Timer_EvidenceReminder"));
    assertThat(calls).contains("notifyCustomer:template=complaint-evidence-reminder");
    assertThat(complaint).isWaitingAt("Receive_Evidence");

    runtimeService().createMessageCorrelation("ComplaintEvidenceReceived").processInstanceBusinessKey(CASE).correlate();
    assertThat(complaint).isWaitingAt("Task_Resolve");
  }

  @Test
  void noResponseAfterSevenWorkingDaysClosesTheCase() {
    ProcessInstance complaint = registerAndTriage("packaging_damage", 2, false, "LOW");
    execute(job("Task_RequestEvidence"));

    execute(timer("Timer_EvidenceTimeout"));
    execute(job("Task_NotifyNoResponse"));

    assertThat(complaint).isEnded().hasPassed("EndEvent_ClosedNoResponse").hasNotPassed("Task_Resolve");
    assertThat(calls).containsSubsequence("slaClock:clock=complaint.resolve.general,action=cancel",
        "notifyCustomer:template=complaint-closed-no-response", "recordComplaint:stage=closed,outcome=no_response");
  }

  @Test
  void reopenedComplaintIsTriagedAgainWithNewClocks() {
    current = runtimeService().createMessageCorrelation("ComplaintReopened").processInstanceBusinessKey(CASE)
        .setVariable("caseNumber", CASE).setVariable("market", "EU").setVariable("comment", "Still itchy.")
        .correlateStartMessage();

    assertThat(current).isWaitingAt("Task_Triage").hasBusinessKey(CASE).hasNotPassed("Task_Acknowledge");
    assertThat(calls).containsSubsequence("reopenComplaint", "slaClock:clock=complaint.confirm,action=start");
    complete(task(), withVariables("category", "irritation_allergy", "severity", 2, "evidenceComplete", true));
    assertThat(current).isWaitingAt("Task_Resolve");
  }

  @Test
  void triageIsWarnedThenEscalatedAtTheHour() {
    ProcessInstance complaint = register("LOW", "CN");
    execute(acknowledgementJob(complaint));
    assertThat(timer("Timer_TriageWarning").getDuedate()).isEqualTo(CONFIRM_WARN);
    assertThat(timer("Timer_TriageBreach").getDuedate()).isEqualTo(CONFIRM_DUE);

    execute(timer("Timer_TriageWarning"));
    execute(timer("Timer_TriageBreach"));

    assertThat(calls).contains("escalate:clock=complaint.confirm,level=1,task=Task_Triage",
        "escalate:clock=complaint.confirm,level=2,task=Task_Triage");
    assertThat(complaint).isWaitingAt("Task_Triage");
  }

  @Test
  void resolutionEscalatesThroughThreeLevels() {
    ProcessInstance complaint = registerAndTriage("efficacy", 3, true, "LOW");
    assertThat(timer("Timer_ResolveWarning").getDuedate()).isEqualTo(RESOLVE_WARN);
    assertThat(timer("Timer_ResolveBreach").getDuedate()).isEqualTo(RESOLVE_DUE);
    assertThat(timer("Timer_ResolveManager").getDuedate()).isEqualTo(RESOLVE_MANAGER);

    execute(timer("Timer_ResolveWarning"));
    execute(timer("Timer_ResolveBreach"));
    execute(timer("Timer_ResolveManager"));

    assertThat(calls).contains("escalate:clock=complaint.resolve.general,level=1,task=Task_Resolve",
        "escalate:clock=complaint.resolve.general,level=2,task=Task_Resolve",
        "escalate:clock=complaint.resolve.general,level=3,task=Task_Resolve");
    assertThat(complaint).isWaitingAt("Task_Resolve");
  }

  private ProcessInstance register(String tier, String market) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("tierForTest", tier);
    variables.put("market", market);
    variables.put("sku", "SK-SERUM-30");
    variables.put("batch", "S2506B");
    variables.put("description", "The serum stings.");
    variables.put("orderNumber", "TM-2026-1001");
    variables.put("purchaseChannel", "online");
    variables.put("purchaseDate", "2026-11-10");
    current = runtimeService().startProcessInstanceByKey("complaintHandling", variables);
    return current;
  }

  private ProcessInstance registerAndTriage(String category, int severity, boolean evidenceComplete, String tier) {
    ProcessInstance complaint = register(tier, "EU");
    execute(acknowledgementJob(complaint));
    Map<String, Object> triage = new HashMap<>();
    triage.put("category", category);
    triage.put("severity", severity);
    triage.put("evidenceComplete", evidenceComplete);
    if (!evidenceComplete) {
      triage.put("evidenceRequest", "A photo of the batch number on the box.");
    }
    complete(task(), triage);
    return complaint;
  }

  private void resolve(ProcessInstance complaint, String resolution, Integer amount) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("resolution", resolution);
    variables.put("resolutionNote", "Here is what we do.");
    if (amount != null) {
      variables.put("compensationAmount", amount);
    }
    complete(task(), variables);
    finishOutcome(complaint);
  }

  /** The outcome message and the callback request run as jobs. */
  private void finishOutcome(ProcessInstance complaint) {
    execute(job("Task_NotifyOutcome"));
    execute(job("EndEvent_CallbackRequested"));
  }

  private Job acknowledgementJob(ProcessInstance complaint) {
    return job("Task_Acknowledge");
  }

  private static ProcessInstance receiver(String key) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(key).singleResult();
  }

}
