package io.aftercare.privacy;

import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What a feature tells the privacy mechanism about the personal data its processes touch. Contact
 * and health data live in the application's tables; a process only passes them through a step
 * (a start form, a task form) that stores them there. The names given here never reach Camunda's
 * history, and a task's form gets the personal data it needs from the tables, at the time it is
 * opened, for those who may see it.
 */
public interface PersonalData extends TaskFormAdditions {

  /** Process variables that never go to Camunda's history (nor, after their step, its runtime). */
  Set<String> personalVariables();

  /**
   * Adds to a task form's variables what the task shows of the person (e.g. a masked contact,
   * or health details for the safety team), recording full reads in the access log.
   */
  @Override
  default void addToTaskForm(TaskForm form, VariableMap variables) {}
}
