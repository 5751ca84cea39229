package io.aftercare.returns;

/** Names the return / exchange process shares with its diagram, decision, forms and API. */
public final class ReturnProcess {

  public static final String KEY = "returnExchange";
  public static final String DECISION = "returnEligibility";
  /** The parcel task, completed by the warehouse scan through the API or by a clerk in Tasklist. */
  public static final String PARCEL_TASK = "Task_ReceiveParcel";

  public static final String RMA_NUMBER = "rmaNumber";
  public static final String ORIGIN = "origin";
  public static final String REASON = "reason";
  public static final String REQUESTED_SETTLEMENT = "requested";
  public static final String DAYS_SINCE_DELIVERY = "daysSinceDelivery";
  /**
   * The day of the return period the request falls on as the law counts it; what the eligibility
   * table compares with its day limits (see {@link ReturnPeriods}).
   */
  public static final String PERIOD_DAY = "periodDay";
  public static final String OPENED = "opened";
  public static final String SEAL_CONFIRMED = "sealConfirmedAtPurchase";
  public static final String EXPIRED = "expired";
  /** The decision: approved, settlement (refund|exchange), who pays shipping, a note for the customer. */
  public static final String APPROVED = "approved";
  public static final String SETTLEMENT = "settlement";
  public static final String SHIPPING_PAID_BY = "shippingPaidBy";
  public static final String DECISION_NOTE = "decisionNote";
  /** The SLA target the settlement runs by, and what it counts from and in (null: the market's calendar). */
  public static final String SETTLEMENT_CLOCK = "settlementClock";
  public static final String SETTLEMENT_FROM = "settlementFrom";
  public static final String SETTLEMENT_CALENDAR = "settlementCalendar";
  /** The eligibility decision's outputs: the target a refund, and an exchange, runs by. */
  public static final String REFUND_CLOCK = "refundClock";
  public static final String EXCHANGE_CLOCK = "exchangeClock";
  /** The refund within 14 days of an EU withdrawal (Directive 2011/83/EU art. 13(1)). */
  public static final String WITHDRAWAL_REFUND = "return.refund.EU.withdrawal";
  public static final String RECEIVED_ON = "receivedOn";
  public static final String RECEIVED_CONDITION = "receivedCondition";
  public static final String RECEIVED_BATCH = "receivedBatch";
  public static final String CONDITION_MATCHES = "conditionMatches";
  public static final String INSPECTED_BATCH = "inspectedBatch";
  public static final String INSPECTION_NOTE = "inspectionNote";
  /** refunded, replaced, rejected, cancelled, returned_to_customer */
  public static final String RETURN_OUTCOME = "returnOutcome";

  private ReturnProcess() {}
}
