package io.aftercare.adversereaction;

import io.aftercare.process.ProcessVariable;

/** Names the adverse-reaction report shares with its diagram, forms and API. */
public final class AdverseReactionProcess {

  public static final String KEY = "adverseReactionReport";

  public static final ProcessVariable<String> REPORT_NUMBER = ProcessVariable.text("reportNumber");
  /** Started from a complaint: when the complaint came in (the awareness date when none is given). */
  public static final ProcessVariable<java.util.Date> COMPLAINT_RECEIVED_AT = ProcessVariable.moment("receivedAt");
  public static final ProcessVariable<java.time.LocalDate> AWARE_DATE = ProcessVariable.day("awareDate");
  public static final ProcessVariable<Object> REPORT_ID = ProcessVariable.value("reportId");
  public static final ProcessVariable<String> REPORT_URL = ProcessVariable.text("reportUrl");
  public static final ProcessVariable<Boolean> BATCH_SIGNAL = ProcessVariable.flag("batchSignal");
  public static final ProcessVariable<Object> BATCH_REPORTS = ProcessVariable.value("batchReports");
  public static final ProcessVariable<String> CAUSALITY = ProcessVariable.text("causality");
  /** The decision's class: {@code general}, {@code serious} or {@code social_impact} (CN). */
  public static final ProcessVariable<String> SERIOUSNESS = ProcessVariable.text("seriousness");
  /** The initial report's clock (an SLA target, e.g. {@code adverse.regulatory.US.serious}). */
  public static final ProcessVariable<String> REGULATORY_CLOCK = ProcessVariable.text("regulatoryClock");
  /**
   * In the report: the SLA target follow-up reports count by (e.g. {@code adverse.followup.US.serious}).
   * In a follow-up: that report's own clock, the target and the report's number
   * ({@code adverse.followup.US.serious:F2} for the second), so that no two reports share a clock.
   */
  public static final ProcessVariable<String> FOLLOW_UP_CLOCK = ProcessVariable.text("followUpClock");
  /** A follow-up's day the new information was received: its clock counts from it. */
  public static final ProcessVariable<java.time.LocalDate> FOLLOW_UP_AWARE_DATE = ProcessVariable.day("followUpAwareDate");
  /** The regulatory-submission form: the day the report was sent and the regulator's reference. */
  public static final ProcessVariable<java.time.LocalDate> SUBMITTED_ON = ProcessVariable.day("submittedOn");
  public static final ProcessVariable<String> SUBMISSION_REFERENCE = ProcessVariable.text("submissionReference");

  /**
   * The seriousness criteria, one boolean variable each (the case-details form's checkboxes). Each
   * market's legal definition uses some of them (adverse-reaction-seriousness.dmn); the form shows
   * only the criteria of the case's market.
   */
  public static final String[] CRITERIA = {"death", "lifeThreatening", "hospitalised", "hospitalisationNeeded",
      "lastingDisability", "temporaryIncapacity", "functionLoss", "congenitalAnomaly", "infection",
      "disfigurement", "systemicHarm", "interventionToPrevent", "otherSeriousHarm", "socialImpact"};

  /**
   * The reaction's health details (and the consumer's age and sex, which the report gives): kept in {@code adverse_reaction}, never in the process's
   * variables or history. The API hands them to the process as transient variables; a form that
   * edits them sends them to its record step, which stores them and removes them.
   */
  public static final java.util.Set<String> HEALTH_DETAILS = java.util.Set.of("symptoms", "bodyArea", "allergyHistory",
      "medicalTreatment", "outcome", "age", "sex", "firstUseDate", "onsetDate", "stoppedUseDate");

  /** The tasks whose forms show the health details (to the safety team and, read-only, supervisors). */
  public static final java.util.Set<String> HEALTH_DETAIL_TASKS = java.util.Set.of("Task_CaseDetails", "Task_Assess",
      "Task_FollowUpCustomer");

  private AdverseReactionProcess() {}
}
