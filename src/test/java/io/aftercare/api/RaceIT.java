package io.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import io.aftercare.support.Race;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The loser of a race gets 409: 50 identical requests at once — the parcel scan, the customer's
 * evidence, a task completion through /engine-rest — give one 2xx and 409 for all others, with
 * problem details saying what happened; never a 500, never a second effect.
 */
@AftercareIT
class RaceIT {

  private static final int RACERS = 50;

  @LocalServerPort
  int port;

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  @Test
  void fiftyParcelScansAtOnceReceiveTheParcelOnce() throws Exception {
    Http http = new Http(port);
    CaseWork work = new CaseWork(http, runtime, management);
    LocalDate today = LocalDate.now();
    String rma = work.returnWaitingForParcel(1);

    Map<Integer, Integer> statuses = race(() -> http.post("/api/returns/" + rma + "/receipt", "returns",
        Map.of("receivedOn", today.toString(), "condition", "sealed", "batch", "U2604B")));
    assertThat(statuses).containsOnlyKeys(202, 409).containsEntry(202, 1);
    assertThat(jdbc.sql("select received_on from return_request where rma_number = ?").param(rma)
        .query(LocalDate.class).single()).isEqualTo(today);
  }

  @Test
  void fiftyEvidenceSubmissionsAtOnceResumeTheComplaintOnce() throws Exception {
    Http http = new Http(port);
    CaseWork work = new CaseWork(http, runtime, management);
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "web", "customer", Map.of("id", 1), "product", Map.of("sku", "SUN-SPF50-50", "batch", "U2604B"),
        "purchase", Map.of("channel", "online", "date", "2026-10-28"), "description", "The cap leaks."));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("category", CaseWork.string("efficacy"),
        "severity", CaseWork.integer(3), "evidenceComplete", CaseWork.bool(false),
        "evidenceRequest", CaseWork.string("A photo of the batch code.")));
    work.runJobs(caseNumber);

    Map<Integer, Integer> statuses = race(() -> http.post("/api/cases/" + caseNumber + "/evidence", "agent",
        Map.of("attachments", List.of(Map.of("name", "box.jpg", "url", "https://files.example.cn/box.jpg")),
            "note", "Here it is.")));
    assertThat(statuses).containsOnlyKeys(202, 409).containsEntry(202, 1);
    assertThat(jdbc.sql("select count(*) from complaint_attachment where case_number = ? and name = 'box.jpg'")
        .param(caseNumber).query(Long.class).single()).as("the evidence stored once").isEqualTo(1);
  }

  @Test
  void fiftyCompletionsOfOneTaskThroughEngineRestCompleteItOnce() throws Exception {
    Http http = new Http(port);
    CaseWork work = new CaseWork(http, runtime, management);
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "web", "customer", Map.of("id", 1), "product", Map.of("sku", "SUN-SPF50-50", "batch", "U2604B"),
        "purchase", Map.of("channel", "online", "date", "2026-10-28"), "description", "The pump is stuck."));
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    JsonNode triage = work.onlyTask(caseNumber, "agent");
    Map<String, Object> variables = Map.of("category", CaseWork.string("efficacy"), "severity", CaseWork.integer(3),
        "evidenceComplete", CaseWork.bool(true));

    Map<Integer, Integer> statuses = race(() -> http.post("/engine-rest/task/" + triage.get("id").asText()
        + "/complete", "agent", Map.of("variables", variables)));
    assertThat(statuses).as("one completes, the others hear the task is gone or was completed meanwhile")
        .containsEntry(204, 1);
    assertThat(statuses.keySet()).allMatch(status -> status == 204 || status == 404 || status == 409);
    assertThat(work.tasks(caseNumber, "agent")).extracting(t -> t.get("name").asText())
        .singleElement().asString().startsWith("处理 Resolve " + caseNumber);
  }

  private static Map<Integer, Integer> race(Supplier<Http.Response> request) throws Exception {
    return Race.fire(RACERS, request);
  }
}
