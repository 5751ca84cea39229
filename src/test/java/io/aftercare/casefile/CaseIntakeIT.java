package io.aftercare.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import io.aftercare.support.Requests;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One intake path for every API: a case is opened with the channel the request came through (so
 * the reports' channel filter finds returns, reactions and callbacks too), and a request naming
 * another customer's case is refused, naming the field — a case never holds two customers.
 */
@AftercareIT
class CaseIntakeIT {

  @LocalServerPort
  int port;

  @Autowired JdbcClient jdbc;

  @Test
  void aCaseKeepsItsChannelAndItsOneCustomer() {
    Http http = new Http(port);
    LocalDate today = LocalDate.now();
    // Wang Li (customer 1) asks for a care call on WeChat: a new case, with its channel
    Http.Response created = http.post("/api/callbacks", "agent",
        Map.of("customerId", 1, "reason", "care_call", "channel", "wechat"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    assertThat(jdbc.sql("select channel from case_file where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("WECHAT");
    Map<String, Object> webReturn = new HashMap<>(Requests.returnRequest(1, "SUN-SPF50-50", "U2604B",
        today.minusDays(5), today.minusDays(3), "quality_defect", true, "refund"));
    webReturn.put("channel", "web");
    String returnCase = http.post("/api/returns", "agent", webReturn).json().get("caseNumber").asText();
    assertThat(jdbc.sql("select channel from case_file where case_number = ?").param(returnCase)
        .query(String.class).single()).isEqualTo("WEB");

    // Sophie (customer 4) naming Wang Li's case, through each door that takes a case number
    Map<String, Object> sophiesReturn = new HashMap<>(Requests.returnRequest(4, "SK-SERUM-30", null,
        today.minusDays(5), today.minusDays(3), "quality_defect", true, "refund"));
    sophiesReturn.put("caseNumber", caseNumber);
    assertThat(CaseWork.fieldMessages(http.post("/api/returns", "agent", sophiesReturn)))
        .containsEntry("caseNumber", "is another customer's case; open a new case for this customer (relatedCaseNumber links the two)");
    Map<String, Object> callback = Map.of("caseNumber", caseNumber, "customerId", 4, "reason", "care_call");
    assertThat(CaseWork.fieldMessages(http.post("/api/callbacks", "agent", callback)))
        .containsEntry("caseNumber", "is another customer's case; open a new case for this customer (relatedCaseNumber links the two)");
    Map<String, Object> reaction = Map.of("caseNumber", caseNumber,
        "customer", Map.of("id", 4),
        "product", Map.of("sku", "SK-SERUM-30"),
        "reaction", Map.of("awareDate", today.minusDays(1).toString(), "onsetDate", today.minusDays(2).toString(),
            "symptoms", "redness", "bodyArea", "face", "medicalTreatment", false, "hospitalised", false));
    assertThat(CaseWork.fieldMessages(http.post("/api/adverse-reactions", "agent", reaction)))
        .containsEntry("caseNumber", "is another customer's case; open a new case for this customer (relatedCaseNumber links the two)");
    assertThat(jdbc.sql("select count(*) from return_request where case_number = ?")
        .param(caseNumber).query(Integer.class).single()).as("nothing attached to Wang Li's case").isZero();

    // Sophie's return about Wang Li's case: a case of her own that names Wang Li's, shown on both timelines
    sophiesReturn.remove("caseNumber");
    sophiesReturn.put("relatedCaseNumber", caseNumber);
    Http.Response related = http.post("/api/returns", "agent", sophiesReturn);
    assertThat(related.status()).as(related.body()).isEqualTo(201);
    String sophiesCase = related.json().get("caseNumber").asText();
    assertThat(sophiesCase).isNotEqualTo(caseNumber);
    assertThat(http.get("/api/cases/" + sophiesCase + "/timeline", "agent").json().get("entries").findValuesAsText("title"))
        .contains("Related to case " + caseNumber);
    assertThat(http.get("/api/cases/" + caseNumber + "/timeline", "agent").json().get("entries").findValuesAsText("title"))
        .contains("Case " + sophiesCase + " opened, related to this case");
    Map<String, Object> relatedToNothing = new HashMap<>(sophiesReturn);
    relatedToNothing.put("relatedCaseNumber", "AC-2026-999998");
    assertThat(CaseWork.fieldMessages(http.post("/api/returns", "agent", relatedToNothing)))
        .containsEntry("relatedCaseNumber", "is not a known case");

    Map<String, Object> unknown = new HashMap<>(sophiesReturn);
    unknown.put("caseNumber", "AC-2026-999999");
    assertThat(CaseWork.fieldMessages(http.post("/api/returns", "agent", unknown)))
        .containsEntry("caseNumber", "is not a known case");
  }
}
