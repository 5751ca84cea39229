package io.aftercare.callback;

import static io.aftercare.support.CaseWork.badFields;
import static io.aftercare.support.CaseWork.bool;
import static io.aftercare.support.CaseWork.integer;
import static io.aftercare.support.CaseWork.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Callbacks in the running application: care calls by API, the call task at the planned time, the
 * survey link for an unreachable customer (single use, expiring, no login), and a dissatisfied
 * customer's complaint reopened.
 */
@AftercareIT
class CallbackIT {

  @LocalServerPort
  int port;

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Autowired JdbcClient jdbc;

  Http http;
  CaseWork work;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    work = new CaseWork(http, runtime, management);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void careCallIsPlannedInTheCustomersWorkingHours() {
    Http.Response created = http.post("/api/callbacks", "agent",
        Map.of("customerId", customer("emily.johnson@example.com"), "reason", "care_call"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();

    Date due = management.createJobQuery().processInstanceId(instance(caseNumber)).timers().singleResult().getDuedate();
    var local = due.toInstant().atZone(java.time.ZoneId.of("America/New_York"));
    assertThat(local.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
    assertThat(local.toLocalTime()).isBetween(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0));
    work.fireTimer(caseNumber, "Timer_UntilCallbackDate");
    assertThat(work.onlyTask(caseNumber, "agent").get("name").asText()).isEqualTo("回访 Call E. J. · " + caseNumber + " · 高价值 high-value");
  }

  @Test
  void anAgentPlansACareCallFromTasklistsStartFormNamingTheCase() {
    Http.Response created = http.post("/api/callbacks", "agent",
        Map.of("customerId", customer("emily.johnson@example.com"), "reason", "care_call"));
    String caseNumber = created.json().get("caseNumber").asText();
    String path = "/engine-rest/process-definition/key/callbackFollowUp/submit-form";

    // the form names the case only; an unknown case is refused on its field, nothing started
    Http.Response refused = http.post(path, "agent", Map.of("variables",
        Map.of("caseNumber", string("AC-2026-999999"))));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(badFields(refused)).containsExactly("caseNumber");
    assertThat(badFields(http.post(path, "agent", Map.of("variables", Map.of())))).containsExactly("caseNumber");

    Http.Response started = http.post(path, "agent", Map.of("variables",
        Map.of("caseNumber", string(" " + caseNumber + " "))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("callbackFollowUp")
        .processInstanceBusinessKey(caseNumber).count()).isEqualTo(2);
    assertThat(jdbc.sql("select reason from callback where case_number = ?").param(caseNumber)
        .query(String.class).list()).hasSize(2).allSatisfy(reason -> assertThat(reason).isEqualToIgnoringCase("care_call"));
    // a safety officer has no care calls to plan: the start is not theirs
    assertThat(http.post(path, "safety", Map.of("variables",
        Map.of("caseNumber", string(caseNumber)))).status()).isIn(403, 404);
  }

  @Test
  void badCallbackRequestsAreNamed() {
    assertThat(badFields(http.post("/api/callbacks", "agent", Map.of()))).contains("customerId", "reason");
    assertThat(badFields(http.post("/api/callbacks", "agent", Map.of("customerId", 999999, "reason", "care_call"))))
        .containsExactly("customerId");
    Http.Response reason = http.post("/api/callbacks", "agent", Map.of("customerId", 1, "reason", "lunch"));
    assertThat(reason.json().get("detail").asText())
        .isEqualTo("reason must be one of complaint_resolved, return_completed, adverse_followup, care_call");
    assertThat(badFields(http.post("/api/callbacks", "agent",
        Map.of("customerId", customer("emily.johnson@example.com"), "reason", "care_call", "caseNumber", "AC-2026-999997"))))
        .containsExactly("caseNumber");
    assertThat(http.post("/api/callbacks", "returns", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void fiftyAnswersToOneSurveyAtOnceCountOnce() throws Exception {
    String caseNumber = unreachableCareCall("zhang.wei@example.com");
    String token = token(caseNumber);
    Map<Integer, Integer> statuses = io.aftercare.support.Race.fire(50,
        () -> http.post("/api/surveys/" + token, null, Map.of("csat", 4, "resolved", true)));
    assertThat(statuses).containsOnlyKeys(202, 409).containsEntry(202, 1);
    assertThat(jdbc.sql("select count(*) from satisfaction where case_number = ?").param(caseNumber)
        .query(Long.class).single()).as("one answer stored").isEqualTo(1);
  }

  @Test
  void unreachableCustomerAnswersTheSurveyOnceWithoutLoggingIn() {
    String caseNumber = unreachableCareCall("zhang.wei@example.com");
    String token = token(caseNumber);

    Http.Response survey = http.get("/api/surveys/" + token, null);
    assertThat(survey.status()).as(survey.body()).isEqualTo(200);
    assertThat(survey.json().get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(http.post("/api/surveys/" + token, null, Map.of("csat", 9, "resolved", true)).status()).isEqualTo(400);

    assertThat(http.post("/api/surveys/" + token, null, Map.of("csat", 5, "nps", 10, "resolved", true,
        "comment", "Lovely service")).status()).isEqualTo(202);
    assertThat(http.post("/api/surveys/" + token, null, Map.of("csat", 1, "resolved", false)).status())
        .as("single use").isEqualTo(409);
    assertThat(http.get("/api/surveys/" + token, null).status()).isEqualTo(409);
    assertThat(http.get("/api/surveys/no-such-token", null).status()).isEqualTo(404);

    assertThat(jdbc.sql("select csat from satisfaction where case_number = ? and source = 'SURVEY'")
        .param(caseNumber).query(Integer.class).single()).isEqualTo(5);
    // a care call with no complaint counts for the agents, under its reason
    assertThat(jdbc.sql("select team || ' ' || category from satisfaction where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("agent CARE_CALL");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  @Test
  void surveyLinkExpiresAndTheCustomerCountsAsUnreachable() {
    String caseNumber = unreachableCareCall("zhang.wei@example.com");
    String token = token(caseNumber);

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(java.time.Duration.ofDays(8))));
    assertThat(http.get("/api/surveys/" + token, null).status()).isEqualTo(409);
    assertThat(http.post("/api/surveys/" + token, null, Map.of("csat", 5, "resolved", true)).status()).isEqualTo(409);
    work.fireTimer(caseNumber, "Timer_SurveyExpired");

    assertThat(jdbc.sql("select state from callback where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("UNREACHABLE");
  }

  @Test
  void dissatisfiedCustomerReopensTheComplaint() {
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "phone",
        "customer", Map.of("name", "Lukas Schneider", "email", "lukas.schneider@example.de", "market", "EU", "locale", "en"),
        "product", Map.of("sku", "MU-LIP-R12", "batch", "L2609B"),
        "purchase", Map.of("channel", "store", "date", "2026-10-30"),
        "description", "The lipstick broke off at first use."));
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("category", string("packaging_damage"),
        "severity", integer(3), "evidenceComplete", bool(true)));
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("resolution", string("gift"),
        "resolutionNote", string("We send you a new lipstick and a gift.")));
    work.runJobs(caseNumber);   // outcome message, then the callback request starts the follow-up

    work.fireTimer(caseNumber, "Timer_UntilCallbackDate");
    JsonNode call = work.onlyTask(caseNumber, "agent");
    assertThat(call.get("name").asText()).startsWith("回访 Call L. S. · " + caseNumber);
    work.complete(call, "agent", Map.of("reached", bool(true), "csat", integer(2), "resolved", bool(false),
        "comment", string("The new one broke too.")));
    work.runJobs(caseNumber);   // the reopen message

    JsonNode triage = work.onlyTask(caseNumber, "agent");
    assertThat(triage.get("name").asText()).startsWith("分诊 Triage " + caseNumber);
    JsonNode note = http.get("/engine-rest/task/" + triage.get("id").asText() + "/variables/repeatNote", "agent").json();
    assertThat(note.get("value").asText()).contains("The new one broke too.");
    List<String> staff = new ArrayList<>();
    http.get("/api/cases/" + caseNumber, "supervisor").json().get("notifications").forEach(n -> {
      if (n.get("audience").asText().equals("INTERNAL")) {
        staff.add(n.get("template").asText());
      }
    });
    assertThat(staff).contains("callback-dissatisfied");
    assertThat(jdbc.sql("select count(*) from satisfaction where case_number = ? and source = 'CALL' and csat = 2")
        .param(caseNumber).query(Long.class).single()).isEqualTo(1);
    // the answer counts for the complaint's team and category as triaged, whatever happens to it next
    assertThat(jdbc.sql("select team || ' ' || category from satisfaction where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo(jdbc.sql("select team || ' ' || category from complaint"
            + " where case_number = ?").param(caseNumber).query(String.class).single()).endsWith(" PACKAGING_DAMAGE");
  }

  /** A care call for a low-value customer (one attempt), not reached: the survey link goes out. */
  private String unreachableCareCall(String email) {
    String caseNumber = http.post("/api/callbacks", "agent", Map.of("customerId", customer(email), "reason", "care_call"))
        .json().get("caseNumber").asText();
    work.fireTimer(caseNumber, "Timer_UntilCallbackDate");
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("reached", bool(false)));
    work.runJobs(caseNumber);
    return caseNumber;
  }

  private String token(String caseNumber) {
    return jdbc.sql("select token from survey where case_number = ?").param(caseNumber).query(String.class).single();
  }

  private String instance(String caseNumber) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
  }

  private long customer(String email) {
    return jdbc.sql("select id from customer where email = ?").param(email).query(Long.class).single();
  }

}
