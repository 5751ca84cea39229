package io.aftercare.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Camunda's history as the engine writes it at level {@code full}, except the detail rows
 * ({@code ACT_HI_DETAIL}): one row for every time a variable was set, and one for every value a
 * form submitted; and except a step's own parameters (its input parameters: {@code clock},
 * {@code action}, {@code template}, {@code stage}…, local to the step and gone when it ends; 35 %
 * of the variable rows of the lifecycle benchmark's cases). The history keeps every case and task
 * variable's last value ({@code ACT_HI_VARINST}).
 * <p>
 * Nothing in Aftercare reads those rows — the timeline reads its own tables (the values a task
 * set: {@code report_task}, ReportingHistory) and Cockpit (community) and Tasklist show no
 * variable history — yet a complaint wrote some 35 of them (and, before the history cleanup went
 * by end time, each case's end rewrote them all again with their removal time: 4–5 ms a case at
 * PostgreSQL, the lifecycle profile in README "Benchmarks"). Fewer copies of what a case held is
 * also the privacy rule's "minimum necessary".
 * Two things of Camunda's go with them: {@code /engine-rest/history/detail} lists nothing for new
 * cases, and restarting a finished case with its initial variables
 * ({@code restart … initialVariables}) has none to start with (restart with the last ones instead).
 * Decisions, tasks, activities, incidents and the user operation log stay in Camunda's history as
 * {@code full} keeps them.
 * <p>
 * The engine keeps the name {@code full} for its history level, so that Camunda's checks of the
 * level (and a database written by an earlier version) are unchanged; rows an earlier version
 * wrote go with their case's history (README "Retention"; the privacy erasure clears their free
 * texts as before).
 */
@Component
public class VariableHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutUpdateDetail());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    // this handler takes the place of Camunda's own database handler (it is one, less the detail)
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Two database writers would insert every history row twice: refused at start-up instead. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isEnableDefaultDbHistoryEventHandler()) {
      throw new IllegalStateException("Camunda's default history writer was switched back on"
          + " (enableDefaultDbHistoryEventHandler): it would write every history row a second time beside "
          + WithoutUpdateDetail.class.getName());
    }
  }

  /**
   * Camunda's database history writer, without the detail rows (a variable's change, a form's
   * value) and without a step's own parameters.
   */
  static final class WithoutUpdateDetail extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricFormPropertyEventEntity)
          && !(event instanceof HistoricVariableUpdateEventEntity variable && stepParameter(variable))) {
        super.handleEvent(event);
      }
    }

    /**
     * A variable that lives in one step only: an input parameter of a step (the clock a step
     * starts, the template a message uses, the stage a task reports), local to the step's
     * activity instance, not to the process instance nor to a task. Aftercare's processes have no
     * sub-processes, so nothing else is local to a step.
     */
    static boolean stepParameter(HistoricVariableUpdateEventEntity variable) {
      // the activity instance of the scope the variable lives in (the event's activity instance
      // is where it was set from: a case variable set from inside a step names the step)
      String scope = variable.getScopeActivityInstanceId();
      return variable.getTaskId() == null && scope != null && variable.getProcessInstanceId() != null
          && !scope.equals(variable.getProcessInstanceId());
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
      return false;
    }
  }
}
