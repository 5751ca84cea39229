package io.aftercare.casefile;

import io.aftercare.privacy.TaskFormAdditions;
import io.aftercare.privacy.TaskForm;
import io.aftercare.process.CodeLabels;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Task forms show codes in words: for every variable of the form whose code has a label ({@link
 * CodeLabels}), the form also gets {@code <name>Label} ("Irritation or allergy / 刺激或过敏"), which
 * the forms show in a text line rather than the code. It holds no personal data; it uses the same
 * hook that adds what a form shows of the person (the form-variable command, every door).
 */
@Component
class CodeLabelsOnForms implements TaskFormAdditions {

  private final CodeLabels labels;

  CodeLabelsOnForms(CodeLabels labels) {
    this.labels = labels;
  }


  @Override
  public void addToTaskForm(TaskForm form, VariableMap variables) {
    for (String name : Set.copyOf(variables.keySet())) {
      Object code = variables.get(name);
      if (code != null && labels.variables().contains(name)) {
        // a code without a label yet (a new one) is shown as it is rather than not at all
        variables.putValue(name + "Label", labels.of(name, code).orElse(code.toString()));
      }
    }
  }
}
