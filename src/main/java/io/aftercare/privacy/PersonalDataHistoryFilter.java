package io.aftercare.privacy;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Camunda's history writers (its own tables and Aftercare's reporting) with the events of personal
 * variables left out: their creation, updates and removal, and their values as submitted with a form.
 * All events of such a variable are left out, so no later update looks for a row that was never written.
 */
final class PersonalDataHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler writers;
  private final Supplier<Set<String>> personalVariables;

  PersonalDataHistoryFilter(HistoryEventHandler writers, Supplier<Set<String>> personalVariables) {
    this.writers = writers;
    this.personalVariables = personalVariables;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!personal(event)) {
      writers.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    writers.handleEvents(events.stream().filter(event -> !personal(event)).toList());
  }

  boolean personal(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return personalVariables.get().contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity property) {
      return personalVariables.get().contains(property.getPropertyId());
    }
    return false;
  }
}
