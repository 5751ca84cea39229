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
    // the whole is WARNING with HTTP 200; no outside system can make it DOWN
    assertThat(health.json().get("status").asText()).isEqualTo("WARNING");
    assertThat(health.status()).isEqualTo(200);
  }

  @Test
  void anUnreachableSmtpServerIsAWarningNotDownAndReadinessStaysUp() {
    // the tests' SMTP server (GreenMail) runs only inside the tests that send mail: here it is away
    Http.Response health = http.get("/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("components").has("mail")).as("Spring Boot's mail check is off").isFalse();
    assertThat(health.json().get("components").get("outsideSystems").get("status").asText()).isIn("UP", "WARNING");
    Http.Response readiness = http.get("/actuator/health/readiness", null);
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
    assertThat(http.get("/actuator/health/liveness", null).json().get("status").asText()).isEqualTo("UP");
  }
}
