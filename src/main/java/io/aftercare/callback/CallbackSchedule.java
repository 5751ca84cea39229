package io.aftercare.callback;

import static io.aftercare.callback.CallbackProcess.*;

import io.aftercare.process.CaseVariables;
import io.aftercare.sla.BusinessCalendar;
import io.aftercare.sla.Calendars;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When to call, in the customer's market calendar, for the diagram's timers and due dates:
 * {@code ${callbacks.firstCall(execution)}}, {@code ${callbacks.retry(execution)}},
 * {@code ${callbacks.callDue(execution)}}. Calls land within working hours on working days.
 */
@Component("callbacks")
public class CallbackSchedule {

  private final Calendars calendars;
  private final CallbackSettings settings;

  CallbackSchedule(Calendars calendars, CallbackSettings settings) {
    this.calendars = calendars;
    this.settings = settings;
  }

  /** The plan's working days after now (or after {@code notBefore}, when later), within working hours. */
  public Date firstCall(Object scope) {
    var execution = CaseVariables.execution(scope);
    Instant base = now();
    Date notBefore = CaseVariables.date(NOT_BEFORE.get(execution));
    if (notBefore != null && notBefore.toInstant().isAfter(base)) {
      base = notBefore.toInstant();
    }
    return Date.from(afterWorkingDays(execution, base, number(CALL_AFTER_DAYS.get(execution))));
  }

  /** The next attempt: the plan's retry interval in working days after now. */
  public Date retry(Object scope) {
    var execution = CaseVariables.execution(scope);
    return Date.from(afterWorkingDays(execution, now(), number(RETRY_AFTER_DAYS.get(execution))));
  }

  /** A call is due within the call window (working time) of becoming due. */
  public Date callDue(Object scope) {
    var execution = CaseVariables.execution(scope);
    return Date.from(calendar(execution).addWorkingHours(now(), settings.callWindow()));
  }

  private Instant afterWorkingDays(org.camunda.bpm.engine.delegate.DelegateExecution execution, Instant base, int days) {
    BusinessCalendar calendar = calendar(execution);
    Instant day = calendar.addWorkingDays(base, days);
    // on a working day within hours; addWorkingDays keeps the hour, this moves off days and evenings
    return calendar.addWorkingHours(day, Duration.ZERO);
  }

  private BusinessCalendar calendar(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    return calendars.of(CaseVariables.market(execution));
  }

  private static int number(Object value) {
    return value == null ? 0 : Integer.parseInt(value.toString());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
