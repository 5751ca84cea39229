package io.aftercare.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the input parameters that process owners set on the generic delegates. */
public final class InputParameters {

  private InputParameters() {}

  /** The parameter as text; fails, naming the bean and the element, when it is missing or blank. */
  public static String required(DelegateExecution execution, String bean, String name) {
    String value = optional(execution, name);
    if (value == null) {
      throw new IllegalArgumentException(bean + " needs the input parameter '" + name + "' on "
          + execution.getCurrentActivityId());
    }
    return value;
  }

  /** The parameter as text, or null when it is not set or blank. */
  public static String optional(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
