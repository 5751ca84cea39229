package io.aftercare.privacy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import io.aftercare.security.AftercareGroup;
import io.aftercare.security.EngineCommands;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps personal data out of Camunda and brings it to the task forms that need it:
 * <ul>
 * <li>Camunda's history (and the reporting tables fed from it) never receives the variables the
 * features name in {@link PersonalData#personalVariables()}: a start or task form that collects a
 * phone number or symptoms passes them to its step, which stores them in the application's
 * tables and removes them before the transaction ends.</li>
 * <li>Opening a task form through any door (Tasklist, {@code /engine-rest}, the Java API) runs
 * {@link GetTaskFormVariablesCmd}; after it, each feature ({@link TaskFormAdditions}) adds what
 * the form shows of the person for the user who opens it (their groups decide), logging full
 * reads, and what else it shows (codes in words, a threshold).</li>
 * </ul>
 */
@Component
class PrivacyEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<PersonalData> features;
  private final ObjectProvider<TaskFormAdditions> formAdditions;
  private volatile Set<String> personalVariables;

  PrivacyEnginePlugin(ObjectProvider<PersonalData> features, ObjectProvider<TaskFormAdditions> formAdditions) {
    this.features = features;
    this.formAdditions = formAdditions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    io.aftercare.security.EngineCommands.addPostInterceptor(configuration, new PrivacyInterceptor());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new PersonalDataHistoryFilter(configuration.getHistoryEventHandler(),
        this::personalVariables));
  }

  Set<String> personalVariables() {
    Set<String> names = personalVariables;
    if (names == null) {
      Set<String> collected = new HashSet<>();
      features.orderedStream().forEach(feature -> collected.addAll(feature.personalVariables()));
      names = Set.copyOf(collected);
      personalVariables = names;
    }
    return names;
  }

  /** Groups whose members read some variables (of their tasks at least); others may not filter by them. */
  static final Set<String> VARIABLE_READERS = Set.of(AftercareGroup.AGENT.id(), AftercareGroup.RETURNS.id(),
      AftercareGroup.SAFETY.id(), AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id());

  /** What makes a case the case it is: a task's form shows them, and may not change them. */
  static final Set<String> CASE_IDENTITY = Set.of("caseNumber", "customerId", "customerTier", "reportNumber",
      "rmaNumber");

  /**
   * Around the engine's commands, whoever calls them (Tasklist, Cockpit, {@code /engine-rest}):
   * <ul>
   * <li>after a task's form variables are read, each feature adds what the form shows of the person;</li>
   * <li>a query filtering by variable values needs a group that reads variables (a process owner
   * could otherwise find out a value by trying: "cases whose description contains …");</li>
   * <li>completing a task (with or without its form) may not change the case's identity: its
   * number, customer, tier, report or RMA number (only administrators may).</li>
   * </ul>
   */
  private final class PrivacyInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      Authentication user = context.getAuthentication();
      if (user != null && context.isAuthorizationCheckEnabled() && !isAdmin(user)) {
        if (filtersByVariables(command) && (user.getGroupIds() == null
            || user.getGroupIds().stream().noneMatch(VARIABLE_READERS::contains))) {
          throw new AuthorizationException("User '" + user.getUserId()
              + "' may not filter by variable values: none of their groups reads cases' variables");
        }
        Map<String, Object> submitted = submittedVariables(command);
        if (!submitted.isEmpty()) {
          keepCaseIdentity(context, command, submitted);
        }
      }
      T result = next.execute(command);
      if (command instanceof GetTaskFormVariablesCmd read && result instanceof VariableMap variables) {
        addToTaskForm(context, user, read.resourceId, variables);
      }
      return result;
    }

    private void addToTaskForm(CommandContext context, Authentication user, String taskId, VariableMap variables) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (user != null && task != null && task.getProcessDefinitionId() != null) {
        ExecutionEntity instance = task.getProcessInstance();
        Object customerId = instance.getVariable("customerId");
        TaskForm form = new TaskForm(task.getId(),
            context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey(),
            task.getTaskDefinitionKey(), instance.getBusinessKey(),
            customerId instanceof Number number ? number.longValue() : null,
            user.getUserId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
        formAdditions.orderedStream().forEach(feature -> feature.addToTaskForm(form, variables));
      }
    }

    private void keepCaseIdentity(CommandContext context, Command<?> command, Map<String, Object> submitted) {
      String taskId = EngineCommands.field(command, "taskId") instanceof String id ? id : null;
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null || task.getExecution() == null) {
        return;
      }
      for (String name : CASE_IDENTITY) {
        if (submitted.containsKey(name)) {
          Object given = submitted.get(name) instanceof TypedValue typed ? typed.getValue() : submitted.get(name);
          Object current = task.getExecution().getVariable(name);
          if (!java.util.Objects.equals(text(given), text(current))) {
            throw new InvalidRequestException(List.of(new FieldProblem(name,
                "is the case's and may not be changed by a task; only an administrator may")));
          }
        }
      }
    }
  }

  private static boolean isAdmin(Authentication user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(AftercareGroup.ADMIN.id());
  }

  private static String text(Object value) {
    return value == null ? null : value instanceof Number number ? String.valueOf(number.longValue()) : value.toString();
  }

  static boolean filtersByVariables(Command<?> command) {
    if (command instanceof TaskQueryImpl query) {
      return !query.getVariables().isEmpty();
    }
    return command instanceof AbstractVariableQueryImpl<?, ?> query && !query.getQueryVariableValues().isEmpty();
  }

  /** The variables a task's completion or form submission sets (Camunda keeps them in the command). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> submittedVariables(Command<?> command) {
    Object variables = command instanceof CompleteTaskCmd ? EngineCommands.field(command, "variables")
        : command instanceof SubmitTaskFormCmd ? EngineCommands.field(command, "properties") : null;
    return variables instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

}
