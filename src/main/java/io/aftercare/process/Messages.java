package io.aftercare.process;

/**
 * Every BPMN message between Aftercare's processes and from its API, named once: the diagrams'
 * message names are these (the model check holds them to it), and the code correlates with these.
 */
public final class Messages {

  /** To the adverse-reaction report, from a complaint (irritation/allergy or severity 1): starts it. */
  public static final String ADVERSE_REACTION_REPORTED = "AdverseReactionReported";
  /** To a running adverse-reaction report: new information that needs a follow-up report. */
  public static final String ADVERSE_REACTION_FOLLOW_UP = "AdverseReactionFollowUp";
  /** To the return process, from a complaint resolved by exchange or refund: starts it. */
  public static final String RETURN_REQUESTED = "ReturnRequested";
  /** Back to the complaint: what its return came to. */
  public static final String RETURN_SETTLED = "ReturnSettled";
  /** To the callback follow-up, from a finished complaint or return: starts it. */
  public static final String CALLBACK_REQUESTED = "CallbackRequested";
  /** To a callback waiting for the customer's survey. */
  public static final String SURVEY_ANSWERED = "SurveyAnswered";
  /** To a complaint waiting for evidence (POST /api/cases/{n}/evidence). */
  public static final String COMPLAINT_EVIDENCE_RECEIVED = "ComplaintEvidenceReceived";
  /** To the complaint process, from a dissatisfied callback: reopens the complaint. */
  public static final String COMPLAINT_REOPENED = "ComplaintReopened";

  private Messages() {}
}
