package io.aftercare.sla;

import io.aftercare.notification.NotificationSettings;
import io.aftercare.notification.Notifications;
import io.aftercare.process.CaseVariables;
import io.aftercare.process.InputParameters;
import io.aftercare.process.Privileged;
import io.aftercare.security.AftercareGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Escalates an SLA clock, driven by non-interrupting boundary timers on the task it measures.
 * Input parameters: {@code clock} (the target), {@code level} and optional {@code task} (the task
 * definition key; default every open task of the process instance).
 * <ol>
 *   <li>warns the assignee (or, unclaimed, the candidate groups) before the target;</li>
 *   <li>at breach: marks the clock breached, tells the supervisors, raises the task's priority and
 *       offers it to the {@code supervisor} group as well;</li>
 *   <li>after a further period: tells the manager.</li>
 * </ol>
 * Nothing happens for a clock that is no longer open. Every escalation is recorded on the case.
 */
@Component("escalate")
class EscalationDelegate implements JavaDelegate {

  private final SlaClocks clocks;
  private final SlaPolicy policy;
  private final Notifications notifications;
  private final NotificationSettings settings;
  private final TaskService tasks;
  private final Escalations escalations;

  EscalationDelegate(SlaClocks clocks, SlaPolicy policy, Notifications notifications,
      NotificationSettings settings, TaskService tasks, Escalations escalations) {
    this.clocks = clocks;
    this.policy = policy;
    this.notifications = notifications;
    this.settings = settings;
    this.tasks = tasks;
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Privileged.call(() -> {
      escalate(execution);
      return null;
    });
  }

  private void escalate(DelegateExecution execution) {
    String target = InputParameters.required(execution, "escalate", "clock");
    int level = Integer.parseInt(InputParameters.required(execution, "escalate", "level"));
    if (level < 1 || level > 3) {
      throw new IllegalArgumentException("escalate: level must be 1, 2 or 3, was " + level);
    }
    String caseNumber = CaseVariables.caseNumber(execution);
    SlaClock clock = clocks.require(caseNumber, target);
    if (!clock.isOpen()) {
      return;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String taskKey = InputParameters.optional(execution, "task");
    var query = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId());
    List<Task> open = taskKey == null ? query.list() : query.taskDefinitionKey(taskKey).list();

    Set<String> recipients = new LinkedHashSet<>();
    String template;
    switch (level) {
      case 1 -> {
        clocks.markWarned(caseNumber, target, now);
        template = "escalation-warning";
        for (Task task : open) {
          if (task.getAssignee() != null) {
            recipients.addAll(notifications.emailsOfUser(task.getAssignee()));
          } else {
            candidateGroups(task).forEach(g -> recipients.addAll(notifications.emailsOfGroup(g)));
          }
        }
      }
      case 2 -> {
        clocks.markBreached(caseNumber, target, now);
        template = "escalation-breach";
        for (Task task : open) {
          if (task.getPriority() < policy.breachPriority()) {
            tasks.setPriority(task.getId(), policy.breachPriority());
          }
          if (!candidateGroups(task).contains(AftercareGroup.SUPERVISOR.id())) {
            tasks.addCandidateGroup(task.getId(), AftercareGroup.SUPERVISOR.id());
          }
        }
        recipients.addAll(notifications.emailsOfGroup(AftercareGroup.SUPERVISOR.id()));
      }
      default -> {
        template = "escalation-manager";
        if (settings.managerEmail() != null && !settings.managerEmail().isBlank()) {
          recipients.add(settings.managerEmail());
        }
      }
    }

    List<Task> subjects = open.isEmpty() ? java.util.Collections.singletonList(null) : open;
    for (Task task : subjects) {
      escalations.record(caseNumber, new Escalations.Escalation(target, level,
          task == null ? null : task.getId(), task == null ? null : task.getName(),
          task == null ? null : task.getAssignee(),
          task == null ? null : String.join(",", candidateGroups(task)), now));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("target", target);
    values.put("dueAt", Date.from(clock.dueAt()));
    values.put("taskName", open.isEmpty() ? target : String.join(", ", open.stream().map(Task::getName).toList()));
    values.put("assignee", open.stream().map(Task::getAssignee).filter(a -> a != null).findFirst().orElse("-"));
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":level" + level;
    notifications.toStaff(key, caseNumber, template, new ArrayList<>(recipients), values, now);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

}
