package io.aftercare.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who sees and works which task, decided per process definition and group instead of per task.
 * Camunda's default writes one authorization row per task and candidate group, and every task
 * query then joins each open task to those rows: agents' lists took seconds at 6,000 open tasks
 * (TaskListBenchmark). Here:
 * <ul>
 * <li>the engine writes no authorization for a single task; a team reads and works the tasks of
 * the processes it works ({@link AuthorizationPlan}: READ_TASK, TASK_WORK, READ_TASK_VARIABLE per
 * process definition), so a task query checks a handful of rows;</li>
 * <li>working a task — claiming, completing, submitting its form, setting its variables,
 * assigning or delegating it, changing it — needs it to be offered to one of the user's groups or
 * to the user, or assigned to them (administrators excepted), whatever the door: a process's
 * approval step stays the supervisors' although agents may read the process's tasks;</li>
 * <li>no revoke authorizations exist, so the engine's queries need not look for them; there is
 * no CMMN and no task outside a process.</li>
 * </ul>
 */
@Component
public class TaskAccessPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NoSingleTaskAuthorizations());
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
    configuration.setCmmnEnabled(false);
    configuration.setStandaloneTasksEnabled(false);
    EngineCommands.addPostInterceptor(configuration, new OfferedTasksOnly());
  }

  /** Camunda's default authorizations, except those of single tasks. */
  static final class NoSingleTaskAuthorizations extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newTaskAssignee(org.camunda.bpm.engine.task.Task task, String oldAssignee,
        String newAssignee) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(org.camunda.bpm.engine.task.Task task, String oldOwner,
        String newOwner) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(org.camunda.bpm.engine.task.Task task, String userId,
        String type) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(org.camunda.bpm.engine.task.Task task, String groupId,
        String type) {
      return null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(org.camunda.bpm.engine.task.Task task, String userId,
        String type) {
      return null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(org.camunda.bpm.engine.task.Task task, String groupId,
        String type) {
      return null;
    }
  }

  /** A user works only the tasks offered to their groups or to them, or assigned to them. */
  static final class OfferedTasksOnly extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      Authentication user = context.getAuthentication();
      if (user != null && context.isAuthorizationCheckEnabled() && works(command)) {
        TaskEntity task = task(context, command);
        if (task != null && !offeredTo(task, user)) {
          throw new AuthorizationException("Task '" + task.getId() + "' (" + task.getName() + ") is not offered to '"
              + user.getUserId() + "' or one of their groups, nor assigned to them");
        }
      }
      return next.execute(command);
    }

    static boolean works(Command<?> command) {
      return command instanceof ClaimTaskCmd || command instanceof CompleteTaskCmd
          || command instanceof SubmitTaskFormCmd || command instanceof AbstractAddIdentityLinkCmd
          || command instanceof DelegateTaskCmd || command instanceof SetTaskVariablesCmd
          || command instanceof RemoveTaskVariablesCmd || command instanceof SaveTaskCmd;
    }

    static boolean offeredTo(TaskEntity task, Authentication user) {
      List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
      if (groups.contains(AftercareGroup.ADMIN.id()) || user.getUserId().equals(task.getAssignee())
          || user.getUserId().equals(task.getOwner())) {
        return true;
      }
      for (IdentityLinkEntity link : task.getIdentityLinks()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())
            && (groups.contains(link.getGroupId()) || user.getUserId().equals(link.getUserId()))) {
          return true;
        }
      }
      return false;
    }

    private static TaskEntity task(CommandContext context, Command<?> command) {
      if (command instanceof SaveTaskCmd) {
        TaskEntity changed = (TaskEntity) EngineCommands.field(command, "task");
        return changed == null || changed.getId() == null ? null : context.getTaskManager().findTaskById(changed.getId());
      }
      Object id = command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
          ? EngineCommands.field(command, "entityId") : EngineCommands.field(command, "taskId");
      return id == null ? null : context.getTaskManager().findTaskById(id.toString());
    }

    }
}
