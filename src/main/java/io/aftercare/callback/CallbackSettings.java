package io.aftercare.callback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Callback follow-up settings ({@code aftercare.callback}): how long a survey link stays valid,
 * the address customers open it at, and how long after the planned time a call is due.
 */
@ConfigurationProperties("aftercare.callback")
public record CallbackSettings(Duration surveyValidity, String publicUrl, Duration callWindow) {

  public CallbackSettings {
    surveyValidity = surveyValidity == null ? Duration.ofDays(7) : surveyValidity;
    publicUrl = publicUrl == null ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    callWindow = callWindow == null ? Duration.ofHours(4) : callWindow;
  }
}
