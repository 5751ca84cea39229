package io.aftercare.sla;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says early when a calendar is about to run out or is not yet official: the health status
 * {@code WARNING} (HTTP 200: a node is not pulled for it) with what to do as its description, and
 * a warning in the log at start-up. 90 days before a calendar's last covered year ends, and while
 * one of its current or future years is provisional.
 */
@Component("calendarsHealthIndicator")
class CalendarHealth implements HealthIndicator {

  static final Status WARNING = new Status("WARNING");
  static final int WARN_DAYS = 90;
  private static final Logger log = LoggerFactory.getLogger(CalendarHealth.class);

  private final Calendars calendars;

  CalendarHealth(Calendars calendars) {
    this.calendars = calendars;
  }

  /** What needs doing, one line per calendar; empty when every calendar is fine for 90 days. */
  List<String> warnings(LocalDate today) {
    List<String> warnings = new ArrayList<>();
    for (BusinessCalendar calendar : calendars.all().values()) {
      LocalDate end = LocalDate.of(calendar.lastYear(), 12, 31);
      if (!today.plusDays(WARN_DAYS).isBefore(end)) {
        warnings.add("The " + calendar.code() + " calendar ends on " + end + ": add " + (calendar.lastYear() + 1)
            + " to calendars.yaml");
      }
      calendar.provisionalYears().stream().filter(year -> year >= today.getYear()).sorted().forEach(year ->
          warnings.add("The " + calendar.code() + " calendar's " + year + " is provisional: replace it with the"
              + " official notice"));
    }
    return warnings;
  }

  @Override
  public Health health() {
    List<String> warnings = warnings(today());
    if (warnings.isEmpty()) {
      return Health.up().build();
    }
    return Health.status(new Status(WARNING.getCode(), String.join("; ", warnings)))
        .withDetail("warnings", warnings).build();
  }

  @EventListener(ApplicationReadyEvent.class)
  void logAtStart() {
    warnings(today()).forEach(log::warn);
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
