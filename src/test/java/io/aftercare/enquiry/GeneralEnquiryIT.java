package io.aftercare.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.casefile.CaseFiles;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An enquiry worked as the users do it, through the engine REST API that Tasklist uses: an agent
 * starts it, it gets a real case number, the routed team sees, reads the form of and completes it.
 */
@AftercareIT
class GeneralEnquiryIT {

  @LocalServerPort
  int port;

  @Autowired
  CaseFiles cases;

  @Autowired
  ManagementService management;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void agentRegistersEnquiryAndReturnsClerkAnswersIt() {
    Http.Response started = http.post("/engine-rest/process-definition/key/generalEnquiry/start", "agent",
        Map.of("variables", Map.of(
            "customerName", value("Sophie Martin"), "contact", value("sophie.martin@example.fr"),
            "market", value("EU"), "topic", value("return"),
            "question", value("Can I send back an unopened lipstick?"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();
    String caseNumber = started.json().get("businessKey").asText();
    assertThat(caseNumber).matches("AC-\\d{4}-\\d{6}");
    assertThat(cases.exists(caseNumber)).isTrue();
    // the acknowledgement runs after the start, as a job (the job executor is off in tests)
    management.createJobQuery().processInstanceId(instance).list()
        .forEach(job -> management.executeJob(job.getId()));

    JsonNode view = http.get("/api/cases/" + caseNumber, "agent").json();
    assertThat(view.get("customerId").asLong()).isPositive();
    assertThat(view.get("clocks").get(0).get("target").asText()).isEqualTo("enquiry.answer");
    assertThat(view.get("clocks").get(0).get("state").asText()).isEqualTo("RUNNING");
    assertThat(view.get("notifications").get(0).get("template").asText()).isEqualTo("acknowledgement");
    assertThat(view.get("notifications").get(0).get("language").asText()).isEqualTo("en");

    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + instance, "returns").json();
    assertThat(tasks).hasSize(1);
    String task = tasks.get(0).get("id").asText();
    // agents read the enquiry's tasks, but this one is offered to the returns clerks
    assertThat(http.post("/engine-rest/task/" + task + "/claim", "agent", Map.of("userId", "agent")).status())
        .isEqualTo(403);
    assertThat(tasks.get(0).get("name").asText()).isEqualTo("答复 Answer enquiry " + caseNumber);

    Http.Response form = http.get("/engine-rest/task/" + task + "/deployed-form", "returns");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("answer-enquiry");

    Http.Response completed = http.post("/engine-rest/task/" + task + "/complete", "returns",
        Map.of("variables", Map.of("answer", value("Yes, within 14 days; here is how."),
            "followUp", value("none"))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);

    JsonNode history = http.get("/engine-rest/history/process-instance/" + instance, "supervisor").json();
    assertThat(history.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(history.get("businessKey").asText()).isEqualTo(caseNumber);
    assertThat(http.get("/api/cases/" + caseNumber, "supervisor").json().get("clocks").get(0).get("state").asText())
        .isEqualTo("MET");
  }

  @Test
  void anEnquiryThatIsAComplaintBecomesOneOnTheSameCase() {
    Http.Response started = http.post("/engine-rest/process-definition/key/generalEnquiry/start", "agent",
        Map.of("variables", Map.of("customerName", value("王丽"), "contact", value("+8613800000001"),
            "market", value("CN"), "topic", value("product_use"), "intakeChannel", value("wechat"),
            "question", value("The serum stings, is that normal?"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();
    String caseNumber = started.json().get("businessKey").asText();
    management.createJobQuery().processInstanceId(instance).list().forEach(job -> management.executeJob(job.getId()));
    String answer = http.get("/engine-rest/task?processInstanceId=" + instance, "agent").json().get(0).get("id").asText();
    assertThat(http.post("/engine-rest/task/" + answer + "/complete", "agent", Map.of("variables", Map.of(
        "answer", value("It should not: we register a complaint."), "followUp", value("complaint")))).status())
        .isEqualTo(204);

    JsonNode register = http.get("/engine-rest/task?processInstanceId=" + instance, "agent").json().get(0);
    assertThat(register.get("name").asText()).isEqualTo("登记投诉 Register the complaint of enquiry " + caseNumber);
    Http.Response registered = http.post("/engine-rest/task/" + register.get("id").asText() + "/complete", "agent",
        Map.of("variables", Map.of("intakeChannel", value("wechat"), "customerName", value("王丽"),
            "customerPhone", value("+8613800000001"), "market", value("CN"), "locale", value("zh-CN"),
            "sku", value("SUN-SPF50-50"), "batch", value("U2604B"), "purchaseChannel", value("online"),
            "purchaseDate", value("2026-11-01"), "description", value("The serum stings after use."))));
    assertThat(registered.status()).as(registered.body()).isEqualTo(204);

    JsonNode complaints = http.get("/engine-rest/process-instance?processDefinitionKey=complaintHandling"
        + "&businessKey=" + caseNumber, "agent").json();
    assertThat(complaints).as("the complaint runs on the enquiry's case").hasSize(1);
    assertThat(cases.exists(caseNumber)).isTrue();
    assertThat(http.get("/api/cases/" + caseNumber, "agent").json().get("clocks").findValuesAsText("target"))
        .contains("enquiry.answer", "complaint.acknowledge");
  }

  @Test
  void safetyCannotStartTheAgentsProcess() {
    Http.Response response = http.post("/engine-rest/process-definition/key/generalEnquiry/start", "safety",
        Map.of("variables", Map.of("topic", value("other"))));
    assertThat(response.status()).isIn(403, 404);
  }

  private static Map<String, Object> value(String value) {
    return Map.of("value", value, "type", "String");
  }
}
