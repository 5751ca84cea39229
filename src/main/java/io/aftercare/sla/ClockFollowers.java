package io.aftercare.sla;

import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import io.aftercare.process.Privileged;
import org.springframework.stereotype.Component;

/**
 * Makes the timers and tasks that are set from a clock follow it when its due date moves: every
 * timer whose date expression names the clock ({@code sla.due(execution, 'complaint.resolve.general')})
 * and every user task whose due or follow-up date does, in all process instances of the case.
 */
@Component
class ClockFollowers {

  private final RuntimeService runtime;
  private final ManagementService management;
  private final RepositoryService repository;
  private final TaskService tasks;

  ClockFollowers(RuntimeService runtime, ManagementService management, RepositoryService repository,
      TaskService tasks) {
    this.runtime = runtime;
    this.management = management;
    this.repository = repository;
    this.tasks = tasks;
  }

  /** Moves the case's timers and task dates that name the target by {@code shift}; returns how many moved. */
  int follow(String caseNumber, String target, UnaryOperator<Instant> shift) {
    return Privileged.call(() -> move(caseNumber, target, shift));
  }

  private int move(String caseNumber, String target, UnaryOperator<Instant> shift) {
    String reference = "'" + target + "'";
    int moved = 0;
    for (ProcessInstance instance : runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).active().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
      for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
        JobDefinition definition = management.createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId()).singleResult();
        if (definition != null && timerExpression(model, definition.getActivityId()).contains(reference)) {
          management.setJobDuedate(job.getId(), Date.from(shift.apply(job.getDuedate().toInstant())));
          moved++;
        }
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
        ModelElementInstance element = model.getModelElementById(task.getTaskDefinitionKey());
        if (!(element instanceof UserTask userTask)) {
          continue;
        }
        boolean changed = false;
        if (task.getDueDate() != null && contains(userTask.getCamundaDueDate(), reference)) {
          task.setDueDate(Date.from(shift.apply(task.getDueDate().toInstant())));
          changed = true;
        }
        if (task.getFollowUpDate() != null && contains(userTask.getCamundaFollowUpDate(), reference)) {
          task.setFollowUpDate(Date.from(shift.apply(task.getFollowUpDate().toInstant())));
          changed = true;
        }
        if (changed) {
          tasks.saveTask(task);
          moved++;
        }
      }
    }
    return moved;
  }

  private static String timerExpression(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = model.getModelElementById(activityId);
    if (!(element instanceof CatchEvent event)) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (TimerEventDefinition timer : event.getEventDefinitions().stream()
        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast).toList()) {
      if (timer.getTimeDate() != null) {
        text.append(timer.getTimeDate().getTextContent());
      }
      if (timer.getTimeDuration() != null) {
        text.append(timer.getTimeDuration().getTextContent());
      }
    }
    return text.toString();
  }

  private static boolean contains(String expression, String reference) {
    return expression != null && expression.contains(reference);
  }
}
