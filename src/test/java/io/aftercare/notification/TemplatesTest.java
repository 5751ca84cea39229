package io.aftercare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates in both languages, dates written for the reader, back-off that doubles. */
class TemplatesTest {

  private final Templates templates = new Templates();

  @Test
  void rendersTheSameTemplateInEnglishAndChinese() {
    Map<String, String> values = Map.of("caseNumber", "AC-2026-000123", "customerName", "王丽");
    assertThat(templates.render("acknowledgement", "zh-CN", values).subject())
        .isEqualTo("我们已受理您的请求（工单号 AC-2026-000123）");
    Templates.Message english = templates.render("acknowledgement", "en",
        Map.of("caseNumber", "AC-2026-000123", "customerName", "Sophie Martin"));
    assertThat(english.subject()).isEqualTo("We have your request – case AC-2026-000123");
    assertThat(english.body()).startsWith("Dear Sophie Martin,").contains("case AC-2026-000123");
  }

  @Test
  void missingValueOrTemplateIsAnErrorNotAGap() {
    assertThatThrownBy(() -> templates.render("acknowledgement", "en", Map.of("caseNumber", "AC-2026-000123")))
        .hasMessageContaining("{{customerName}}");
    assertThatThrownBy(() -> templates.render("no-such-template", "en", Map.of()))
        .hasMessageContaining("No notification template no-such-template in en");
  }

  @Test
  void everyShippedTemplateExistsInBothLanguages() {
    for (String name : new String[] {"acknowledgement", "resolution-promise", "escalation-warning",
        "escalation-breach", "escalation-manager", "complaint-acknowledgement", "complaint-evidence-request",
        "complaint-evidence-reminder", "complaint-closed-no-response", "complaint-outcome", "callback-survey",
        "callback-dissatisfied"}) {
      for (String language : new String[] {"en", "zh-CN"}) {
        assertThat(Templates.class.getResource("/templates/notifications/" + name + "." + language + ".txt"))
            .as(name + " " + language).isNotNull();
      }
    }
  }

  @Test
  void datesAreWrittenInTheReadersLanguageAndMarketTime() {
    Instant due = Instant.parse("2026-11-03T09:00:00Z");
    assertThat(Notifications.format(due, "zh-CN", ZoneId.of("Asia/Shanghai"))).isEqualTo("2026年11月3日 17:00（北京时间）");
    assertThat(Notifications.format(due, "en", ZoneId.of("America/New_York"))).isEqualTo("3 Nov 2026, 04:00 (New York time)");
  }

  @Test
  void backOffDoublesFromTheConfiguredDelay() {
    NotificationSettings settings = new NotificationSettings(null, 0, 5, Duration.ofSeconds(30), "care@x", null,
        null, null, null, null, null, null);
    assertThat(settings.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
  }
}
