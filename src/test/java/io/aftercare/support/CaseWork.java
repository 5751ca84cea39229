package io.aftercare.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Works a case in the integration tests as its users and the job executor would: tasks through
 * the engine REST API that Tasklist uses, due jobs executed directly (the executor is off in tests).
 */
public final class CaseWork {

  private final Http http;
  private final RuntimeService runtime;
  private final ManagementService management;

  public CaseWork(Http http, RuntimeService runtime, ManagementService management) {
    this.http = http;
    this.runtime = runtime;
    this.management = management;
  }

  /** Runs the case's due jobs (asynchronous steps), again while new ones appear. */
  public void runJobs(String caseNumber) {
    for (int round = 0; round < 5; round++) {
      List<Job> jobs = new ArrayList<>();
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
          jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).executable().list()));
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Fires the case's timer at the given activity, whenever it is due. */
  public void fireTimer(String caseNumber, String activityId) {
    List<Job> timers = new ArrayList<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
        timers.addAll(management.createJobQuery().processInstanceId(instance.getId()).timers()
            .activityId(activityId).list()));
    assertThat(timers).as("timer " + activityId + " of " + caseNumber).hasSize(1);
    management.executeJob(timers.get(0).getId());
  }

  public List<JsonNode> tasks(String caseNumber, String user) {
    List<JsonNode> tasks = new ArrayList<>();
    http.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber, user).json().forEach(tasks::add);
    return tasks;
  }

  /** A return of a known customer, approved and waiting for its parcel; its RMA number. */
  public String returnWaitingForParcel(long customerId) {
    java.time.LocalDate today = java.time.LocalDate.now();
    Http.Response created = http.post("/api/returns", "agent", Requests.returnRequest(customerId, "SUN-SPF50-50",
        "U2604B", today.minusDays(5), today.minusDays(3), "quality_defect", true, "refund"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    runJobs(created.json().get("caseNumber").asText());
    return created.json().get("rmaNumber").asText();
  }

  public JsonNode onlyTask(String caseNumber, String user) {
    List<JsonNode> tasks = tasks(caseNumber, user);
    assertThat(tasks).as("tasks of " + caseNumber + " for " + user).hasSize(1);
    return tasks.get(0);
  }

  public void complete(JsonNode task, String user, Map<String, Object> variables) {
    Http.Response response = http.post("/engine-rest/task/" + task.get("id").asText() + "/complete", user,
        Map.of("variables", variables));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  /** The templates of the messages to the customer on a case view, in the order they were written. */
  public static List<String> customerTemplates(JsonNode caseView) {
    List<String> templates = new ArrayList<>();
    caseView.get("notifications").forEach(n -> {
      if (n.get("audience").asText().equals("CUSTOMER")) {
        templates.add(n.get("template").asText());
      }
    });
    return templates;
  }

  /** The fields a 400 problem-details answer names. */
  public static List<String> badFields(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  /** A 400 problem's messages by field. */
  public static java.util.Map<String, String> fieldMessages(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    java.util.Map<String, String> messages = new java.util.HashMap<>();
    response.json().get("errors").forEach(e -> messages.put(e.get("field").asText(), e.get("message").asText()));
    return messages;
  }

  /** The latest clock of a target in a case view. */
  public static JsonNode clock(JsonNode caseView, String target) {
    JsonNode found = null;
    for (JsonNode clock : caseView.get("clocks")) {
      if (clock.get("target").asText().equals(target)) {
        found = clock;
      }
    }
    assertThat(found).as("clock " + target + " in " + caseView).isNotNull();
    return found;
  }

  public static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  public static Map<String, Object> integer(int value) {
    return Map.of("value", value, "type", "Integer");
  }

  public static Map<String, Object> bool(boolean value) {
    return Map.of("value", value, "type", "Boolean");
  }
}
