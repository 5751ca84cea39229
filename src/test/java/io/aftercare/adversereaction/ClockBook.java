package io.aftercare.adversereaction;

import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import io.aftercare.sla.BusinessCalendar;
import io.aftercare.sla.Calendars;
import io.aftercare.sla.ShippedCalendarsAccess;
import io.aftercare.sla.SlaPolicy;
import io.aftercare.support.CallRecorder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The {@code slaClock}, {@code sla} and {@code escalate} beans for process tests: clocks kept in
 * memory the way SlaClocks keeps them (one per case and clock name; starting an open one again
 * changes nothing; an escalation of a clock no longer open does nothing), with due and warning
 * dates from the shipped calendars and SLA targets, so that tests can state dates worked out by hand.
 */
public final class ClockBook {

  /** A clock as the process left it. */
  record Clock(String name, Instant startedAt, Instant dueAt, Instant warnAt, boolean open, boolean breached) {}

  private static final Calendars CALENDARS = ShippedCalendarsAccess.calendars();
  private static final SlaPolicy POLICY = ShippedCalendarsAccess.policy();

  private final Map<String, Clock> clocks = new LinkedHashMap<>();
  private final CallRecorder recorder;

  ClockBook(CallRecorder recorder) {
    this.recorder = recorder;
  }

  /** The case's clock of that name. */
  Clock clock(String caseNumber, String name) {
    Clock clock = clocks.get(caseNumber + "/" + name);
    if (clock == null) {
      throw new AssertionError("No clock " + name + " on " + caseNumber + "; clocks: " + clocks.keySet());
    }
    return clock;
  }

  /** slaClock: start (from a day, the start of that day in the market's zone) and stop. */
  JavaDelegate slaClock() {
    return (DelegateExecution execution) -> {
      String name = (String) execution.getVariableLocal("clock");
      String action = (String) execution.getVariableLocal("action");
      String key = CaseVariables.caseNumber(execution) + "/" + name;
      recorder.add("slaClock:clock=" + name + ",action=" + action);
      Clock clock = clocks.get(key);
      if (action.equals("start") && (clock == null || !clock.open())) {
        Market market = CaseVariables.market(execution);
        BusinessCalendar calendar = CALENDARS.of(market);
        Object from = execution.getVariableLocal("from");
        Instant start = from == null ? ClockUtil.getCurrentTime().toInstant()
            : LocalDate.parse(from.toString()).atStartOfDay(market.zone()).toInstant();
        Instant due = POLICY.due(name, calendar, start);
        clocks.put(key, new Clock(name, start, due, POLICY.warn(name, calendar, start, due), true, false));
      } else if (action.equals("stop") && clock != null) {
        clocks.put(key, new Clock(name, clock.startedAt(), clock.dueAt(), clock.warnAt(), false, clock.breached()));
      }
    };
  }

  /** escalate: recorded (and at level 2 the clock marked breached) only while the clock is open. */
  JavaDelegate escalate() {
    return (DelegateExecution execution) -> {
      String name = (String) execution.getVariableLocal("clock");
      Object level = execution.getVariableLocal("level");
      Clock clock = clock(CaseVariables.caseNumber(execution), name);
      if (!clock.open()) {
        return;
      }
      recorder.add("escalate:clock=" + name + ",level=" + level + ",task=" + execution.getVariableLocal("task"));
      if ("2".equals(level.toString())) {
        clocks.put(CaseVariables.caseNumber(execution) + "/" + name,
            new Clock(name, clock.startedAt(), clock.dueAt(), clock.warnAt(), true, true));
      }
    };
  }

  /** sla.due(execution, clock) */
  public Date due(Object scope, String name) {
    return Date.from(clock(CaseVariables.caseNumber(CaseVariables.execution(scope)), name).dueAt());
  }

  /** sla.warn(execution, clock) */
  public Date warn(Object scope, String name) {
    return Date.from(clock(CaseVariables.caseNumber(CaseVariables.execution(scope)), name).warnAt());
  }
}
