package io.aftercare.adversereaction;

import static io.aftercare.adversereaction.AdverseReactionProcess.HEALTH_DETAILS;
import static io.aftercare.adversereaction.AdverseReactionProcess.HEALTH_DETAIL_TASKS;

import io.aftercare.privacy.AccessLog;
import io.aftercare.privacy.PersonalData;
import io.aftercare.privacy.TaskForm;
import io.aftercare.security.AftercareGroup;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Health details are special-category data (GDPR art. 9) and sensitive personal information (PIPL
 * art. 28): the safety team's forms read them from {@code adverse_reaction} when opened, and every
 * such read is logged. Only {@code safety}, {@code supervisor} (read-only: they work no safety
 * task) and administrators receive them; nobody else's form does.
 */
@Component
class HealthDetailsOnForms implements PersonalData {

  static final String[] MAY_READ = {AftercareGroup.SAFETY.id(), AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id()};

  private final AdverseReactions reactions;
  private final AccessLog log;

  HealthDetailsOnForms(AdverseReactions reactions, AccessLog log) {
    this.reactions = reactions;
    this.log = log;
  }

  private static String day(java.time.LocalDate date) {
    return date == null ? null : date.toString();
  }

  @Override
  public Set<String> personalVariables() {
    return HEALTH_DETAILS;
  }

  @Override
  public void addToTaskForm(TaskForm form, VariableMap variables) {
    if (!AdverseReactionProcess.KEY.equals(form.processDefinitionKey())
        || !HEALTH_DETAIL_TASKS.contains(form.taskDefinitionKey()) || !form.openedByAnyOf(MAY_READ)
        || form.caseNumber() == null) {
      return;
    }
    reactions.find(form.caseNumber()).ifPresent(reaction -> {
      variables.putValueTyped("symptoms", Variables.stringValue(reaction.symptoms()));
      variables.putValueTyped("bodyArea", Variables.stringValue(reaction.bodyArea()));
      variables.putValueTyped("allergyHistory", Variables.stringValue(reaction.allergyHistory()));
      variables.putValueTyped("medicalTreatment", Variables.booleanValue(reaction.medicalTreatment()));
      variables.putValueTyped("outcome", Variables.stringValue(reaction.outcome()));
      variables.putValueTyped("age", Variables.integerValue(reaction.age()));
      variables.putValueTyped("sex", Variables.stringValue(reaction.sex()));
      variables.putValueTyped("firstUseDate", Variables.stringValue(day(reaction.firstUseDate())));
      variables.putValueTyped("onsetDate", Variables.stringValue(day(reaction.onsetDate())));
      variables.putValueTyped("stoppedUseDate", Variables.stringValue(day(reaction.stoppedUseDate())));
      log.record(form.userId(), reaction.customerId(), form.caseNumber(), AccessLog.Data.HEALTH,
          "task " + form.taskDefinitionKey(), AccessLog.Door.TASK_FORM);
    });
  }
}
