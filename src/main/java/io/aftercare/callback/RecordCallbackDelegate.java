package io.aftercare.callback;

import static io.aftercare.callback.CallbackProcess.*;

import io.aftercare.process.CaseVariables;
import io.aftercare.process.InputParameters;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Writes the callback's progress into its record, for the case and the reports. Input parameter
 * {@code stage}: {@code planned}, {@code attempt} (counts the attempt and who made it),
 * {@code answers} (from the call), {@code unreachable}.
 */
@Component("recordCallback")
class RecordCallbackDelegate implements JavaDelegate {

  private final CallbackRecords callbacks;
  private final IdentityService identity;

  RecordCallbackDelegate(CallbackRecords callbacks, IdentityService identity) {
    this.callbacks = callbacks;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long callbackId = ((Number) CALLBACK_ID.get(execution)).longValue();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    switch (InputParameters.required(execution, "recordCallback", "stage")) {
      case "planned" -> callbacks.planned(callbackId, number(MAX_ATTEMPTS.get(execution)));
      case "attempt" -> {
        int attempt = number(ATTEMPT.get(execution)) + 1;
        ATTEMPT.set(execution, attempt);
        Authentication user = identity.getCurrentAuthentication();
        callbacks.attempt(callbackId, attempt, Boolean.TRUE.equals(REACHED.get(execution)),
            user == null ? null : user.getUserId(), now);
      }
      case "answers" -> callbacks.answered(callbackId, CaseVariables.caseNumber(execution), "CALL",
          new CallbackRecords.Answers(number(CSAT.get(execution)),
              NPS.get(execution) == null ? null : number(NPS.get(execution)),
              Boolean.TRUE.equals(RESOLVED.get(execution)), COMMENT.get(execution)),
          now);
      case "unreachable" -> callbacks.close(callbackId, "UNREACHABLE", now);
      default -> throw new IllegalArgumentException("recordCallback: unknown stage on "
          + execution.getCurrentActivityId());
    }
  }

  private static int number(Object value) {
    return value == null ? 0 : Integer.parseInt(value.toString());
  }
}
