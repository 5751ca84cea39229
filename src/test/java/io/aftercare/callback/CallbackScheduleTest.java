package io.aftercare.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aftercare.sla.ShippedCalendarsAccess;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callback dates fall in the customer's working hours, in their market's calendar. */
class CallbackScheduleTest {

  private final CallbackSchedule schedule =
      new CallbackSchedule(ShippedCalendarsAccess.calendars(), new CallbackSettings(null, null, null));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void nextWorkingDayAtTheSameHourForAHighValueCustomer() {
    ClockUtil.setCurrentTime(at("CN", "2026-11-20T10:00"));   // Friday
    assertThat(schedule.firstCall(execution("CN", 1, 1, null))).isEqualTo(at("CN", "2026-11-23T10:00"));
  }

  @Test
  void eveningRequestIsCalledInTheMorningAfterTheWorkingDays() {
    ClockUtil.setCurrentTime(at("CN", "2026-11-20T19:30"));   // Friday evening
    // one working day later is Monday, kept within hours (18:00 closing), so Tuesday morning
    assertThat(schedule.firstCall(execution("CN", 1, 1, null))).isEqualTo(at("CN", "2026-11-24T09:00"));
  }

  @Test
  void notBeforeIsRespectedAndHolidaysSkipped() {
    ClockUtil.setCurrentTime(at("US", "2026-11-20T10:00"));
    Date notBefore = at("US", "2026-11-25T11:00");            // Wednesday before Thanksgiving
    assertThat(schedule.firstCall(execution("US", 1, 1, notBefore))).isEqualTo(at("US", "2026-11-27T11:00"));
  }

  @Test
  void retryComesOnALaterWorkingDay() {
    ClockUtil.setCurrentTime(at("EU", "2026-05-13T16:00"));   // Wednesday before Ascension
    assertThat(schedule.retry(execution("EU", 1, 1, null))).isEqualTo(at("EU", "2026-05-15T16:00"));
    // 1.5 h left on Wednesday, Ascension on Thursday, 2.5 h on Friday
    assertThat(schedule.callDue(execution("EU", 1, 1, null))).isEqualTo(at("EU", "2026-05-15T11:30"));
  }

  private static DelegateExecution execution(String market, int callAfterDays, int retryAfterDays, Date notBefore) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable("market")).thenReturn(market);
    when(execution.getVariable("callAfterDays")).thenReturn(callAfterDays);
    when(execution.getVariable("retryAfterDays")).thenReturn(retryAfterDays);
    when(execution.getVariable("notBefore")).thenReturn(notBefore);
    return execution;
  }

  private static Date at(String market, String local) {
    ZoneId zone = io.aftercare.customer.Market.valueOf(market).zone();
    return Date.from(LocalDateTime.parse(local).atZone(zone).toInstant());
  }
}
