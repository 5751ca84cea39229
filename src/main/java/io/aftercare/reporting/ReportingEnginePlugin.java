package io.aftercare.reporting;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds the reporting tables' writer beside the engine's database history writer (Camunda's,
 * less the detail rows of variable changes and form values: {@link io.aftercare.process.VariableHistory}).
 */
@Component
class ReportingEnginePlugin extends AbstractProcessEnginePlugin {

  private final JdbcClient jdbc;
  private final OpenTaskCounts openTasks;

  ReportingEnginePlugin(JdbcClient jdbc, OpenTaskCounts openTasks) {
    this.jdbc = jdbc;
    this.openTasks = openTasks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new ReportingHistory(jdbc, openTasks));
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
