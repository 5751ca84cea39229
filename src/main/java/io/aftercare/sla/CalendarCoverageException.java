package io.aftercare.sla;

import java.time.LocalDate;

/**
 * A date outside the years a calendar covers: counting it would silently treat unknown holidays
 * as working days, so nothing is counted. An API request answers 400; a process step, an incident.
 */
public class CalendarCoverageException extends RuntimeException {

  private final String calendar;
  private final int year;

  CalendarCoverageException(String calendar, LocalDate date, int firstYear, int lastYear) {
    super("The " + calendar + " calendar has no " + date.getYear() + " (it covers " + firstYear + "–" + lastYear
        + "): " + date + " cannot be counted until " + calendar + "'s " + date.getYear() + " holidays are added"
        + " to calendars.yaml");
    this.calendar = calendar;
    this.year = date.getYear();
  }

  public String calendar() {
    return calendar;
  }

  public int year() {
    return year;
  }
}
