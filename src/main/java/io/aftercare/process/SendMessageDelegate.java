package io.aftercare.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.springframework.stereotype.Component;

/**
 * Sends a BPMN message to another process of the case (message throw events): starts it, or
 * continues it where it waits, with the case number as business key. Input parameters:
 * {@code message} (the message name; default the message of the throw event) and {@code variables}:
 * a map from the name the receiver gets to the name of this process's variable that is sent (in
 * the Modeler: Inputs → variables, type Map; a missing variable is sent as null). Older versions
 * of the diagrams give the names comma-separated, still understood. The case number, customer and
 * market always go. With no receiver
 * deployed the step fails and, being asynchronous, becomes an incident: never a lost message.
 */
@Component("sendMessage")
public class SendMessageDelegate implements JavaDelegate {

  private final RuntimeService runtime;

  public SendMessageDelegate(RuntimeService runtime) {
    this.runtime = runtime;
  }

  private static String messageOfEvent(DelegateExecution execution) {
    if (execution.getBpmnModelElementInstance() instanceof ThrowEvent event) {
      for (EventDefinition definition : event.getEventDefinitions()) {
        if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
          return message.getMessage().getName();
        }
      }
    }
    throw new IllegalArgumentException("sendMessage needs the input parameter 'message' on "
        + execution.getCurrentActivityId() + " (or a message on the event)");
  }

  @Override
  public void execute(DelegateExecution execution) {
    String message = InputParameters.optional(execution, "message");
    if (message == null) {
      message = messageOfEvent(execution);
    }
    String messageName = message;
    Object payload = execution.getVariableLocal("variables");
    Map<String, Object> variables = new LinkedHashMap<>();
    String caseNumber = CaseVariables.caseNumber(execution);
    variables.put(CaseVariables.CASE_NUMBER, caseNumber);
    for (String name : new String[] {CaseVariables.CUSTOMER_ID, CaseVariables.MARKET}) {
      if (execution.getVariable(name) != null) {
        variables.put(name, execution.getVariable(name));
      }
    }
    if (payload instanceof Map<?, ?> map) {
      map.forEach((target, source) -> variables.put(String.valueOf(target),
          source == null ? null : execution.getVariable(String.valueOf(source).trim())));
    } else if (payload != null && !payload.toString().isBlank()) {
      for (String name : payload.toString().split(",")) {
        variables.put(name.trim(), execution.getVariable(name.trim()));
      }
    }
    Privileged.call(() -> runtime.createMessageCorrelation(messageName)
        .processInstanceBusinessKey(caseNumber)
        .setVariables(variables)
        .correlateWithResult());
  }
}
