package io.aftercare.sla;

import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import io.aftercare.process.InputParameters;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Starts, pauses, resumes, stops or cancels one of the case's SLA clocks. Input parameters:
 * {@code clock} (the target, e.g. {@code complaint.resolve.general}), {@code action}
 * ({@code start|pause|resume|stop|cancel}) and, for start, an optional {@code from} (a date or
 * ISO-8601 text; default now), e.g. the day the company learned of an adverse reaction, and an
 * optional {@code calendar} to count in instead of the market's (e.g. an EU consumer's country,
 * {@code FR}). Resuming moves the timers and task dates set from the clock.
 */
@Component("slaClock")
class SlaClockDelegate implements JavaDelegate {

  static final String CLOCK = "clock";
  static final String ACTION = "action";
  static final String FROM = "from";
  static final String CALENDAR = "calendar";

  private final SlaClocks clocks;
  private final SlaPolicy policy;
  private final ClockFollowers followers;
  private final Calendars calendars;

  SlaClockDelegate(SlaClocks clocks, SlaPolicy policy, ClockFollowers followers, Calendars calendars) {
    this.clocks = clocks;
    this.policy = policy;
    this.followers = followers;
    this.calendars = calendars;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String target = InputParameters.required(execution, "slaClock", CLOCK);
    String action = InputParameters.required(execution, "slaClock", ACTION);
    String caseNumber = CaseVariables.caseNumber(execution);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    switch (action) {
      case "start" -> {
        Market market = CaseVariables.market(execution);
        Object named = execution.getVariableLocal(CALENDAR);
        String calendar = named == null || named.toString().isBlank() ? null : named.toString();
        java.time.ZoneId zone = calendar == null ? market.zone() : calendars.named(calendar)
            .map(BusinessCalendar::zone).orElseThrow(() -> new IllegalArgumentException(
                "slaClock: no calendar '" + calendar + "' in calendars.yaml"));
        clocks.start(caseNumber, target, market, calendar, startOf(execution.getVariableLocal(FROM), zone, now), now);
      }
      case "pause" -> clocks.pause(caseNumber, target, now);
      case "resume" -> clocks.resume(caseNumber, target, now).ifPresent(pause -> {
        BusinessCalendar calendar = clocks.calendarOf(pause.clock());
        followers.follow(caseNumber, target, instant ->
            policy.shift(target, calendar, instant, pause.pausedAt(), pause.resumedAt()));
      });
      case "stop" -> clocks.stop(caseNumber, target, now);
      case "cancel" -> clocks.cancel(caseNumber, target, now);
      default -> throw new IllegalArgumentException("slaClock: unknown action '" + action
          + "', expected start, pause, resume, stop or cancel");
    }
  }

  /**
   * When a clock counts from: now, an instant, or — for a plain date such as an awareness date —
   * the start of that day in the calendar's zone.
   */
  static Instant startOf(Object from, java.time.ZoneId zone, Instant now) {
    if (from == null || from.toString().isBlank()) {
      return now;
    }
    if (from instanceof String text && text.length() == 10) {
      return java.time.LocalDate.parse(text).atStartOfDay(zone).toInstant();
    }
    return CaseVariables.date(from).toInstant();
  }
}
