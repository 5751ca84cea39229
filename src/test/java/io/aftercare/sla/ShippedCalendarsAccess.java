package io.aftercare.sla;

/** The shipped calendars for tests of other packages. */
public final class ShippedCalendarsAccess {

  private ShippedCalendarsAccess() {}

  public static Calendars calendars() {
    return ShippedCalendars.calendars();
  }
}
