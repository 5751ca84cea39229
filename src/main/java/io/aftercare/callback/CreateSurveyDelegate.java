package io.aftercare.callback;

import static io.aftercare.callback.CallbackProcess.*;

import io.aftercare.process.CaseVariables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Creates the single-use survey link for a customer the agents could not reach. */
@Component("createSurvey")
class CreateSurveyDelegate implements JavaDelegate {

  private final CallbackRecords callbacks;
  private final CallbackSettings settings;

  CreateSurveyDelegate(CallbackRecords callbacks, CallbackSettings settings) {
    this.callbacks = callbacks;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant expires = now.plus(settings.surveyValidity());
    String token = callbacks.createSurvey(((Number) CALLBACK_ID.get(execution)).longValue(),
        CaseVariables.caseNumber(execution), execution.getProcessInstanceId(), expires, now);
    SURVEY_URL.set(execution, settings.publicUrl() + "/survey.html?token=" + token);
    SURVEY_EXPIRES_AT.set(execution, Date.from(expires));
  }
}
