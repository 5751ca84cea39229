package io.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercare.customer.Market;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Holidays computed from their rules, the years each shipped calendar covers, and the law's
 * period counting (Reg. 1182/71 art. 3(4)) at its day boundaries. Expected dates worked out by
 * hand from a wall calendar.
 */
class CalendarRulesTest {

  private static final Calendars CALENDARS = ShippedCalendars.calendars();
  private final BusinessCalendar us = CALENDARS.of(Market.US);
  private final BusinessCalendar cn = CALENDARS.of(Market.CN);
  private final BusinessCalendar fr = CALENDARS.named("FR").orElseThrow();
  private final BusinessCalendar de = CALENDARS.named("DE").orElseThrow();

  @Test
  void easterSundayFromTheGregorianRule() {
    assertThat(HolidayRule.easterSunday(2024)).isEqualTo("2024-03-31");
    assertThat(HolidayRule.easterSunday(2026)).isEqualTo("2026-04-05");
    assertThat(HolidayRule.easterSunday(2027)).isEqualTo("2027-03-28");
    assertThat(HolidayRule.easterSunday(2038)).isEqualTo("2038-04-25");
  }

  @Test
  void usFederalHolidaysWithTheirObservedDays() {
    assertThat(us.isBusinessDay(day("2025-12-25"))).as("Christmas 2025, a Thursday").isFalse();
    assertThat(us.isBusinessDay(day("2026-11-26"))).as("Thanksgiving 2026, 4th Thursday").isFalse();
    assertThat(us.isBusinessDay(day("2026-11-27"))).as("the Friday after is worked").isTrue();
    assertThat(us.isBusinessDay(day("2026-07-03"))).as("4 July 2026 is a Saturday: observed Friday").isFalse();
    assertThat(us.isBusinessDay(day("2027-12-31"))).as("1 Jan 2028 is a Saturday: observed 31 Dec 2027").isFalse();
    assertThat(us.isBusinessDay(day("2027-06-18"))).as("Juneteenth 2027 on a Saturday: Friday").isFalse();
    assertThat(us.isBusinessDay(day("2026-01-19"))).as("MLK Day, 3rd Monday of January").isFalse();
    assertThat(us.isBusinessDay(day("2026-05-25"))).as("Memorial Day, last Monday of May").isFalse();
  }

  @Test
  void fifteenUsBusinessDaysAcrossThanksgivingAndAcrossChristmasAndNewYear() {
    // Fri 20 Nov 2026: 23, 24, 25, (26 Thanksgiving), 27, 30 Nov, 1–4 Dec, 7–11 Dec, 14 Dec = 15
    assertThat(us.addBusinessDays(at(us, "2026-11-20T10:00"), 15)).isEqualTo(at(us, "2026-12-14T23:59:59"));
    // Tue 15 Dec 2026: 16–18, 21–24, (25), 28–31, (1 Jan), 4–7 Jan 2027 = 15
    assertThat(us.addBusinessDays(at(us, "2026-12-15T10:00"), 15)).isEqualTo(at(us, "2027-01-07T23:59:59"));
    // awareness on Christmas Eve 2025: (25 Dec), 26, 29–31 Dec, (1 Jan), 2, 5–9, 12–16 Jan 2026 = 15
    assertThat(us.addBusinessDays(at(us, "2025-12-24T10:00"), 15)).isEqualTo(at(us, "2026-01-16T23:59:59"));
  }

  @Test
  void easterMondayInFranceAndGermanyAndGoodFridayOnlyInGermany() {
    assertThat(fr.isBusinessDay(day("2026-04-06"))).isFalse();
    assertThat(de.isBusinessDay(day("2026-04-06"))).isFalse();
    assertThat(fr.isBusinessDay(day("2026-04-03"))).as("Good Friday is worked in France").isTrue();
    assertThat(de.isBusinessDay(day("2026-04-03"))).isFalse();
    assertThat(fr.isBusinessDay(day("2027-03-29"))).as("Easter Monday 2027").isFalse();
    assertThat(CALENDARS.named("AT").orElseThrow().isBusinessDay(day("2026-06-04"))).as("Corpus Christi, easter+60")
        .isFalse();
    assertThat(CALENDARS.named("IE").orElseThrow().isBusinessDay(day("2026-02-02"))).as("St Brigid's, 1st Monday")
        .isFalse();
    assertThat(CALENDARS.named("IE").orElseThrow().isBusinessDay(day("2030-02-01"))).as("St Brigid's on a Friday")
        .isFalse();
    assertThat(CALENDARS.named("IE").orElseThrow().isBusinessDay(day("2027-12-28")))
        .as("St Stephen's 2027 (Sunday) moves past the Monday that Christmas (Saturday) took").isFalse();
  }

  @Test
  void springFestivalWithItsAdjustedSaturdaysIn2024() {
    // 春节 2024: 10–17 Feb off, Sunday 4 Feb and Sunday 18 Feb worked
    assertThat(cn.isBusinessDay(day("2024-02-04"))).isTrue();
    assertThat(cn.isBusinessDay(day("2024-02-16"))).isFalse();
    assertThat(cn.isBusinessDay(day("2024-02-18"))).isTrue();
    // from Fri 9 Feb: Sun 18 Feb (调休) is the first business day, Mon 19 Feb the second
    assertThat(cn.addBusinessDays(at(cn, "2024-02-09T10:00"), 2)).isEqualTo(at(cn, "2024-02-19T23:59:59"));
  }

