package io.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.customer.Market;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The shipped calendars at their edges: evenings, weekends, holidays, 调休 Saturdays, year end. */
class BusinessCalendarTest {

  private static final Calendars CALENDARS = ShippedCalendars.calendars();
  private final BusinessCalendar cn = CALENDARS.of(Market.CN);
  private final BusinessCalendar eu = CALENDARS.of(Market.EU);
  private final BusinessCalendar us = CALENDARS.of(Market.US);

  @Test
  void fridayEveningWorkingHoursContinueOnMonday() {
    Instant fridayEvening = at(cn, "2026-11-20T19:00");
    assertThat(cn.addWorkingHours(fridayEvening, Duration.ofHours(1))).isEqualTo(at(cn, "2026-11-23T10:00"));
    Instant fridayAfternoon = at(cn, "2026-11-20T17:30");
    assertThat(cn.addWorkingHours(fridayAfternoon, Duration.ofHours(1))).isEqualTo(at(cn, "2026-11-23T09:30"));
  }

  @Test
  void adjustedWorkingSaturdayIsWorkedAndTheSpringFestivalIsNot() {
    assertThat(cn.isWorkingDay(LocalDate.parse("2026-02-14"))).as("调休 Saturday").isTrue();
    assertThat(cn.isBusinessDay(LocalDate.parse("2026-02-14"))).isTrue();
    assertThat(cn.isWorkingDay(LocalDate.parse("2026-02-16"))).as("春节 Monday").isFalse();
    assertThat(cn.addWorkingHours(at(cn, "2026-02-13T17:30"), Duration.ofHours(1)))
        .isEqualTo(at(cn, "2026-02-14T09:30"));
    assertThat(cn.addWorkingDays(at(cn, "2026-02-14T11:00"), 1)).as("after the festival")
        .isEqualTo(at(cn, "2026-02-24T11:00"));
  }

  @Test
  void nationalDayWeekIsSkippedAndTheSaturdayAfterIsWorked() {
    assertThat(cn.addWorkingHours(at(cn, "2026-09-30T17:00"), Duration.ofHours(2)))
        .isEqualTo(at(cn, "2026-10-08T10:00"));
    assertThat(cn.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
    assertThat(cn.isWorkingDay(LocalDate.parse("2026-09-20"))).as("调休 Sunday").isTrue();
  }

  @Test
  void yearEndRunsIntoTheNextYearPastTheHoliday() {
    assertThat(us.addWorkingHours(at(us, "2026-12-31T16:00"), Duration.ofHours(2)))
        .isEqualTo(at(us, "2027-01-04T10:00"));
    assertThat(cn.addWorkingDays(at(cn, "2026-12-31T10:00"), 1)).as("元旦 1-3 Jan, then Monday")
        .isEqualTo(at(cn, "2027-01-04T10:00"));
  }

  @Test
  void europeanHolidayAndShorterDay() {
    // Wednesday 13 May 2026 17:00: half an hour left, Ascension on Thursday, so Friday 09:30.
    assertThat(eu.addWorkingHours(at(eu, "2026-05-13T17:00"), Duration.ofHours(1)))
        .isEqualTo(at(eu, "2026-05-15T09:30"));
  }

  @Test
  void usBusinessDaysSkipWeekendsAndThanksgiving() {
    // Aware Friday 20 Nov 2026; Thanksgiving 26 Nov: the 15th business day is Monday 14 Dec.
    assertThat(us.addBusinessDays(at(us, "2026-11-20T15:00"), 15)).isEqualTo(at(us, "2026-12-14T23:59:59"));
    assertThat(us.addBusinessDays(at(us, "2026-12-31T09:00"), 1)).isEqualTo(at(us, "2027-01-04T23:59:59"));
  }

  @Test
  void calendarDaysEndAtMidnightOfTheLastDay() {
    assertThat(cn.addCalendarDays(at(cn, "2026-11-22T08:15"), 30)).isEqualTo(at(cn, "2026-12-22T23:59:59"));
    assertThat(cn.addCalendarTime(at(cn, "2026-11-22T08:15"), Duration.ofMinutes(15)))
        .isEqualTo(at(cn, "2026-11-22T08:30"));
  }

  @Test
  void workingDaysKeepTheTimeWithinWorkingHours() {
    assertThat(cn.addWorkingDays(at(cn, "2026-11-20T20:00"), 1)).isEqualTo(at(cn, "2026-11-23T18:00"));
    assertThat(cn.addWorkingDays(at(cn, "2026-11-23T07:00"), 2)).isEqualTo(at(cn, "2026-11-25T09:00"));
  }

  @Test
  void workingTimeBetweenCountsOnlyWorkingHours() {
    assertThat(cn.workingTimeBetween(at(cn, "2026-11-20T17:00"), at(cn, "2026-11-23T10:00")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(cn.workingTimeBetween(at(cn, "2026-10-01T10:00"), at(cn, "2026-10-07T18:00"))).isZero();
  }

  private static Instant at(BusinessCalendar calendar, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
  }
}
