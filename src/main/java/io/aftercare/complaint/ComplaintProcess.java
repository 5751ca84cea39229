package io.aftercare.complaint;

/** Names the complaint process shares with its diagram, forms and the processes it talks to. */
public final class ComplaintProcess {

  public static final String KEY = "complaintHandling";


  // intake
  public static final String INTAKE_CHANNEL = "intakeChannel";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String LOCALE = "locale";
  public static final String DESCRIPTION = "description";
  public static final String ATTACHMENTS = "attachments";
  // set at registration (and when reopened): the clocks count from here
  public static final String RECEIVED_AT = "receivedAt";
  public static final String REPEAT_CUSTOMER = "repeatCustomer";
  public static final String REPEAT_BATCH = "repeatBatch";
  public static final String REPEAT_NOTE = "repeatNote";
  // triage and resolution
  public static final String CATEGORY = "category";
  public static final String SEVERITY = "severity";
  public static final String RESOLUTION = "resolution";
  public static final String COMPENSATION = "compensationAmount";
  /** Refunds of the same order so far (set when the resolution is recorded; read by the approval decision). */
  public static final String EARLIER_REFUNDS = "earlierRefunds";
  /** The approval decision (complaint-approval.dmn): whether a supervisor approves, and why. */
  public static final String APPROVAL_DECISION = "complaintApproval";
  public static final String APPROVAL_NEEDED = "approvalNeeded";
  public static final String APPROVAL_REASON = "approvalReason";

  private ComplaintProcess() {}
}
