package io.aftercare.sla;

import io.aftercare.process.CaseVariables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Dates for BPMN expressions, from the case's SLA clocks: timer {@code timeDate}, user-task
 * {@code dueDate} and {@code followUpDate}. The clock must have been started (slaClock, start).
 * <pre>
 *   dueDate       ${sla.due(execution, 'complaint.resolve.general')}
 *   followUpDate  ${sla.warn(execution, 'complaint.resolve.general')}
 *   level 1 timer ${sla.warn(execution, 'complaint.resolve.general')}
 *   level 2 timer ${sla.due(execution, 'complaint.resolve.general')}
 *   level 3 timer ${sla.escalation(execution, 'complaint.resolve.general')}
 *   reminder      ${sla.fromNow(execution, 'complaint.evidence.reminder')}
 * </pre>
 * Timers and tasks set this way move with the clock when it is paused and resumed.
 */
@Component("sla")
public class SlaExpressions {

  private final SlaClocks clocks;
  private final SlaPolicy policy;
  private final Calendars calendars;

  SlaExpressions(SlaClocks clocks, SlaPolicy policy, Calendars calendars) {
    this.clocks = clocks;
    this.policy = policy;
    this.calendars = calendars;
  }

  public Date due(Object scope, String target) {
    return Date.from(clock(scope, target).dueAt());
  }

  public Date warn(Object scope, String target) {
    return Date.from(clock(scope, target).warnAt());
  }

  public Date escalation(Object scope, String target) {
    return Date.from(policy.escalation(target, clock(scope, target).dueAt()));
  }

  /** The target counted from now in the case's market, without a clock (reminders, waits). */
  public Date fromNow(Object scope, String target) {
    DelegateExecution execution = CaseVariables.execution(scope);
    return Date.from(policy.due(target, calendars.of(CaseVariables.market(execution)), now()));
  }

  private SlaClock clock(Object scope, String target) {
    return clocks.require(CaseVariables.caseNumber(CaseVariables.execution(scope)), target);
  }

  private static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }
}
