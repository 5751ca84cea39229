package io.aftercare.returns;

import io.aftercare.process.ProcessVariable;

/** Names the return / exchange process shares with its diagram, decision, forms and API. */
public final class ReturnProcess {

  public static final String KEY = "returnExchange";
  public static final String DECISION = "returnEligibility";
  /** The parcel task, completed by the warehouse scan through the API or by a clerk in Tasklist. */
  public static final String PARCEL_TASK = "Task_ReceiveParcel";

  public static final ProcessVariable<String> RMA_NUMBER = ProcessVariable.text("rmaNumber");
  public static final ProcessVariable<String> ORIGIN = ProcessVariable.text("origin");
  public static final ProcessVariable<String> REASON = ProcessVariable.text("reason");
  public static final ProcessVariable<String> REQUESTED_SETTLEMENT = ProcessVariable.text("requested");
  public static final ProcessVariable<Integer> DAYS_SINCE_DELIVERY = ProcessVariable.integer("daysSinceDelivery");
  /**
   * The day of the return period the request falls on as the law counts it; what the eligibility
   * table compares with its day limits (see {@link ReturnPeriods}).
   */
  public static final ProcessVariable<Object> PERIOD_DAY = ProcessVariable.value("periodDay");
  public static final ProcessVariable<Boolean> OPENED = ProcessVariable.flag("opened");
  public static final ProcessVariable<Boolean> SEAL_CONFIRMED = ProcessVariable.flag("sealConfirmedAtPurchase");
  public static final ProcessVariable<Boolean> EXPIRED = ProcessVariable.flag("expired");
  /** The decision: approved, settlement (refund|exchange), who pays shipping, a note for the customer. */
  public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.flag("approved");
  public static final ProcessVariable<String> SETTLEMENT = ProcessVariable.text("settlement");
  public static final ProcessVariable<String> SHIPPING_PAID_BY = ProcessVariable.text("shippingPaidBy");
  public static final ProcessVariable<String> DECISION_NOTE = ProcessVariable.text("decisionNote");
  /** The SLA target the settlement runs by, and what it counts from and in (null: the market's calendar). */
  public static final ProcessVariable<String> SETTLEMENT_CLOCK = ProcessVariable.text("settlementClock");
  public static final ProcessVariable<java.time.LocalDate> SETTLEMENT_FROM = ProcessVariable.day("settlementFrom");
  public static final ProcessVariable<String> SETTLEMENT_CALENDAR = ProcessVariable.text("settlementCalendar");
  /** The eligibility decision's outputs: the target a refund, and an exchange, runs by. */
  public static final ProcessVariable<String> REFUND_CLOCK = ProcessVariable.text("refundClock");
  public static final ProcessVariable<String> EXCHANGE_CLOCK = ProcessVariable.text("exchangeClock");
  /** The refund within 14 days of an EU withdrawal (Directive 2011/83/EU art. 13(1)). */
  public static final String WITHDRAWAL_REFUND = "return.refund.EU.withdrawal";
  public static final ProcessVariable<java.time.LocalDate> RECEIVED_ON = ProcessVariable.day("receivedOn");
  public static final ProcessVariable<String> RECEIVED_CONDITION = ProcessVariable.text("receivedCondition");
  public static final ProcessVariable<String> RECEIVED_BATCH = ProcessVariable.text("receivedBatch");
  public static final ProcessVariable<Boolean> CONDITION_MATCHES = ProcessVariable.flag("conditionMatches");
  public static final ProcessVariable<String> INSPECTED_BATCH = ProcessVariable.text("inspectedBatch");
  public static final ProcessVariable<String> INSPECTION_NOTE = ProcessVariable.text("inspectionNote");
  /** The delivery day the request names (may be missing: bought in a store). */
  public static final ProcessVariable<java.time.LocalDate> DELIVERED_ON = ProcessVariable.day("deliveredOn");
  /** Where the customer sends the parcel (aftercare.returns.return-address of the market). */
  public static final ProcessVariable<String> RETURN_ADDRESS = ProcessVariable.text("returnAddress");
  /** The eligibility decision's basis and whether a clerk reviews. */
  public static final ProcessVariable<String> ELIGIBILITY_BASIS = ProcessVariable.text("eligibilityBasis");
  public static final ProcessVariable<Boolean> REVIEW_NEEDED = ProcessVariable.flag("reviewNeeded");
  /**
   * The decision's sentence for the customer in Chinese and in English (empty when a clerk
   * reviews); the eligibility step keeps the customer's language's as {@link #DECISION_NOTE}.
   */
  public static final ProcessVariable<String> CUSTOMER_NOTE_ZH = ProcessVariable.text("customerNoteZh");
  public static final ProcessVariable<String> CUSTOMER_NOTE_EN = ProcessVariable.text("customerNoteEn");
  /** The payment gateway's and the fulfilment service's references. */
  public static final ProcessVariable<String> REFUND_REFERENCE = ProcessVariable.text("refundReference");
  public static final ProcessVariable<String> SHIPMENT_REFERENCE = ProcessVariable.text("shipmentReference");
  /** What a complaint that asks for the return sends: its resolution (exchange or refund). */
  public static final ProcessVariable<String> COMPLAINT_RESOLUTION = ProcessVariable.text("resolution");
  /** refunded, replaced, rejected, cancelled, returned_to_customer */
  public static final ProcessVariable<String> RETURN_OUTCOME = ProcessVariable.text("returnOutcome");

  private ReturnProcess() {}
}
