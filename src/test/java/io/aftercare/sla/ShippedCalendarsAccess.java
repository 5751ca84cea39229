package io.aftercare.sla;

/** The shipped calendars and SLA policy for tests of other packages. */
public final class ShippedCalendarsAccess {

  private ShippedCalendarsAccess() {}

  public static Calendars calendars() {
    return ShippedCalendars.calendars();
  }

  public static SlaPolicy policy() {
    return ShippedCalendars.policy();
  }
}
