package io.aftercare.callback;

import io.aftercare.process.ProcessVariable;

/** Names the callback follow-up shares with its diagram, forms and API. */
public final class CallbackProcess {

  public static final String KEY = "callbackFollowUp";

  public static final ProcessVariable<String> REASON = ProcessVariable.text("reason");
  public static final ProcessVariable<java.util.Date> NOT_BEFORE = ProcessVariable.moment("notBefore");
  public static final ProcessVariable<Object> CALLBACK_ID = ProcessVariable.value("callbackId");
  public static final ProcessVariable<Boolean> COMPLAINT_CASE = ProcessVariable.flag("complaintCase");
  public static final ProcessVariable<Integer> ATTEMPT = ProcessVariable.integer("attempt");
  public static final ProcessVariable<Integer> CALL_AFTER_DAYS = ProcessVariable.integer("callAfterDays");
  public static final ProcessVariable<Integer> MAX_ATTEMPTS = ProcessVariable.integer("maxAttempts");
  public static final ProcessVariable<Integer> RETRY_AFTER_DAYS = ProcessVariable.integer("retryAfterDays");
  public static final ProcessVariable<Boolean> REACHED = ProcessVariable.flag("reached");
  public static final ProcessVariable<Integer> CSAT = ProcessVariable.integer("csat");
  public static final ProcessVariable<Integer> NPS = ProcessVariable.integer("nps");
  public static final ProcessVariable<Boolean> RESOLVED = ProcessVariable.flag("resolved");
  public static final ProcessVariable<String> COMMENT = ProcessVariable.text("comment");
  public static final ProcessVariable<String> SURVEY_URL = ProcessVariable.text("surveyUrl");
  public static final ProcessVariable<java.util.Date> SURVEY_EXPIRES_AT = ProcessVariable.moment("surveyExpiresAt");

  private CallbackProcess() {}
}
