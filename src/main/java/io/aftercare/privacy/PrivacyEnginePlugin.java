package io.aftercare.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
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
 * {@link GetTaskFormVariablesCmd}; after it, each feature adds what the form shows of the person
 * for the user who opens it (their groups decide), logging full reads.</li>
 * </ul>
 */
@Component
class PrivacyEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<PersonalData> features;
  private volatile Set<String> personalVariables;

  PrivacyEnginePlugin(ObjectProvider<PersonalData> features) {
    this.features = features;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new TaskFormInterceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
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

  /** After a task's form variables are read, lets each feature add what the form shows of the person. */
  private final class TaskFormInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (command instanceof GetTaskFormVariablesCmd read && result instanceof VariableMap variables) {
        CommandContext context = Context.getCommandContext();
        Authentication user = context.getAuthentication();
        TaskEntity task = context.getTaskManager().findTaskById(read.resourceId);
        if (user != null && task != null && task.getProcessDefinitionId() != null) {
          ExecutionEntity instance = task.getProcessInstance();
          Object customerId = instance.getVariable("customerId");
          TaskForm form = new TaskForm(task.getId(),
              context.getProcessEngineConfiguration().getDeploymentCache()
                  .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey(),
              task.getTaskDefinitionKey(), instance.getBusinessKey(),
              customerId instanceof Number number ? number.longValue() : null,
              user.getUserId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
          features.orderedStream().forEach(feature -> feature.addToTaskForm(form, variables));
        }
      }
      return result;
    }
  }
}
