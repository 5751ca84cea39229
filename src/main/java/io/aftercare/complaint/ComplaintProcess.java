package io.aftercare.complaint;

import io.aftercare.process.ProcessVariable;

/** Names the complaint process shares with its diagram, forms and the processes it talks to. */
public final class ComplaintProcess {

  public static final String KEY = "complaintHandling";


  // intake
  public static final ProcessVariable<String> INTAKE_CHANNEL = ProcessVariable.text("intakeChannel");
  public static final ProcessVariable<String> LOCALE = ProcessVariable.text("locale");
  public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.text("description");
  public static final ProcessVariable<Object> ATTACHMENTS = ProcessVariable.value("attachments");
  // set at registration (and when reopened): the clocks count from here
  public static final ProcessVariable<java.util.Date> RECEIVED_AT = ProcessVariable.moment("receivedAt");
  public static final ProcessVariable<Boolean> REPEAT_CUSTOMER = ProcessVariable.flag("repeatCustomer");
  public static final ProcessVariable<Boolean> REPEAT_BATCH = ProcessVariable.flag("repeatBatch");
  public static final ProcessVariable<String> REPEAT_NOTE = ProcessVariable.text("repeatNote");
  // triage and resolution
  /** The team that works the complaint (candidate group), as triage decided. */
  public static final ProcessVariable<String> TEAM = ProcessVariable.text("team");
  public static final ProcessVariable<String> CATEGORY = ProcessVariable.text("category");
  public static final ProcessVariable<Integer> SEVERITY = ProcessVariable.integer("severity");
  public static final ProcessVariable<String> RESOLUTION = ProcessVariable.text("resolution");
  public static final ProcessVariable<Object> COMPENSATION = ProcessVariable.value("compensationAmount");
  /** Refunds of the same order so far (set when the resolution is recorded; read by the approval decision). */
  public static final ProcessVariable<Integer> EARLIER_REFUNDS = ProcessVariable.integer("earlierRefunds");
  /** The approval decision (complaint-approval.dmn): whether a supervisor approves, and why. */
  public static final String APPROVAL_DECISION = "complaintApproval";
  public static final ProcessVariable<Boolean> APPROVAL_NEEDED = ProcessVariable.flag("approvalNeeded");
  public static final ProcessVariable<String> APPROVAL_REASON = ProcessVariable.text("approvalReason");

  private ComplaintProcess() {}
}
