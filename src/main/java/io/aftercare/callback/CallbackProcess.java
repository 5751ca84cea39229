package io.aftercare.callback;

/** Names the callback follow-up shares with its diagram, forms and API. */
public final class CallbackProcess {

  public static final String KEY = "callbackFollowUp";

  public static final String REASON = "reason";
  public static final String NOT_BEFORE = "notBefore";
  public static final String CALLBACK_ID = "callbackId";
  public static final String COMPLAINT_CASE = "complaintCase";
  public static final String ATTEMPT = "attempt";
  public static final String CALL_AFTER_DAYS = "callAfterDays";
  public static final String MAX_ATTEMPTS = "maxAttempts";
  public static final String RETRY_AFTER_DAYS = "retryAfterDays";
  public static final String REACHED = "reached";
  public static final String CSAT = "csat";
  public static final String NPS = "nps";
  public static final String RESOLVED = "resolved";
  public static final String COMMENT = "comment";
  public static final String SURVEY_URL = "surveyUrl";
  public static final String SURVEY_EXPIRES_AT = "surveyExpiresAt";

  private CallbackProcess() {}
}
