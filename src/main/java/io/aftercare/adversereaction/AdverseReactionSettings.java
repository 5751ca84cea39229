package io.aftercare.adversereaction;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Adverse-reaction settings ({@code aftercare.adverse-reaction}): the batch signal (this many
 * reports on one batch within the window), how long new medical information leads to a follow-up
 * report, and who the reports name as reporter.
 */
@ConfigurationProperties("aftercare.adverse-reaction")
public record AdverseReactionSettings(int batchThreshold, Period batchWindow, Period followUpWindow,
    String reporter, String publicUrl) {

  public AdverseReactionSettings {
    batchThreshold = batchThreshold <= 0 ? 3 : batchThreshold;
    batchWindow = batchWindow == null ? Period.ofDays(30) : batchWindow;
    followUpWindow = followUpWindow == null ? Period.ofYears(1) : followUpWindow;
    reporter = reporter == null ? "Customer Care, product safety" : reporter;
    publicUrl = publicUrl == null ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
  }
}
