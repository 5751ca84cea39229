package io.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercare.customer.Market;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped targets: due, warning at 75 %, escalation, and the shift after a pause. */
class SlaPolicyTest {

  private static final Calendars CALENDARS = ShippedCalendars.calendars();
  private static final SlaPolicy POLICY = ShippedCalendars.policy();

  @ParameterizedTest(name = "{0} in {1} from {2} is due {3}")
  @CsvSource({
      "complaint.acknowledge,                CN, 2026-11-20T19:00, 2026-11-20T19:15",
      "complaint.confirm,                    CN, 2026-11-20T17:30, 2026-11-23T09:30",
      "complaint.resolve.general,            EU, 2026-11-20T19:00, 2026-11-21T19:00",
      "complaint.resolve.major,              EU, 2026-11-20T19:00, 2026-11-22T19:00",
      "return.refund,                        CN, 2026-11-20T10:00, 2026-11-27T23:59:59",
      // 15 working days across the National Day week and its working Saturday
      "return.replacement,                   CN, 2026-09-28T10:00, 2026-10-23T10:00",
      "adverse.regulatory.CN.serious,        CN, 2026-11-20T10:00, 2026-12-05T23:59:59",
      "adverse.regulatory.CN.social-impact,  CN, 2026-11-20T10:00, 2026-11-23T23:59:59",
      "adverse.regulatory.EU.serious,        EU, 2026-11-20T10:00, 2026-12-10T23:59:59",
      "adverse.regulatory.US.serious,        US, 2026-11-20T10:00, 2026-12-14T23:59:59",
      "adverse.followup.CN.serious,          CN, 2026-11-20T10:00, 2026-12-10T23:59:59",
      "adverse.followup.CN.social-impact,    CN, 2026-11-20T10:00, 2026-11-30T23:59:59",
      "adverse.followup.CN.general,          CN, 2026-11-20T10:00, 2026-12-20T23:59:59",
      "adverse.followup.EU.serious,          EU, 2026-12-10T00:00, 2026-12-30T23:59:59",
      // 15 business days across Christmas and New Year's Day: Dec 11, 14-18, 21-24, 28-31, Jan 4
      "adverse.followup.US.serious,          US, 2026-12-10T00:00, 2027-01-04T23:59:59"})
  void dueDates(String target, Market market, String start, String due) {
    BusinessCalendar calendar = CALENDARS.of(market);
    assertThat(POLICY.due(target, calendar, at(calendar, start))).isEqualTo(at(calendar, due));
  }

  /**
   * The refund after an EU withdrawal: 14 days from the day of the withdrawal, to the end of the
   * next working day of the consumer's country when the 14th is a Saturday, Sunday or holiday.
   */
  @ParameterizedTest(name = "withdrawn in {0} on {1}: refund due by the end of {2}")
  @CsvSource({
      // day 14 a Thursday, an ordinary working day: day 14 itself
      "FR, 2026-11-05, 2026-11-19",
      // day 14 Saturday 21 November: Monday 23rd
      "FR, 2026-11-07, 2026-11-23",
      // day 14 Sunday 22 November: Monday 23rd
      "DE, 2026-11-08, 2026-11-23",
      // day 14 Friday 8 May 2026, Victoire 1945 in France only: FR runs on over the weekend to
      // Monday 11th; DE keeps Friday 8th
      "FR, 2026-04-24, 2026-05-11",
      "DE, 2026-04-24, 2026-05-08",
      // day 14 Saturday 4 April 2026, Easter Monday on the 6th: Tuesday 7th in FR and DE
      "FR, 2026-03-21, 2026-04-07",
      "DE, 2026-03-21, 2026-04-07",
      // day 14 Friday 25 December 2026: Christmas, a weekend, and St Stephen's Day in IE: Tuesday 29th
      "IE, 2026-12-11, 2026-12-29",
      // in DE the 26th is a holiday too, on a Saturday: Monday 28th
      "DE, 2026-12-11, 2026-12-28"})
  void refundAfterAnEuWithdrawalIsDueFourteenDaysLaterToAWorkingDayOfTheConsumersCountry(String country,
      String withdrawn, String lastDay) {
    BusinessCalendar calendar = CALENDARS.named(country).orElseThrow();
    Instant from = java.time.LocalDate.parse(withdrawn).atStartOfDay(calendar.zone()).toInstant();
    Instant due = java.time.LocalDate.parse(lastDay).plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusSeconds(1);
    assertThat(POLICY.due("return.refund.EU.withdrawal", calendar, from, from.plusSeconds(3600))).isEqualTo(due);
  }

