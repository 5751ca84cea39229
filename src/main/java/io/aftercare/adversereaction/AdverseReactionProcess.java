package io.aftercare.adversereaction;

/** Names the adverse-reaction report shares with its diagram, forms and API. */
public final class AdverseReactionProcess {

  public static final String KEY = "adverseReactionReport";

  public static final String REPORT_NUMBER = "reportNumber";
  public static final String AWARE_DATE = "awareDate";
  public static final String REPORT_ID = "reportId";
  public static final String REPORT_URL = "reportUrl";
  public static final String BATCH_SIGNAL = "batchSignal";
  public static final String BATCH_REPORTS = "batchReports";
  public static final String CAUSALITY = "causality";
  /** The decision's class: {@code general}, {@code serious} or {@code social_impact} (CN). */
  public static final String SERIOUSNESS = "seriousness";
  /** The initial report's clock (an SLA target, e.g. {@code adverse.regulatory.US.serious}). */
  public static final String REGULATORY_CLOCK = "regulatoryClock";
  /**
   * In the report: the SLA target follow-up reports count by (e.g. {@code adverse.followup.US.serious}).
   * In a follow-up: that report's own clock, the target and the report's number
   * ({@code adverse.followup.US.serious:F2} for the second), so that no two reports share a clock.
   */
  public static final String FOLLOW_UP_CLOCK = "followUpClock";
  /** A follow-up's day the new information was received: its clock counts from it. */
  public static final String FOLLOW_UP_AWARE_DATE = "followUpAwareDate";
  /** The regulatory-submission form: the day the report was sent and the regulator's reference. */
  public static final String SUBMITTED_ON = "submittedOn";
  public static final String SUBMISSION_REFERENCE = "submissionReference";

  /**
   * The seriousness criteria, one boolean variable each (the case-details form's checkboxes). Each
   * market's legal definition uses some of them (adverse-reaction-seriousness.dmn); the form shows
   * only the criteria of the case's market.
   */
  public static final String[] CRITERIA = {"death", "lifeThreatening", "hospitalised", "hospitalisationNeeded",
      "lastingDisability", "temporaryIncapacity", "functionLoss", "congenitalAnomaly", "infection",
      "disfigurement", "systemicHarm", "interventionToPrevent", "otherSeriousHarm", "socialImpact"};

  private AdverseReactionProcess() {}
}