  @Test
  void aPeriodEndingOnASaturdaySundayOrHolidayEndsOnTheNextWorkingDay() {
    // delivered Sat 7 Nov 2026: day 14 = Sat 21 Nov → ends Mon 23 Nov
    assertThat(fr.periodEnd(day("2026-11-07"), 14)).isEqualTo("2026-11-23");
    assertThat(fr.periodDay(day("2026-11-07"), day("2026-11-21"))).as("day 14").isEqualTo(14);
    assertThat(fr.periodDay(day("2026-11-07"), day("2026-11-22"))).as("day 15, Sunday").isEqualTo(14);
    assertThat(fr.periodDay(day("2026-11-07"), day("2026-11-23"))).as("day 16, Monday").isEqualTo(14);
    assertThat(fr.periodDay(day("2026-11-07"), day("2026-11-24"))).as("day 17").isEqualTo(17);
    // delivered Sun 8 Nov 2026: day 14 = Sun 22 Nov → ends Mon 23 Nov
    assertThat(fr.periodEnd(day("2026-11-08"), 14)).isEqualTo("2026-11-23");
    // Mon 23 Nov ends every period whose last day is Sat 21 (day 13), Sun 22 or Mon 23: the
    // shortest period it lies in has 13 days
    assertThat(fr.periodDay(day("2026-11-08"), day("2026-11-23"))).as("day 15, Monday").isEqualTo(13);
    assertThat(fr.periodDay(day("2026-11-08"), day("2026-11-24"))).as("day 16, Tuesday").isEqualTo(16);
    // delivered Mon 23 Mar 2026: day 14 = Easter Monday 6 Apr → ends Tue 7 Apr
    assertThat(fr.periodEnd(day("2026-03-23"), 14)).isEqualTo("2026-04-07");
    // Tue 7 Apr follows Sat 4 (day 12), Sun 5 and Easter Monday: it lies in a period of 12 days or more
    assertThat(fr.periodDay(day("2026-03-23"), day("2026-04-07"))).isEqualTo(12);
    assertThat(fr.periodDay(day("2026-03-23"), day("2026-04-08"))).isEqualTo(16);
    // delivered Fri 20 Mar 2026: day 14 = Good Friday 3 Apr; in Germany (3–6 Apr off) the period
    // ends Tue 7 Apr (day 18), in France (Good Friday worked) on Fri 3 Apr
    assertThat(de.periodEnd(day("2026-03-20"), 14)).isEqualTo("2026-04-07");
    assertThat(fr.periodEnd(day("2026-03-20"), 14)).isEqualTo("2026-04-03");
    assertThat(de.periodDay(day("2026-03-20"), day("2026-04-07"))).isEqualTo(14);
    assertThat(fr.periodDay(day("2026-03-20"), day("2026-04-07"))).isEqualTo(15);
  }

  @Test
  void aDateOutsideACalendarsYearsIsRefusedNotCounted() {
    assertThat(cn.firstYear()).isEqualTo(2024);
    assertThat(cn.lastYear()).isEqualTo(2027);
    assertThat(cn.provisionalYears()).containsExactly(2027);
    assertThatThrownBy(() -> cn.isWorkingDay(day("2028-01-03")))
        .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("CN calendar has no 2028");
    assertThatThrownBy(() -> us.addBusinessDays(at(us, "2020-12-20T10:00"), 15))
        .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("US calendar has no 2020");
    assertThat(Calendars.coverageProblem(cn, day("2023-12-31"))).contains("2023", "2024–2027");
    assertThat(Calendars.coverageProblem(cn, day("2024-01-01"))).isNull();
  }

  @Test
  void euConsumersCountInTheirCountrysCalendarOnlyWhenTheCountryIsListed() {
    assertThat(CALENDARS.consumerCountries(Market.EU)).containsExactly("AT", "BE", "DE", "ES", "FR", "IE", "IT", "NL");
    assertThat(CALENDARS.consumerCountries(Market.CN)).isEmpty();
    assertThat(CALENDARS.consumerCalendar(Market.EU, "de")).map(BusinessCalendar::code).contains("DE");
    // the US calendar is a calendar, but not a consumer country of the EU
    assertThat(CALENDARS.consumerCalendar(Market.EU, "US")).isEmpty();
    assertThat(CALENDARS.consumerCalendar(Market.CN, "FR")).isEmpty();
    assertThatThrownBy(() -> new Calendars(new Calendars.Settings(
        java.util.Map.of(Market.CN, "CN", Market.EU, "FR", Market.US, "US"),
        java.util.Map.of(Market.EU, java.util.List.of("FR", "PT")), ShippedCalendars.settings().calendars())))
        .hasMessageContaining("consumer-countries.EU names PT, which has no calendar");
  }

  @Test
  void healthWarnsNinetyDaysBeforeACalendarEndsAndWhileAYearIsProvisional() {
    CalendarHealth health = new CalendarHealth(CALENDARS);
    assertThat(health.warnings(day("2026-11-30"))).containsExactly(
        "The CN calendar's 2027 is provisional: replace it with the official notice");
    // CN ends 31 Dec 2027: 90 days before is 2 Oct 2027
    assertThat(health.warnings(day("2027-10-01"))).noneMatch(w -> w.contains("ends"));
    assertThat(health.warnings(day("2027-10-02"))).contains("The CN calendar ends on 2027-12-31: add 2028 to calendars.yaml");
  }

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  private static Instant at(BusinessCalendar calendar, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
  }
}