  @Test
  void aParcelBackAfterTheWithdrawalPeriodStillLeavesTwoDaysToRefund() {
    BusinessCalendar fr = CALENDARS.named("FR").orElseThrow();
    Instant withdrawn = at(fr, "2026-11-05T00:00");
    // back on day 13 (Wednesday 18th): the period's own end, Thursday 19th
    assertThat(POLICY.due("return.refund.EU.withdrawal", fr, withdrawn, at(fr, "2026-11-18T10:00")))
        .isEqualTo(at(fr, "2026-11-19T23:59:59"));
    // back on Friday 20th, after the period: two days on is Sunday 22nd, so Monday 23rd
    assertThat(POLICY.due("return.refund.EU.withdrawal", fr, withdrawn, at(fr, "2026-11-20T10:00")))
        .isEqualTo(at(fr, "2026-11-23T23:59:59"));
    // the brand's own refund target has no such floor: counted from the receipt itself
    assertThat(POLICY.due("return.refund", fr, withdrawn, at(fr, "2026-11-20T10:00")))
        .isEqualTo(POLICY.due("return.refund", fr, withdrawn));
  }

  @Test
  void warnsAtThreeQuartersOfCalendarAndOfWorkingTime() {
    BusinessCalendar eu = CALENDARS.of(Market.EU);
    Instant start = at(eu, "2026-11-20T19:00");
    assertThat(POLICY.warn("complaint.resolve.general", eu, start, at(eu, "2026-11-21T19:00")))
        .isEqualTo(at(eu, "2026-11-21T13:00"));
    BusinessCalendar cn = CALENDARS.of(Market.CN);
    Instant friday = at(cn, "2026-11-20T17:30");
    assertThat(POLICY.warn("complaint.confirm", cn, friday, at(cn, "2026-11-23T09:30")))
        .as("30 min on Friday, 15 min on Monday").isEqualTo(at(cn, "2026-11-23T09:15"));
  }

  @Test
  void escalationToTheManagerComesFourHoursAfterTheBreach() {
    assertThat(POLICY.escalation("complaint.resolve.general", Instant.parse("2026-11-21T18:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-21T22:00:00Z"));
  }

  @Test
  void pauseMovesCalendarTargetsByWallTimeAndWorkingTargetsByWorkingTime() {
    BusinessCalendar cn = CALENDARS.of(Market.CN);
    Instant due = at(cn, "2026-11-24T12:00");
    // paused Friday 17:00 to Monday 10:00: 65 hours of wall time, 2 hours of working time
    Instant paused = at(cn, "2026-11-20T17:00");
    Instant resumed = at(cn, "2026-11-23T10:00");
    assertThat(POLICY.shift("complaint.resolve.general", cn, due, paused, resumed))
        .isEqualTo(due.plus(java.time.Duration.ofHours(65)));
    assertThat(POLICY.shift("complaint.confirm", cn, due, paused, resumed)).isEqualTo(at(cn, "2026-11-24T14:00"));
  }

  @Test
  void unknownTargetIsNamed() {
    assertThatThrownBy(() -> POLICY.target("complaint.resolve.urgent"))
        .hasMessageContaining("No SLA target 'complaint.resolve.urgent'").hasMessageContaining("complaint.resolve.major");
  }

  @Test
  void oneOfSeveralClocksOfATargetCountsByThatTarget() {
    BusinessCalendar us = CALENDARS.of(Market.US);
    Instant start = at(us, "2026-12-10T00:00");
    assertThat(POLICY.due("adverse.followup.US.serious:F2", us, start))
        .isEqualTo(POLICY.due("adverse.followup.US.serious", us, start));
    assertThatThrownBy(() -> POLICY.target("adverse.followup.XX.serious:F2"))
        .hasMessageContaining("No SLA target 'adverse.followup.XX.serious:F2'");
  }

  private static Instant at(BusinessCalendar calendar, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
  }
}
