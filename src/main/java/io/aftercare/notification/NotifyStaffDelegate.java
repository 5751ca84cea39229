package io.aftercare.notification;

import io.aftercare.casefile.CaseVariables;
import io.aftercare.process.InputParameters;
import io.aftercare.process.Privileged;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Tells a group of staff something about the case, by e-mail through the outbox. Input
 * parameters: {@code template} and {@code group} (e.g. {@code supervisor}).
 */
@Component("notifyStaff")
class NotifyStaffDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final IdentityService identity;

  NotifyStaffDelegate(Notifications notifications, IdentityService identity) {
    this.notifications = notifications;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = InputParameters.required(execution, "notifyStaff", "template");
    String group = InputParameters.required(execution, "notifyStaff", "group");
    List<String> emails = Privileged.call(() -> identity.createUserQuery().memberOfGroup(group).list().stream()
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList());
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + template;
    notifications.toStaff(key, CaseVariables.caseNumber(execution), template, emails, execution.getVariables(),
        ClockUtil.getCurrentTime().toInstant());
  }
}
