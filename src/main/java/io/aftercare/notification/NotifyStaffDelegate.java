package io.aftercare.notification;

import io.aftercare.process.CaseVariables;
import io.aftercare.process.InputParameters;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Tells a group of staff something about the case, by e-mail through the outbox. Input
 * parameters: {@code template} and {@code group} (e.g. {@code supervisor}).
 */
@Component("notifyStaff")
class NotifyStaffDelegate implements JavaDelegate {

  private final Notifications notifications;

  NotifyStaffDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = InputParameters.required(execution, "notifyStaff", "template");
    String group = InputParameters.required(execution, "notifyStaff", "group");
    List<String> emails = notifications.emailsOfGroup(group);
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + template;
    notifications.toStaff(key, CaseVariables.caseNumber(execution), template, emails, execution.getVariables(),
        ClockUtil.getCurrentTime().toInstant());
  }
}
