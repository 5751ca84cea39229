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
 * form submitted. The history keeps every variable's last value ({@code ACT_HI_VARINST}).
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

  /** Camunda's database history writer, without the detail rows: a variable's change, a form's value. */
  static final class WithoutUpdateDetail extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricFormPropertyEventEntity)) {
        super.handleEvent(event);
      }
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
      return false;
    }
  }
}
