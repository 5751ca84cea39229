package io.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Dates the calendars do not cover are refused at the door, and the health endpoint says what runs out. */
@AftercareIT
class CalendarCoverageIT {

  @LocalServerPort
  int port;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void anAwarenessDateBeforeTheChineseCalendarIsRefusedNamingTheCalendarAndYear() {
    Http.Response response = http.post("/api/adverse-reactions", "safety", Map.of(
        "customer", Map.of("id", 1),
        "product", Map.of("sku", "SUN-SPF50-50"),
        "reaction", Map.of("awareDate", "2023-06-01", "onsetDate", "2023-05-30", "symptoms", "redness",
            "bodyArea", "face", "medicalTreatment", false, "hospitalised", false)));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode error = response.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("reaction.awareDate");
    assertThat(error.get("message").asText()).contains("CN calendar has no 2023", "2024–2027");
  }

  @Test
  void healthWarnsWhileChinas2027IsProvisionalButStaysHttp200() {
    Http.Response health = http.get("/actuator/health", null);
    JsonNode calendars = health.json().get("components").get("calendars");
    assertThat(calendars.get("status").asText()).isEqualTo("WARNING");
    assertThat(calendars.get("description").asText()).contains("CN calendar's 2027 is provisional");
    // the whole is WARNING with HTTP 200 unless another component (the mail server, say) is down
    String status = health.json().get("status").asText();
    assertThat(status).isIn("WARNING", "DOWN");
    assertThat(health.status()).isEqualTo(status.equals("DOWN") ? 503 : 200);
  }
}
