package io.aftercare.adversereaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.customer.Market;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * How long new medical information still calls for a follow-up report: in the US within 1 year of
 * the initial report's submission to FDA (FD&C Act sec. 605(b)(2)), not of the awareness date; in
 * the EU and CN the law sets no window.
 */
class AdverseReactionFollowUpWindowTest {

  private static final Period YEAR = Period.ofYears(1);
  private static final LocalDate AWARE = LocalDate.parse("2026-01-02");
  private static final LocalDate SUBMITTED = LocalDate.parse("2026-01-30");

  @Test
  void usInformationElevenMonthsAfterAwarenessButTenAfterSubmissionIsWithinTheYear() {
    assertThat(AdverseReactions.withinFollowUpWindow(YEAR, SUBMITTED, LocalDate.parse("2026-11-30"))).isTrue();
  }

  @Test
  void usInformationMoreThanAYearAfterAwarenessButWithinAYearOfSubmissionIsWithin() {
    LocalDate received = LocalDate.parse("2027-01-20");
    assertThat(received).isAfter(AWARE.plus(YEAR));

    assertThat(AdverseReactions.withinFollowUpWindow(YEAR, SUBMITTED, received)).isTrue();
  }

  @Test
  void usInformationOnTheAnniversaryOfTheSubmissionIsStillWithin() {
    assertThat(AdverseReactions.withinFollowUpWindow(YEAR, SUBMITTED, LocalDate.parse("2027-01-30"))).isTrue();
  }

  @Test
  void usInformationMoreThanAYearAfterTheSubmissionCallsForNoFollowUp() {
    assertThat(AdverseReactions.withinFollowUpWindow(YEAR, SUBMITTED, LocalDate.parse("2027-01-31"))).isFalse();
  }

  @Test
  void informationBeforeTheInitialReportIsSubmittedAlwaysCallsForAFollowUp() {
    assertThat(AdverseReactions.withinFollowUpWindow(YEAR, null, LocalDate.parse("2028-01-31"))).isTrue();
  }

  @Test
  void marketsWithoutAWindowTakeFollowUpsAtAnyTime() {
    assertThat(AdverseReactions.withinFollowUpWindow(null, SUBMITTED, LocalDate.parse("2030-01-30"))).isTrue();
  }

  @Test
  void shippedWindowIsAYearInTheUsOnly() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    AdverseReactionSettings settings = Binder.get(environment)
        .bind("aftercare.adverse-reaction", AdverseReactionSettings.class).get();

    assertThat(settings.followUpWindow()).isEqualTo(Map.of(Market.US, YEAR));
  }
}
