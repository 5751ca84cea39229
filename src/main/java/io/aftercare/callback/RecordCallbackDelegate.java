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
    long callbackId = ((Number) execution.getVariable(CALLBACK_ID)).longValue();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    switch (InputParameters.required(execution, "recordCallback", "stage")) {
      case "planned" -> callbacks.planned(callbackId, number(execution.getVariable(MAX_ATTEMPTS)));
      case "attempt" -> {
        int attempt = number(execution.getVariable(ATTEMPT)) + 1;
        execution.setVariable(ATTEMPT, attempt);
        Authentication user = identity.getCurrentAuthentication();
        callbacks.attempt(callbackId, attempt, Boolean.TRUE.equals(execution.getVariable(REACHED)),
            user == null ? null : user.getUserId(), now);
      }
      case "answers" -> callbacks.answered(callbackId, CaseVariables.caseNumber(execution), "CALL",
          new CallbackRecords.Answers(number(execution.getVariable(CSAT)),
              execution.getVariable(NPS) == null ? null : number(execution.getVariable(NPS)),
              Boolean.TRUE.equals(execution.getVariable(RESOLVED)), (String) execution.getVariable(COMMENT)),
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
