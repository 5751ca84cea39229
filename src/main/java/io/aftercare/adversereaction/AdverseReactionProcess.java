package io.aftercare.adversereaction;

/** Names the adverse-reaction report shares with its diagram, forms and API. */
public final class AdverseReactionProcess {

  public static final String KEY = "adverseReactionReport";
  public static final String REPORTED = "AdverseReactionReported";
  public static final String FOLLOW_UP = "AdverseReactionFollowUp";

  public static final String REPORT_NUMBER = "reportNumber";
  public static final String AWARE_DATE = "awareDate";
  public static final String REPORT_ID = "reportId";
  public static final String REPORT_URL = "reportUrl";
  public static final String BATCH_SIGNAL = "batchSignal";
  public static final String BATCH_REPORTS = "batchReports";
  public static final String CAUSALITY = "causality";
  /** The seriousness criteria, one boolean variable each (the case-details form's checkboxes). */
  public static final String[] CRITERIA = {"death", "lifeThreatening", "hospitalised", "lastingDisability",
      "congenitalAnomaly", "disfigurement", "systemicHarm", "interventionToPrevent", "socialImpact"};

  private AdverseReactionProcess() {}
}
