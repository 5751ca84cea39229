package io.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.CustomerService;
import io.aftercare.customer.CustomerTier;
import io.aftercare.customer.Market;
import io.aftercare.process.SendMessageDelegate;
import io.aftercare.product.ProductCatalogue;
import io.aftercare.sla.ShippedCalendarsAccess;
import io.aftercare.support.PartnerStub;
import io.aftercare.support.ProcessTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/**
 * Every path of the return / exchange on an in-memory engine, with the real eligibility decision
 * and the real return delegates (records mocked) calling a payment gateway and fulfilment service
 * stub over HTTP; clocks, escalation and notifications are stand-ins that record what they were asked.
 */
@Deployment(resources = {"processes/return-exchange.bpmn", "processes/return-eligibility.dmn",
    "processes/complaint-return-reason.dmn",
    "forms/review-return.form", "forms/receive-parcel.form", "forms/inspect-return.form",
    "bpmn/callback-receiver-test.bpmn", "bpmn/return-settled-receiver-test.bpmn"})
class ReturnExchangeProcessTest extends ProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = newEngine();

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  static final String CASE = "AC-2026-000777";
  static final String RMA = "RMA-2026-000777";
  static final Date REVIEW_WARN = date("2026-11-23T04:00:00Z");
  static final Date REVIEW_DUE = date("2026-11-23T10:00:00Z");
  static final Date SETTLEMENT_WARN = date("2026-11-28T15:59:59Z");
  static final Date SETTLEMENT_DUE = date("2026-11-30T15:59:59Z");
  static final Date PARCEL_REMINDER = date("2026-11-29T15:59:59Z");
  static final Date PARCEL_TIMEOUT = date("2026-12-06T15:59:59Z");

  static final PartnerStub PARTNERS = new PartnerStub(0);

  /** Stands in for the sla bean. */
  public static class FixedSla {
    public Date due(Object scope, String clock) {
      return clock.equals("return.review") ? REVIEW_DUE : SETTLEMENT_DUE;
    }

    public Date warn(Object scope, String clock) {
      return clock.equals("return.review") ? REVIEW_WARN : SETTLEMENT_WARN;
    }

    public Date fromNow(Object scope, String target) {
      return target.equals("return.parcel.reminder") ? PARCEL_REMINDER : PARCEL_TIMEOUT;
    }
  }

  static final java.time.Instant REQUESTED_AT = java.time.Instant.parse("2026-11-20T23:30:00Z");
  final Returns returns = mock(Returns.class);
  final AtomicReference<Returns.Return> recorded = new AtomicReference<>();

  @AfterAll
  static void stopPartners() {
    PARTNERS.close();
  }

  @BeforeEach
  void setUp() {
    PARTNERS.reset();
    CustomerService customers = mock(CustomerService.class);
    when(customers.find(7L)).thenReturn(Optional.of(new Customer(7L, "王丽", Market.CN, CustomerLocale.ZH_CN,
        null, "+8613800000001", BigDecimal.ZERO, 0, CustomerTier.HIGH, new Customer.Consent(false, true, true),
        Customer.ContactChannel.SMS)));
    when(customers.find(8L)).thenReturn(Optional.of(new Customer(8L, "Sophie Martin", Market.EU, CustomerLocale.EN,
        "sophie@example.fr", null, BigDecimal.ZERO, 0, CustomerTier.LOW, new Customer.Consent(true, false, true),
        Customer.ContactChannel.EMAIL, "FR")));
    ProductCatalogue catalogue = mock(ProductCatalogue.class);
    when(returns.register(any(), any())).thenAnswer(call -> {
      Returns.Registration r = call.getArgument(0);
      recorded.set(new Returns.Return(RMA, r.caseNumber(), r.customerId(), r.origin(), r.sku(), r.lotNumber(),
          r.orderNumber(), r.purchaseChannel(), r.purchaseDate(), r.deliveredOn(), r.reason(), r.opened(),
          r.sealConfirmed(), r.expired(), r.requested(), (int) r.daysSinceDelivery(), null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, null, REQUESTED_AT, null));
      return recorded.get();
    });
    when(returns.find(RMA)).thenAnswer(call -> Optional.ofNullable(recorded.get()));
    ReturnSettings settings = new ReturnSettings(
        new ReturnSettings.Partner(PARTNERS.url() + "/payments", Duration.ofSeconds(2)),
        new ReturnSettings.Partner(PARTNERS.url() + "/fulfilment", Duration.ofSeconds(2)),
        Map.of(Market.CN, "上海市青浦区华志路 1688 号"));
    ReturnDelegates delegates = new ReturnDelegates(returns, customers, catalogue, settings,
        new PartnerClient(RestClient.builder()), new ReturnPeriods(ShippedCalendarsAccess.calendars()),
        new ParcelReceipts(customers, ShippedCalendarsAccess.calendars()));
    Mocks.register("registerReturn", delegates.registerReturn());
    Mocks.register("recordReturn", delegates.recordReturn());
    Mocks.register("refundPayment", delegates.refundPayment());
    Mocks.register("shipReplacement", delegates.shipReplacement());
    Mocks.register("sla", new FixedSla());
    Mocks.register("slaClock", recorder.delegate("slaClock", "clock", "action"));
    Mocks.register("escalate", recorder.delegate("escalate", "clock", "level"));
    Mocks.register("notifyCustomer", recorder.delegate("notifyCustomer", "template"));
    Mocks.register("sendMessage", new SendMessageDelegate(engine.getProcessEngine().getRuntimeService()));
  }

  @Test
  void clearQualityDefectIsApprovedWithoutReviewAndRefunded() {
    request("quality_defect", today().minusDays(3), false, "refund");
    assertThat(current).hasPassed("Task_DecideEligibility").hasNotPassed("Task_Review");
    verify(returns).recordEligibility(RMA, true,
        "CN: quality problem within 7 days of delivery: return or exchange, return shipping paid by the brand", false);
    // the decision's note is the customer's sentence in their language (the basis is the clerk's)
    verify(returns).recordDecision(RMA, true, "refund", "brand",
        "商品在签收后 7 天内出现质量问题，可退货或换货，退货运费由我们承担。", "returnEligibility");
    assertThat(calls).contains("notifyCustomer:template=return-instructions-brand");

    receiveParcel("sealed");
    assertThat(calls).contains("slaClock:clock=return.refund,action=start");
    assertThat(runtimeService().getVariable(current.getId(), "settlementFrom")).isEqualTo(receiptDay().toString());
    assertThat(runtimeService().getVariable(current.getId(), "settlementCalendar")).isNull();
    assertThat(task()).hasName("检验 Inspect " + RMA + " · SUN-SPF50-50 · 退款 refund").hasCandidateGroup("returns");
    assertThat(task().getDueDate()).isEqualTo(SETTLEMENT_DUE);
    assertThat(task().getFollowUpDate()).isEqualTo(SETTLEMENT_WARN);
    assertThat(runtimeService().getVariable(current.getId(), "inspectedBatch")).isEqualTo("U2604B");
    complete(task(), withVariables("conditionMatches", true, "inspectedBatch", "U2604B", "inspectionNote", "Leaking cap."));
    verify(returns).recordInspection(RMA, true, "U2604B", "Leaking cap.");

    execute(job("Task_Refund"));
    assertThat(PARTNERS.refunds()).containsOnlyKeys(RMA);
    assertThat(PARTNERS.calls().get(0).body()).contains("\"orderNumber\":\"TM-88001\"", "\"currency\":\"CNY\"");
    verify(returns).recordRefund(RMA, "RF-1");
    assertThat(calls).containsSubsequence("slaClock:clock=return.refund,action=stop");
    execute(job("Task_ConfirmSettlement"));
    assertThat(calls).contains("notifyCustomer:template=return-refunded");
    execute(job("Throw_CallbackRequested"));
    ProcessInstance callback = runtimeService().createProcessInstanceQuery().processDefinitionKey("callbackReceiverTest")
        .processInstanceBusinessKey(CASE).singleResult();
    assertThat(callback).isNotNull();
    assertThat(runtimeService().getVariable(callback.getId(), "reason")).isEqualTo("return_completed");
    verify(returns).close(eq(RMA), eq("refunded"), any());
    assertThat(current).isEnded().hasPassed("EndEvent_Closed").hasNotPassed("Throw_ReturnSettled");
  }

  @Test
  void euWithdrawalIsRefundedWithinFourteenDaysOfTheRequestInTheConsumersCountry() {
    Map<String, Object> variables = direct("changed_mind", LocalDate.now(Market.EU.zone()).minusDays(5), false, "refund");
    variables.put("customerId", 8L);
    variables.put("market", "EU");
    start(variables);
    assertThat(current).isWaitingAt("Task_ReceiveParcel");
    verify(returns).recordDecision(eq(RMA), eq(true), eq("refund"), eq("customer"), any(), eq("returnEligibility"));
    assertThat(runtimeService().getVariable(current.getId(), "settlementClock")).isEqualTo("return.refund.EU.withdrawal");

    receiveParcel("sealed");
    assertThat(calls).contains("slaClock:clock=return.refund.EU.withdrawal,action=start");
    // counted from the day of the request in France, in the French calendar, not from the receipt
    assertThat(runtimeService().getVariable(current.getId(), "settlementFrom"))
        .isEqualTo(REQUESTED_AT.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().toString());
    assertThat(runtimeService().getVariable(current.getId(), "settlementCalendar")).isEqualTo("FR");
    assertThat(task()).hasName("检验 Inspect " + RMA + " · SUN-SPF50-50 · 退款 refund");
  }

  @Test
  void qualityDefectAfterSevenDaysIsReviewedWithinTheDayAndExchanged() {
    request("quality_defect", today().minusDays(10), true, "refund");
    assertThat(calls).contains("slaClock:clock=return.review,action=start");
    assertThat(task()).hasName("审核 Review return " + RMA + " · 质量问题 · 第10天").hasCandidateGroup("returns");
    assertThat(task().getDueDate()).isEqualTo(REVIEW_DUE);
    assertThat(timer("Timer_ReviewWarning").getDuedate()).isEqualTo(REVIEW_WARN);
    assertThat(timer("Timer_ReviewBreach").getDuedate()).isEqualTo(REVIEW_DUE);
    assertThat(runtimeService().getVariable(current.getId(), "settlement")).isEqualTo("exchange");

    execute(timer("Timer_ReviewWarning"));
    execute(timer("Timer_ReviewBreach"));
    assertThat(calls).contains("escalate:clock=return.review,level=1", "escalate:clock=return.review,level=2");

    complete(task(), withVariables("approved", true, "settlement", "exchange", "shippingPaidBy", "brand",
        "decisionNote", "We replace the faulty bottle."));
    sendMessages();
    assertThat(calls).contains("slaClock:clock=return.review,action=stop", "notifyCustomer:template=return-instructions-brand");
    receiveParcel("opened");
    assertThat(calls).contains("slaClock:clock=return.replacement,action=start");
    assertThat(timer("Timer_InspectBreach").getDuedate()).isEqualTo(SETTLEMENT_DUE);
    execute(timer("Timer_InspectWarning"));
    execute(timer("Timer_InspectBreach"));
    assertThat(calls).contains("escalate:clock=return.replacement,level=1", "escalate:clock=return.replacement,level=2");
    complete(task(), withVariables("conditionMatches", true, "inspectedBatch", "U2604B", "inspectionNote", "Pump broken."));

    execute(job("Task_ShipReplacement"));
    assertThat(PARTNERS.shipments()).containsOnlyKeys(RMA);
    assertThat(PARTNERS.refunds()).isEmpty();
    verify(returns).recordShipment(RMA, "SH-1");
    execute(job("Task_ConfirmSettlement"));
    assertThat(calls).contains("slaClock:clock=return.replacement,action=stop", "notifyCustomer:template=return-replaced");
    execute(job("Throw_CallbackRequested"));
    verify(returns).close(eq(RMA), eq("replaced"), any());
    assertThat(current).isEnded().hasPassed("Task_ShipReplacement", "EndEvent_Closed");
  }

  @Test
  void clerkRejectsAndTheCustomerIsToldWhy() {
    request("quality_defect", today().minusDays(20), true, "exchange");
    complete(task(), withVariables("approved", false, "settlement", "exchange", "shippingPaidBy", "customer",
        "decisionNote", "The photos show a product used up to the last drop."));
    sendMessages();

    verify(returns).recordDecision(eq(RMA), eq(false), eq("exchange"), eq("customer"), anyString(), any());
    assertThat(calls).contains("notifyCustomer:template=return-rejected").noneMatch(c -> c.contains("instructions"));
    verify(returns).close(eq(RMA), eq("rejected"), any());
    assertThat(current).isEnded().hasNotPassed("Task_ReceiveParcel");
  }

  @Test
  void openedCosmeticExcludedAtPurchaseIsRejectedWithoutReview() {
    Map<String, Object> variables = direct("changed_mind", today().minusDays(2), true, "refund");
    variables.put("sealConfirmedAtPurchase", true);
    start(variables);

    assertThat(current).hasNotPassed("Task_Review").hasPassed("Task_NotifyRejected");
    // the Chinese customer is told the decision's Chinese sentence, not the rules' English basis
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(current.getId())
        .variableName("decisionNote").singleResult().getValue())
        .isEqualTo("该化妆品已拆封，且您在购买时已确认拆封后的化妆品不适用七天无理由退货。");
    assertThat(runtimeService().createVariableInstanceQuery().variableName("customerNoteEn").count()).isZero();
    assertThat(calls).contains("notifyCustomer:template=return-rejected");
    verify(returns).close(eq(RMA), eq("rejected"), any());
  }

  @Test
  void noParcelIsRemindedAfterSevenDaysAndCancelledAfterFourteen() {
    Map<String, Object> variables = direct("changed_mind", today().minusDays(1), false, "refund");
    start(variables);
    assertThat(calls).contains("notifyCustomer:template=return-instructions-customer");
    assertThat(task()).hasName("签收 Receive parcel " + RMA + " · SUN-SPF50-50");
    assertThat(task().getDueDate()).isEqualTo(PARCEL_TIMEOUT);
    assertThat(timer("Timer_ParcelReminder").getDuedate()).isEqualTo(PARCEL_REMINDER);
    assertThat(timer("Timer_ParcelTimeout").getDuedate()).isEqualTo(PARCEL_TIMEOUT);

    execute(timer("Timer_ParcelReminder"));
    sendMessages();
    assertThat(calls).contains("notifyCustomer:template=return-reminder");
    assertThat(current).isWaitingAt("Task_ReceiveParcel");

    execute(timer("Timer_ParcelTimeout"));
    sendMessages();
    assertThat(calls).contains("notifyCustomer:template=return-cancelled");
    verify(returns).close(eq(RMA), eq("cancelled"), any());
    assertThat(current).isEnded().hasNotPassed("Task_Inspect");
  }

  @Test
  void productNotAsDescribedGoesBackToTheCustomer() {
    request("quality_defect", today().minusDays(2), false, "refund");
    receiveParcel("used");
    complete(task(), withVariables("conditionMatches", false, "inspectedBatch", "U2503A",
        "inspectionNote", "The bottle is empty and from another batch than the order."));

    assertThat(calls).contains("slaClock:clock=return.refund,action=cancel");
    sendMessages();
    assertThat(calls).contains("notifyCustomer:template=return-returned-to-customer");
    verify(returns).recordInspection(RMA, false, "U2503A", "The bottle is empty and from another batch than the order.");
    verify(returns).close(eq(RMA), eq("returned_to_customer"), any());
    assertThat(PARTNERS.calls()).isEmpty();
    assertThat(current).isEnded().hasNotPassed("Task_Refund", "Throw_CallbackRequested");
  }

  @Test
  void paymentGatewayFailingThenRecoveringRefundsOnce() {
    request("wrong_item", today().minusDays(1), false, "refund");
    receiveParcel("sealed");
    complete(task(), withVariables("conditionMatches", true, "inspectedBatch", "U2604B", "inspectionNote", "Wrong shade sent."));

    // the gateway refunds but its answer is lost; then it is down twice; then it answers
    PARTNERS.loseNextAnswers(1);
    Job refund = job("Task_Refund");
    assertThrows(Exception.class, () -> managementService().executeJob(refund.getId()));
    assertThat(job("Task_Refund").getExceptionMessage()).contains("500");
    assertThat(PARTNERS.refunds()).hasSize(1);
    PARTNERS.refuseNext(2);
    // the in-memory engine tries three times; the application is configured for R5/PT5M
    assertThrows(Exception.class, () -> managementService().executeJob(refund.getId()));
    assertThrows(Exception.class, () -> managementService().executeJob(refund.getId()));
    assertThat(job("Task_Refund").getRetries()).isZero();
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(current.getId()).singleResult();
    assertThat(incident).as("retries used up: an incident in Cockpit").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_Refund");
    assertThat(current).isWaitingAt("Task_Refund");

    managementService().setJobRetries(refund.getId(), 1);
    managementService().executeJob(refund.getId());

    assertThat(PARTNERS.calls()).extracting(PartnerStub.Call::idempotencyKey).containsOnly(RMA).hasSize(4);
    assertThat(PARTNERS.refunds()).as("one refund, not two").hasSize(1);
    verify(returns, times(1)).recordRefund(RMA, "RF-1");
    assertThat(runtimeService().createIncidentQuery().processInstanceId(current.getId()).count()).isZero();
    assertThat(current).isWaitingAt("Task_ConfirmSettlement");
  }

  @Test
  void exchangeAgreedInAComplaintIsTakenBackAndTheComplaintToldTheOutcome() {
    ProcessInstance complaint = runtimeService().startProcessInstanceByKey("returnSettledReceiverTest", CASE);
    // what the complaint sends: its category and resolution instead of reason and request
    Map<String, Object> variables = direct("quality_defect", LocalDate.parse("2025-06-03"), false, "refund");
    for (String notSent : new String[] {"origin", "reason", "requested", "deliveredOn", "opened",
        "sealConfirmedAtPurchase", "expired"}) {
      variables.remove(notSent);
    }
    variables.put("resolution", "exchange");
    variables.put("category", "shade_mismatch");
    runtimeService().createMessageCorrelation("ReturnRequested").processInstanceBusinessKey(CASE)
        .setVariables(variables).correlateStartMessage();
    current = runtimeService().createProcessInstanceQuery().processDefinitionKey("returnExchange").singleResult();
    sendMessages();

    assertThat(current).hasPassed("StartEvent_ReturnFromComplaint", "Task_DecideReason").hasNotPassed("Task_Review")
        .isWaitingAt("Task_ReceiveParcel");
    assertThat(runtimeService().getVariable(current.getId(), "reason")).isEqualTo("wrong_item");
    assertThat(runtimeService().getVariable(current.getId(), "eligibilityBasis")).isEqualTo("Exchange or refund agreed in the complaint");
    receiveParcel("opened");
    complete(task(), withVariables("conditionMatches", true, "inspectedBatch", "U2604B", "inspectionNote", "Shade 02 instead of 04."));
    execute(job("Task_ShipReplacement"));
    execute(job("Task_ConfirmSettlement"));
    execute(job("Throw_CallbackRequested"));
    execute(job("Throw_ReturnSettled"));

    assertThat(current).isEnded().hasPassed("EndEvent_ComplaintTold");
    assertThat(complaint).isEnded();
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(complaint.getId())
        .variableName("returnOutcome").singleResult().getValue()).isEqualTo("replaced");
  }

  private void request(String reason, LocalDate deliveredOn, boolean expectReview, String requested) {
    start(direct(reason, deliveredOn, false, requested));
    assertThat(current).isWaitingAt(expectReview ? "Task_Review" : "Task_ReceiveParcel");
  }

  private Map<String, Object> direct(String reason, LocalDate deliveredOn, boolean opened, String requested) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", CASE);
    variables.put("customerId", 7L);
    variables.put("market", "CN");
    variables.put("origin", "direct");
    variables.put("sku", "SUN-SPF50-50");
    variables.put("batch", "U2604B");
    variables.put("orderNumber", "TM-88001");
    variables.put("purchaseChannel", "online");
    variables.put("purchaseDate", deliveredOn.minusDays(2).toString());
    variables.put("deliveredOn", deliveredOn.toString());
    variables.put("reason", reason);
    variables.put("opened", opened);
    variables.put("sealConfirmedAtPurchase", null);
    variables.put("expired", false);
    variables.put("requested", requested);
    return variables;
  }

  private void start(Map<String, Object> variables) {
    current = runtimeService().startProcessInstanceByKey("returnExchange", CASE, variables);
    sendMessages();
  }

  /** Executes the waiting notification steps (asynchronous, as the job executor would). */
  private void sendMessages() {
    for (String step : new String[] {"Task_SendInstructions", "Task_NotifyRejected", "Task_RemindParcel",
        "Task_NotifyCancelled", "Task_NotifyReturnedToCustomer"}) {
      Job job = job(step);
      if (job != null) {
        execute(job);
      }
    }
  }

  private void receiveParcel(String condition) {
    sendMessages();
    assertThat(current).isWaitingAt("Task_ReceiveParcel");
    complete(task(), withVariables("receivedOn", receiptDay().toString(), "receivedCondition", condition,
        "receivedBatch", "U2604B"));
    verify(returns).recordReceipt(RMA, receiptDay(), condition, "U2604B");
  }

  /** Today where the customer is (China): the return counts its days there, not in the server's zone. */
  private static LocalDate today() {
    return LocalDate.now(Market.CN.zone());
  }

  /**
   * A parcel's day of receipt that is today or past in every market (the US's today): a receipt
   * may not lie in the future of the customer's market, whose "today" may be behind China's.
   */
  private static LocalDate receiptDay() {
    return LocalDate.now(Market.US.zone());
  }
}
