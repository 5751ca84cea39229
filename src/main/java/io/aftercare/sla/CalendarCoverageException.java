package io.aftercare.sla;

import io.aftercare.api.RuleViolationException;
import java.time.LocalDate;

/**
 * A date outside the years a calendar covers: counting it would silently treat unknown holidays
 * as working days, so nothing is counted. An API request answers 400; a process step, an incident.
 */
public class CalendarCoverageException extends RuleViolationException {

  private final String calendar;
  private final int year;

  CalendarCoverageException(String calendar, LocalDate date, int firstYear, int lastYear) {
    super("Date outside the calendars", message(calendar, date, firstYear, lastYear));
    this.calendar = calendar;
    this.year = date.getYear();
  }

  /** What is missing, for this exception and for a request field that names such a date. */
  static String message(String calendar, LocalDate date, int firstYear, int lastYear) {
    return "The " + calendar + " calendar has no " + date.getYear() + " (it covers " + firstYear + "–" + lastYear
        + "): " + date + " cannot be counted until " + calendar + "'s " + date.getYear() + " holidays are added"
        + " to calendars.yaml";
  }

  public String calendar() {
    return calendar;
  }

  public int year() {
    return year;
  }
}
