package io.aftercare.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stand-ins for the application's delegates in the process tests: each records what the process
 * asked of it as {@code bean:parameter=value,…}, in order.
 */
public final class CallRecorder {

  private final List<String> calls = new ArrayList<>();

  public List<String> calls() {
    return calls;
  }

  public void add(String call) {
    calls.add(call);
  }

  /** A delegate that records the given input parameters of the step. */
  public JavaDelegate delegate(String bean, String... parameters) {
    return (DelegateExecution execution) -> {
      List<String> values = new ArrayList<>();
      for (String parameter : parameters) {
        values.add(parameter + "=" + execution.getVariableLocal(parameter));
      }
      calls.add(bean + ":" + String.join(",", values));
    };
  }
}
