package io.aftercare.process;

import io.aftercare.security.EngineCommands;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A case registered through a start form (Tasklist's *Start process*, or a form submission
 * through {@code /engine-rest}) records who registered it as the variable {@value #REGISTERED_BY},
 * so that the process can give its first task to that person: the agent on the phone then finds
 * the case, titled with its number, in *My tasks* at once and can tell the caller the number. A
 * start through the API (a channel's system) records nobody, and no start or message
 * correlation may name a registrant itself.
 */
@Component
class TasklistStarts extends AbstractProcessEnginePlugin {

  static final String REGISTERED_BY = "registeredBy";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineCommands.addPreInterceptor(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        // nobody names the registrant themselves, through any door that starts a process
        if (command instanceof org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd
            || command instanceof org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd) {
          Object builder = EngineCommands.field(command, "instantiationBuilder");
          strip(((org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl) builder).getVariables());
        }
        if (command instanceof org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd) {
          org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl builder =
              (org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl) EngineCommands.field(command, "builder");
          strip(builder.getPayloadProcessInstanceVariables());
          strip(builder.getPayloadProcessInstanceVariablesLocal());
          strip(builder.getPayloadProcessInstanceVariablesToTriggeredScope());
        }
        refuseSideDoors(configuration, command);
        if (command instanceof SubmitStartFormCmd) {
          Authentication user = configuration.getIdentityService().getCurrentAuthentication();
          @SuppressWarnings("unchecked")
          Map<String, Object> variables = (Map<String, Object>) EngineCommands.field(command, "variables");
          if (variables != null) {
            variables.remove(REGISTERED_BY);
            if (user != null && user.getUserId() != null) {
              variables.put(REGISTERED_BY, user.getUserId());
            }
          }
        }
        return next.execute(command);
      }
    });
  }

  /**
   * A user may start a process only at its start event, through its first step's checks: not in the
   * middle of it ({@code startInstructions}, Camunda's start before an activity) and not by passing
   * a message ({@code /engine-rest/message}: a message start event, or a message a running case
   * waits for, would take the user's variables past every check). The application's own calls
   * (a step's message, {@link OnBehalf} after the API's checks) are commands inside a command or
   * carry no user; administrators may.
   */
  private static void refuseSideDoors(ProcessEngineConfigurationImpl configuration, Command<?> command) {
    if (!(command instanceof org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd
        || command instanceof org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd)) {
      return;
    }
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    boolean topLevel = org.camunda.bpm.engine.impl.context.Context.getCommandContext() == null;
    boolean admin = user != null && user.getGroupIds() != null
        && user.getGroupIds().contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
    if (topLevel && user != null && user.getUserId() != null && !admin && !OnBehalf.active()) {
      throw new org.camunda.bpm.engine.AuthorizationException(user.getUserId()
          + " may start a process only at its start event and pass no message: cases take their data"
          + " through the application's checks (/api, a start or task form)");
    }
  }

  private static void strip(Map<String, Object> variables) {
    if (variables != null) {
      variables.remove(REGISTERED_BY);
    }
  }
}
