package io.aftercare.privacy;

import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What a feature adds to a task form's variables when the form is opened, through any door
 * (Tasklist, {@code /engine-rest}, the Java API): a masked contact, health details for the safety
 * team, codes in words, a threshold, a message's first sentence. {@link PrivacyEnginePlugin} calls
 * every such bean after the engine has read the form's variables, for the user who opens it.
 */
public interface TaskFormAdditions {

  /** Adds what this feature's tasks show; reads of personal data are recorded in the access log. */
  void addToTaskForm(TaskForm form, VariableMap variables);
}
