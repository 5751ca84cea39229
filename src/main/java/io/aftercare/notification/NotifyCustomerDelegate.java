package io.aftercare.notification;

import io.aftercare.process.CaseVariables;
import io.aftercare.process.InputParameters;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Tells the case's customer something: puts a message from {@code template} in the outbox, in
 * the engine's transaction. Input parameters: {@code template}, optional {@code channel}
 * ({@code EMAIL|SMS}; default the customer's preferred consented channel) and optional {@code key}
 * (to tell apart repeated sends of one step, e.g. a reminder number). The idempotency key is
 * process instance + activity + template (+ key), so a retried job or a re-executed step adds
 * no second message.
 */
@Component("notifyCustomer")
class NotifyCustomerDelegate implements JavaDelegate {

  private final Notifications notifications;

  NotifyCustomerDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = InputParameters.required(execution, "notifyCustomer", "template");
    String channel = InputParameters.optional(execution, "channel");
    String extra = InputParameters.optional(execution, "key");
    Long customerId = CaseVariables.customerId(execution);
    if (customerId == null) {
      throw new IllegalStateException("notifyCustomer: the process has no variable 'customerId'");
    }
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + template
        + (extra == null ? "" : ":" + extra);
    Map<String, Object> values = execution.getVariables();
    notifications.toCustomer(key, CaseVariables.caseNumber(execution), customerId, template,
        channel == null ? null : Channel.valueOf(channel), values, ClockUtil.getCurrentTime().toInstant());
  }
}
