package io.aftercare.complaint;

import static io.aftercare.support.CaseWork.badFields;
import static io.aftercare.support.CaseWork.bool;
import static io.aftercare.support.CaseWork.clock;
import static io.aftercare.support.CaseWork.integer;
import static io.aftercare.support.CaseWork.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A complaint as its users work it: registered through the API (or the Tasklist start form),
 * triaged by an agent, evidence sent by the customer, resolved, approved by a supervisor, the
 * customer told — through the REST API that Tasklist uses, on the application's database.
 */
@AftercareIT
class ComplaintIT {

  @LocalServerPort
  int port;

  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @Autowired JdbcClient jdbc;
  @Autowired ComplaintService complaints;

  Http http;
  CaseWork work;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    work = new CaseWork(http, runtime, management);
  }

  @Test
  void complaintRegisteredThroughTheApiIsWorkedToItsEnd() {
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "web",
        "customer", Map.of("name", "Sophie Martin", "email", "sophie.martin@example.fr", "market", "EU", "locale", "en"),
        "product", Map.of("sku", "SK-SERUM-30", "batch", "S2506B"),
        "purchase", Map.of("orderNumber", "EU-778812", "channel", "online", "date", "2026-10-28"),
        "description", "The serum smells rancid although it is far from its expiry date.",
        "attachments", List.of(Map.of("name", "bottle.jpg", "url", "https://files.example.com/bottle.jpg"))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    assertThat(caseNumber).matches("AC-\\d{4}-\\d{6}");
    work.runJobs(caseNumber);

    JsonNode view = http.get("/api/cases/" + caseNumber, "agent").json();
    assertThat(clock(view, "complaint.acknowledge").get("state").asText()).isEqualTo("MET");
    assertThat(clock(view, "complaint.confirm").get("state").asText()).isEqualTo("RUNNING");
    assertThat(CaseWork.customerTemplates(view)).containsExactly("complaint-acknowledgement");

    JsonNode triage = work.onlyTask(caseNumber, "agent");
    assertThat(triage.get("name").asText()).isEqualTo("分诊 Triage " + caseNumber + " · 高价值 high-value · SK-SERUM-30 Barrier Repair Serum 30 ml");
    work.complete(triage, "agent", Map.of("category", string("efficacy"), "severity", integer(2),
        "evidenceComplete", bool(false), "evidenceRequest", string("A photo of the batch code on the box.")));
    work.runJobs(caseNumber);
    view = http.get("/api/cases/" + caseNumber, "agent").json();
    assertThat(clock(view, "complaint.confirm").get("state").asText()).isEqualTo("MET");
    assertThat(clock(view, "complaint.resolve.general").get("state").asText()).isEqualTo("PAUSED");
    assertThat(CaseWork.customerTemplates(view)).contains("complaint-evidence-request");

    Map<String, Object> evidence = Map.of("attachments",
        List.of(Map.of("name", "box.jpg", "url", "https://files.example.com/box.jpg")), "note", "Here it is.");
    assertThat(http.post("/api/cases/" + caseNumber + "/evidence", "agent", evidence).status()).isEqualTo(202);
    Http.Response again = http.post("/api/cases/" + caseNumber + "/evidence", "agent", evidence);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(jdbc.sql("select count(*) from complaint_attachment where case_number = ?").param(caseNumber)
        .query(Long.class).single()).isEqualTo(2);

    JsonNode resolve = work.onlyTask(caseNumber, "agent");
    assertThat(resolve.get("name").asText()).startsWith("处理 Resolve " + caseNumber + " · 影响使用 affects use · 高价值 high-value");
    assertThat(resolve.get("priority").asInt()).isEqualTo(75);
    work.complete(resolve, "agent", Map.of("resolution", string("compensation"),
        "compensationAmount", Map.of("value", 80, "type", "Integer"),
        "resolutionNote", string("We refund 80 EUR and send a fresh bottle.")));

    JsonNode approval = work.onlyTask(caseNumber, "supervisor");
    // agents read the complaint's tasks, but the approval is offered to supervisors only
    assertThat(http.post("/engine-rest/task/" + approval.get("id").asText() + "/complete", "agent",
        Map.of("variables", Map.of("approvalDecision", string("approve")))).status())
        .as("approval is for supervisors").isEqualTo(403);
    work.complete(approval, "supervisor", Map.of("approvalDecision", string("approve")));
    work.runJobs(caseNumber);

    view = http.get("/api/cases/" + caseNumber, "supervisor").json();
    assertThat(clock(view, "complaint.resolve.general").get("state").asText()).isEqualTo("MET");
    assertThat(CaseWork.customerTemplates(view)).containsExactly("complaint-acknowledgement", "complaint-evidence-request",
        "complaint-outcome");
    assertThat(jdbc.sql("select outcome from complaint where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("RESOLVED");
    JsonNode history = http.get("/engine-rest/history/process-instance?processDefinitionKey=complaintHandling"
        + "&processInstanceBusinessKey=" + caseNumber, "supervisor").json();
    assertThat(history.get(0).get("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aSecondComplaintOnAnOrderAlreadyRefundedGoesToTheSupervisorWithTheEarlierRefund() {
    String order = "EU-" + System.nanoTime();
    String first = triagedComplaint(order);
    work.complete(work.onlyTask(first, "agent"), "agent", Map.of("resolution", string("refund"),
        "resolutionNote", string("We refund the serum.")));
    JsonNode firstApproval = work.onlyTask(first, "supervisor");
    assertThat(variable(firstApproval, "approvalReason")).isEqualTo("Every refund is approved by a supervisor");
    work.complete(firstApproval, "supervisor", Map.of("approvalDecision", string("approve")));
    work.runJobs(first);
    assertThat(jdbc.sql("select count(*) from return_request where order_number = ? and settlement = 'REFUND'")
        .param(order).query(Long.class).single()).as("the refund under way").isEqualTo(1);

    // 10 EUR is within an agent's authority, but not on an order refunded already
    String second = triagedComplaint(order);
    work.complete(work.onlyTask(second, "agent"), "agent", Map.of("resolution", string("compensation"),
        "compensationAmount", Map.of("value", 10, "type", "Integer"), "resolutionNote", string("10 EUR for the trouble.")));
    JsonNode approval = work.onlyTask(second, "supervisor");
    assertThat(variable(approval, "approvalReason"))
        .isEqualTo("This order was refunded before (see earlier refunds): check before paying again");
    assertThat(variable(approval, "earlierRefunds")).isEqualTo("1");
  }

  @Test
  void theDocumentedMaximumOfAttachmentsIsTaken() {
    // 20 links of 1,000 characters: 20 times what a Camunda text variable holds in all
    List<Map<String, Object>> attachments = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String url = "https://files.example.cn/" + String.valueOf((char) ('a' + i)).repeat(1000 - 25) + ".jpg";
      attachments.add(Map.of("name", "photo-" + i + ".jpg", "url", url.substring(0, 1000)));
    }
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "app", "customer", Map.of("id", 1), "product", Map.of("sku", "SUN-SPF50-50", "batch", "U2604B"),
        "purchase", Map.of("channel", "online", "date", "2026-10-28"), "description", "Twenty photos of the leak.",
        "attachments", attachments));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    assertThat(jdbc.sql("select count(*) from complaint_attachment where case_number = ?").param(caseNumber)
        .query(Long.class).single()).isEqualTo(20);
    assertThat(runtime.createVariableInstanceQuery().variableName("attachments").processInstanceIdIn(
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId()).count())
        .as("the links live in complaint_attachment, not in the process").isZero();
  }

  @Test
  void aCategoryAProcessOwnerAddsIsRecordedWithoutASchemaChange() {
    String caseNumber = triagedComplaint("EU-" + System.nanoTime());
    // the category list lives in the triage form and decisions (V13 dropped the database's copy)
    complaints.recordTriage(caseNumber, "texture_change", 3);
    assertThat(jdbc.sql("select category from complaint where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("TEXTURE_CHANGE");
  }

  private String triagedComplaint(String order) {
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "email",
        "customer", Map.of("id", 4),
        "product", Map.of("sku", "SK-SERUM-30", "batch", "S2506B"),
        "purchase", Map.of("orderNumber", order, "channel", "online", "date", "2026-10-28"),
        "description", "The serum separated in the bottle."));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("category", string("efficacy"),
        "severity", integer(3), "evidenceComplete", bool(true)));
    work.runJobs(caseNumber);
    return caseNumber;
  }

  private String variable(JsonNode task, String name) {
    Http.Response response = http.get("/engine-rest/task/" + task.get("id").asText() + "/variables/" + name,
        "supervisor");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("value").asText();
  }

  @Test
  void resolutionClockCountsFromTheComplaintsReceiptNotFromTriage() {
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "phone",
        "customer", Map.of("name", "Sophie Martin", "email", "sophie.martin@example.fr", "market", "EU", "locale", "en"),
        "product", Map.of("sku", "SK-SERUM-30", "batch", "S2506B"),
        "purchase", Map.of("orderNumber", "EU-778813", "channel", "online", "date", "2026-10-28"),
        "description", "The pump of the serum is broken."));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    Instant received = Instant.parse(clock(http.get("/api/cases/" + caseNumber, "agent").json(), "complaint.acknowledge")
        .get("startedAt").asText());
    JsonNode triage = work.onlyTask(caseNumber, "agent");
    try {
      // triaged 5 hours after receipt: the customer has then waited 5 of their 24 hours
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(5))));
      work.complete(triage, "agent", Map.of("category", string("packaging_damage"), "severity", integer(3),
          "evidenceComplete", bool(true)));
    } finally {
      ClockUtil.reset();
    }
    JsonNode resolution = clock(http.get("/api/cases/" + caseNumber, "agent").json(), "complaint.resolve.general");
    assertThat(Instant.parse(resolution.get("startedAt").asText())).isEqualTo(received);
    assertThat(Instant.parse(resolution.get("dueAt").asText())).isEqualTo(received.plus(Duration.ofHours(24)));
    JsonNode resolve = work.onlyTask(caseNumber, "agent");
    assertThat(Instant.parse(resolve.get("due").asText().replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")))
        .isEqualTo(received.plus(Duration.ofHours(24)));
  }

  @Test
  void repeatComplaintsOfACustomerAndOfABatchAreFlaggedForTriage() {
    String email = "repeat." + System.nanoTime() + "@example.com";
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Http.Response created = http.post("/api/complaints", "agent", Map.of(
          "channel", "app",
          "customer", Map.of("name", "Repeat Customer", "email", email, "market", "US", "locale", "en"),
          "product", Map.of("sku", "BC-LOT-200", "batch", "B2608B"),
          "purchase", Map.of("channel", "online", "date", "2026-10-20"),
          "description", "The lotion separated in the bottle (" + i + ")."));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      cases.add(created.json().get("caseNumber").asText());
    }
    // the batch count includes complaints of earlier runs on a shared database: at least 3 now
    assertThat(flag(cases.get(0), "repeat_customer")).isFalse();
    assertThat(flag(cases.get(1), "repeat_customer")).isTrue();
    assertThat(flag(cases.get(2), "repeat_batch")).isTrue();
    work.runJobs(cases.get(2));
    JsonNode triage = work.onlyTask(cases.get(2), "agent");
    JsonNode note = http.get("/engine-rest/task/" + triage.get("id").asText() + "/variables/repeatNote", "agent").json();
    assertThat(note.get("value").asText()).contains("complained before").contains("complaints on this batch");
  }

  private boolean flag(String caseNumber, String column) {
    return jdbc.sql("select " + column + " from complaint where case_number = ?").param(caseNumber)
        .query(Boolean.class).single();
  }

  @Test
  void tasklistStartFormRegistersANewCustomer() {
    String email = "new.customer." + System.nanoTime() + "@example.com";
    Http.Response started = http.post("/engine-rest/process-definition/key/complaintHandling/start", "agent",
        Map.of("variables", Map.of("intakeChannel", string("store"), "customerName", string("李娜"),
            "customerEmail", string(email), "market", string("CN"), "locale", string("zh-CN"),
            "sku", string("MU-FDN-N20"), "batch", string("F2504A"), "purchaseChannel", string("store"),
            "purchaseDate", string("2026-11-01"), "description", string("色号和柜台试用的不一样。"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseNumber = started.json().get("businessKey").asText();
    assertThat(jdbc.sql("select c.locale from customer c join complaint k on k.customer_id = c.id"
        + " where k.case_number = ?").param(caseNumber).query(String.class).single()).isEqualTo("zh-CN");
  }

  @Test
  void invalidComplaintsAreRejectedNamingEachFieldAndNothingIsStored() {
    long complaints = count("complaint");
    long customers = count("customer");

    Http.Response empty = http.post("/api/complaints", "agent", Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.contentType()).startsWith("application/problem+json");
    assertThat(badFields(empty)).contains("channel", "customer", "product", "purchase", "description");

    Http.Response bad = http.post("/api/complaints", "agent", Map.of(
        "channel", "web",
        "customer", Map.of("name", "Nobody", "email", "not-an-email", "market", "EU", "locale", "en"),
        "product", Map.of("sku", "SK-SERUM-30"),
        "purchase", Map.of("channel", "online", "date", "2099-01-01"),
        "description", "x",
        "attachments", List.of(Map.of("name", "a", "url", "ftp://nope"))));
    assertThat(badFields(bad)).contains("customer.email", "purchase.date", "attachments[0].url");

    Http.Response unknownProduct = http.post("/api/complaints", "agent", Map.of(
        "channel", "web", "customer", Map.of("name", "Nobody", "email", "nobody@example.com", "market", "EU",
            "locale", "en"),
        "product", Map.of("sku", "NO-SUCH-SKU", "batch", "X1"),
        "purchase", Map.of("channel", "online", "date", "2026-10-01"), "description", "x"));
    assertThat(unknownProduct.status()).isEqualTo(400);
    assertThat(badFields(unknownProduct)).containsExactly("product.sku");

    Http.Response badChannel = http.post("/api/complaints", "agent",
        "{\"channel\": \"fax\", \"description\": \"x\"}");
    assertThat(badFields(badChannel)).containsExactly("channel");
    assertThat(badChannel.json().get("errors").get(0).get("message").asText())
        .isEqualTo("must be one of phone, web, wechat, app, store, social, email");

    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(count("customer")).isEqualTo(customers);
  }

  @Test
  void evidenceForAnUnknownCaseIs404AndOthersMayNotRegister() {
    Map<String, Object> evidence = Map.of("attachments", List.of(Map.of("name", "a.jpg", "url", "https://x.example/a.jpg")));
    assertThat(http.post("/api/cases/AC-2026-999998/evidence", "agent", evidence).status()).isEqualTo(404);
    assertThat(http.post("/api/cases/nonsense/evidence", "agent", evidence).status()).isEqualTo(400);
    assertThat(http.post("/api/complaints", "returns", Map.of()).status()).isEqualTo(403);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }


  @Test
  void aStartThroughTheEngineIsCheckedByTheApisRulesAndNamesTheFormsFields() {
    String name = "Form " + java.util.UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> variables = new java.util.HashMap<>(Map.of("intakeChannel", string("phone"),
        "customerName", string(name), "customerEmail", string("not-an-address"), "market", string("CN"),
        "locale", string("zh-CN"), "sku", string("SK-SERUM-30"), "purchaseChannel", string("online"),
        "purchaseDate", string(java.time.LocalDate.now().plusDays(30).toString()), "description", string("Leaks")));
    Http.Response refused = http.post("/engine-rest/process-definition/key/complaintHandling/submit-form", "agent",
        Map.of("variables", variables));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(badFields(refused)).containsExactlyInAnyOrder("customerEmail", "purchaseDate");
    assertThat(jdbc.sql("select count(*) from customer where name = ?").param(name).query(Long.class).single())
        .as("nothing stored").isZero();

    variables.put("customerEmail", string("form-" + name.substring(5) + "@example.cn"));
    variables.put("purchaseDate", string("2026-10-28"));
    Http.Response started = http.post("/engine-rest/process-definition/key/complaintHandling/submit-form", "agent",
        Map.of("variables", variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);

    // the agent who registered it finds it in "My tasks" at once, titled with its case number
    String instance = started.json().get("id").asText();
    String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    work.runJobs(caseNumber);
    // Camunda's history keeps the variables' last values, not a detail row per form value or change
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ?").param(instance)
        .query(Long.class).single()).isPositive();
    assertThat(jdbc.sql("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ?").param(instance)
        .query(Long.class).single()).as("detail rows (process/VariableHistory)").isZero();
    // the steps that started the case's clocks ran with their input parameters; history keeps none
    assertThat(jdbc.sql("select count(*) from sla_clock where case_number = ?").param(caseNumber)
        .query(Long.class).single()).isPositive();
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ in ('clock', 'action')")
        .param(instance).query(Long.class).single()).as("a step's input parameters (process/VariableHistory)").isZero();
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'caseNumber'")
        .param(instance).query(Long.class).single()).isEqualTo(1);
    JsonNode triage = work.onlyTask(caseNumber, "agent");
    assertThat(triage.get("assignee").asText()).isEqualTo("agent");
    assertThat(triage.get("name").asText()).startsWith("分诊 Triage " + caseNumber);
  }

  /**
   * Tasklist submits start forms to the webapps' own engine API: a form the API's rules refuse is a
   * 400 naming every bad field there too (not Camunda's 500), with a message Tasklist shows.
   */
  @Test
  void tasklistsOwnEngineApiNamesEveryBadFieldOfAStartForm() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda/api";
    java.net.http.HttpResponse<String> first = browser.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/admin/auth/user/default")).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=agent&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login starts a new session with a token of its own
    token = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin/auth/user/default"))
        .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN")
        .orElse(token);

    Map<String, Object> variables = Map.of("intakeChannel", string("phone"), "customerName", string("Form Web"),
        "customerEmail", string("not-an-address"), "market", string("CN"), "locale", string("zh-CN"),
        "sku", string("SK-SERUM-30"), "purchaseChannel", string("online"),
        "purchaseDate", string(java.time.LocalDate.now().plusDays(30).toString()), "description", string("Leaks"));
    java.net.http.HttpResponse<String> refused = browser.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/engine/engine/default/process-definition/key/complaintHandling/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("variables", variables))))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    Http.Response answer = new Http.Response(refused.statusCode(), "application/problem+json", refused.body());
    assertThat(badFields(answer)).containsExactlyInAnyOrder("customerEmail", "purchaseDate");
    // named as the form shows them
    assertThat(answer.json().get("message").asText()).contains("E-mail / 邮箱: ").contains("Purchase date / 购买日期: ");
  }

  @Test
  void aCaseStartedByTheApiOrNamingItsRegistrantIsTheTeamsNotOnePersons() {
    Map<String, Object> variables = new java.util.HashMap<>(Map.of("intakeChannel", string("phone"),
        "customerId", Map.of("value", 1, "type", "Long"), "sku", string("SK-SERUM-30"),
        "purchaseChannel", string("online"), "purchaseDate", string("2026-10-28"), "description", string("Leaks"),
        "registeredBy", string("supervisor")));
    Http.Response started = http.post("/engine-rest/process-definition/key/complaintHandling/start", "agent",
        Map.of("variables", variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(started.json().get("id").asText())
        .singleResult().getBusinessKey();
    work.runJobs(caseNumber);
    assertThat(work.onlyTask(caseNumber, "agent").get("assignee").isNull()).isTrue();
  }
}
