package io.aftercare.privacy;

import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long Aftercare keeps personal data, per data category and market ({@code CN}, {@code EU},
 * {@code US}); {@code application.yaml} names the source of each period.
 *
 * @param contact after a customer's last case closed, their name, contact data and free texts
 *     (descriptions, notes, survey comments, attachments) are anonymised
 * @param adverseReaction an adverse-reaction record is a legal hold for this long from the later
 *     of the awareness date and the last submission to the regulator: the customer stays named by
 *     initials, the record whole
 * @param cron when the retention job runs (one node of a cluster runs it)
 */
@ConfigurationProperties("aftercare.retention")
public record RetentionSettings(Map<String, Period> contact, Map<String, Period> adverseReaction, String cron) {

  public RetentionSettings {
    contact = contact == null ? Map.of("CN", Period.ofYears(3), "EU", Period.ofYears(3), "US", Period.ofYears(3))
        : Map.copyOf(contact);
    adverseReaction = adverseReaction == null
        ? Map.of("CN", Period.ofYears(3), "EU", Period.ofYears(10), "US", Period.ofYears(6)) : Map.copyOf(adverseReaction);
  }

  Period contact(String market) {
    return period(contact, market, "contact");
  }

  Period adverseReaction(String market) {
    return period(adverseReaction, market, "adverse-reaction");
  }

  private static Period period(Map<String, Period> periods, String market, String category) {
    Period period = periods.get(market);
    if (period == null) {
      throw new IllegalStateException("aftercare.retention." + category + " has no period for market " + market);
    }
    return period;
  }
}
