package io.aftercare.adversereaction;

import io.aftercare.customer.Market;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Adverse-reaction settings ({@code aftercare.adverse-reaction}): the batch signal (this many
 * reports on one batch within the window), per market how long after the initial report's
 * submission new medical information still calls for a follow-up report (a market without a
 * window: always), and who the reports name as reporter.
 */
@ConfigurationProperties("aftercare.adverse-reaction")
public record AdverseReactionSettings(int batchThreshold, Period batchWindow, Map<Market, Period> followUpWindow,
    String reporter) {

  public AdverseReactionSettings {
    batchThreshold = batchThreshold <= 0 ? 3 : batchThreshold;
    batchWindow = batchWindow == null ? Period.ofDays(30) : batchWindow;
    // US: FD&C Act sec. 605(b)(2), information received within 1 year of the initial report to FDA
    followUpWindow = followUpWindow == null ? Map.of(Market.US, Period.ofYears(1)) : Map.copyOf(followUpWindow);
    reporter = reporter == null ? "Customer Care, product safety" : reporter;
  }
}
