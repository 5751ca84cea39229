package io.aftercare.privacy;

import static io.aftercare.support.CaseWork.badFields;
import static io.aftercare.support.CaseWork.bool;
import static io.aftercare.support.CaseWork.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers' contact and health data: kept out of the engine, shown to those who need it through
 * every door, each full read logged. The matrix: every group × the engine's REST API, the task
 * forms (the door Tasklist uses), the case timeline and the application's API, reading and writing.
 */
@AftercareIT
class PrivacyIT {

  static final String ADMIN = "admin:admin-test";
  static final List<String> EVERYONE = List.of("agent", "returns", "safety", "supervisor", "owner", "privacy", ADMIN);

  @LocalServerPort int port;
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

  /** A reaction reported through the API by a new customer; symptoms and phone unique to the test. */
  record Reported(String caseNumber, String processInstanceId, String symptoms, String phone, String email,
      long customerId) {}

  private Reported reaction() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String phone = "+86139" + String.format("%08d", Math.abs(unique.hashCode()) % 100_000_000);
    String email = "reaction-" + unique + "@example.cn";
    String symptoms = "Hives on both cheeks " + unique;
    Map<String, Object> reaction = new HashMap<>(Map.of("awareDate", "2026-11-19", "firstUseDate", "2026-11-10",
        "onsetDate", "2026-11-13", "symptoms", symptoms, "bodyArea", "face",
        "allergyHistory", "penicillin allergy", "medicalTreatment", true, "hospitalised", false));
    Http.Response created = http.post("/api/adverse-reactions", "agent", Map.of(
        "customer", Map.of("name", "王小明", "email", email, "phone", phone, "market", "CN", "locale", "zh-CN"),
        "product", Map.of("sku", "SK-CREAM-50"), "reaction", reaction));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("adverseReactionReport").singleResult().getId();
    long customerId = jdbc.sql("select customer_id from case_file where case_number = ?").param(caseNumber)
        .query(Long.class).single();
    return new Reported(caseNumber, instance, symptoms, phone, email, customerId);
  }

  @Test
  void contactAndHealthDataNeverReachTheEngineNorTheTimeline() {
    Reported reported = reaction();
    JsonNode details = work.onlyTask(reported.caseNumber(), "safety");
    // the safety officer corrects the symptoms on the case-details form
    String corrected = reported.symptoms() + ", spreading to the neck";
    work.complete(details, "safety", Map.of("symptoms", string(corrected), "hospitalised", bool(false),
        "death", bool(false), "lifeThreatening", bool(false)));
    // the assessment form shows the symptoms and sends them back with the assessment
    work.complete(work.onlyTask(reported.caseNumber(), "safety"), "safety", Map.of("symptoms", string(corrected),
        "causality", string("possible"), "assessmentNote", string("Contact dermatitis")));

    assertThat(jdbc.sql("select symptoms from adverse_reaction where case_number = ?").param(reported.caseNumber())
        .query(String.class).single()).isEqualTo(corrected);
    for (String value : List.of(reported.symptoms(), reported.phone(), reported.email(), "penicillin", "王小明")) {
      for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
        assertThat(jdbc.sql("select count(*) from " + table + " where TEXT_ like ?").param("%" + value + "%")
            .query(Long.class).single()).as(value + " in " + table).isZero();
      }
      assertThat(jdbc.sql("select count(*) from report_task where outcome like ? or name like ?")
          .params("%" + value + "%", "%" + value + "%").query(Long.class).single()).as(value + " in the timeline").isZero();
      for (String user : EVERYONE) {
        assertThat(http.get("/api/cases/" + reported.caseNumber() + "/timeline", user).body())
            .as(user + " reads " + value + " in the timeline").doesNotContain(value);
      }
    }
    assertThat(runtime.getVariable(reported.processInstanceId(), "customerName")).isEqualTo("王**");
    // the seriousness criteria a safety task set are health data too: its team and supervisors see them
    String timeline = "/api/cases/" + reported.caseNumber() + "/timeline";
    assertThat(http.get(timeline, "safety").body()).contains("Hospitalised (inpatient) / 住院治疗: No / 否");
    assertThat(http.get(timeline, "supervisor").body()).contains("Hospitalised (inpatient) / 住院治疗: No / 否");
    for (String user : List.of("agent", "returns")) {
      Http.Response read = http.get(timeline, user);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.body()).as(user).contains("Case details").doesNotContain("hospitalised");
    }
  }

  @Test
  void nobodyWithoutVariablePermissionsFindsValuesByTryingThem() {
    Reported reported = reaction();
    String byValue = "?variables=caseNumber_eq_" + reported.caseNumber();
    for (String path : List.of("/engine-rest/process-instance" + byValue, "/engine-rest/history/process-instance"
        + byValue, "/engine-rest/task?processVariables=caseNumber_eq_" + reported.caseNumber())) {
      assertThat(http.get(path, "owner").status()).as("owner " + path).isEqualTo(403);
    }
    assertThat(http.get("/engine-rest/process-instance" + byValue, "supervisor").json().size()).isEqualTo(1);
    assertThat(http.get("/engine-rest/history/decision-instance?includeInputs=true&decisionDefinitionKey="
        + "adverseReactionSeriousness", "owner").json().size()).as("decision inputs are cases' data").isZero();
    assertThat(http.post("/engine-rest/migration/execute", "owner", Map.of("migrationPlan", Map.of(
        "sourceProcessDefinitionId", "x", "targetProcessDefinitionId", "y", "instructions", List.of()),
        "processInstanceIds", List.of(reported.processInstanceId()))).status())
        .as("migration plans may set variables: only through /api").isIn(400, 403, 404);
  }

  @Test
  void aTaskMayNotChangeTheCasesIdentity() {
    Reported reported = reaction();
    JsonNode task = work.onlyTask(reported.caseNumber(), "safety");
    Http.Response moved = http.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form", "safety",
        Map.of("variables", Map.of("customerId", Map.of("value", 1, "type", "Long"))));
    assertThat(moved.status()).as(moved.body()).isEqualTo(400);
    assertThat(moved.body()).contains("customerId");
    assertThat(http.post("/engine-rest/task/" + task.get("id").asText() + "/complete", "safety",
        Map.of("variables", Map.of("caseNumber", Map.of("value", "AC-2026-999999")))).status()).isEqualTo(400);
    assertThat(runtime.getVariable(reported.processInstanceId(), "customerId")).isEqualTo(reported.customerId());
  }

  @Test
  void healthDetailsReachOnlyTheSafetyTeamsFormsAndEveryReadIsLogged() {
    Reported reported = reaction();
    String task = work.onlyTask(reported.caseNumber(), "safety").get("id").asText();
    String formVariables = "/engine-rest/task/" + task + "/form-variables";

    JsonNode safetyForm = http.get(formVariables, "safety").json();
    assertThat(safetyForm.get("symptoms").get("value").asText()).isEqualTo(reported.symptoms());
    assertThat(safetyForm.get("allergyHistory").get("value").asText()).isEqualTo("penicillin allergy");
    assertThat(safetyForm.get("customerName").get("value").asText()).isEqualTo("王**");
    assertThat(safetyForm.get("customerContact").get("value").asText()).isEqualTo(
        reported.phone().substring(0, 6) + "****" + reported.phone().substring(reported.phone().length() - 4));
    assertThat(http.get(formVariables, "supervisor").json().get("symptoms").get("value").asText())
        .as("supervisors read, read-only").isEqualTo(reported.symptoms());
    for (String user : List.of("agent", "returns", "owner", "privacy")) {
      Http.Response form = http.get(formVariables, user);
      assertThat(form.status()).as(user).isIn(403, 404);
      assertThat(form.body()).as(user).doesNotContain(reported.symptoms());
    }
    // Tasklist's own door (the webapp's engine API, with its session) is the same engine command
    String tasklistPath = "/camunda/api/engine/engine/default/task/" + task + "/form-variables";
    assertThat(tasklist("safety", tasklistPath)).contains(reported.symptoms()).contains("王**");
    assertThat(tasklist("agent", tasklistPath)).doesNotContain(reported.symptoms());

    List<JsonNode> log = accesses(reported.customerId(), "privacy");
    assertThat(log).extracting(a -> a.get("userId").asText() + " " + a.get("data").asText() + " " + a.get("door").asText())
        .contains("safety HEALTH task-form", "supervisor HEALTH task-form");
    assertThat(log).allSatisfy(a -> assertThat(a.get("caseNumber").asText()).isEqualTo(reported.caseNumber()));
  }

  @Test
  void onlyAdministratorsChangeARunningCasesVariablesOutsideItsForms() {
    Reported reported = reaction();
    String variables = "/engine-rest/process-instance/" + reported.processInstanceId() + "/variables";
    Map<String, Object> tamper = Map.of("modifications", Map.of("hospitalised", Map.of("value", false, "type", "Boolean")));
    for (String user : List.of("agent", "returns", "safety", "supervisor", "owner", "privacy")) {
      assertThat(http.post(variables, user, tamper).status()).as(user + " writes a variable").isIn(403, 404);
      assertThat(http.post("/engine-rest/message", user, Map.of("messageName", "EvidenceReceived",
          "businessKey", reported.caseNumber(), "processVariables", Map.of("hospitalised", Map.of("value", false))))
          .status()).as(user + " passes a message").isIn(400, 403, 404);
    }
    assertThat(runtime.getVariable(reported.processInstanceId(), "hospitalised")).isEqualTo(false);
    assertThat(http.post(variables, ADMIN, Map.of("modifications", Map.of("adminNote", Map.of("value", "checked"))))
        .status()).isEqualTo(204);
  }

  @Test
  void variablesAreReadOnlyByThoseWhoMay() {
    Reported reported = reaction();
    String instance = reported.processInstanceId();
    // the history keeps each variable's last value, not a row per change (process/VariableHistory)
    assertThat(count("ACT_HI_VARINST", instance)).isPositive();
    assertThat(count("ACT_HI_DETAIL", instance)).isZero();
    for (String user : EVERYONE) {
      boolean mayRead = user.equals("supervisor") || user.equals(ADMIN);
      Http.Response runtimeVariables = http.get("/engine-rest/process-instance/" + instance + "/variables", user);
      assertThat(runtimeVariables.status()).as(user + " reads the case's variables").isEqualTo(mayRead ? 200 : 403);
      assertThat(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + instance, user).json().size())
          .as(user + " lists variable instances").isEqualTo(mayRead ? count("ACT_RU_VARIABLE", instance) : 0);
      assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + instance, user).json().size())
          .as(user + " lists historic variables").isEqualTo(mayRead ? count("ACT_HI_VARINST", instance) : 0);
      assertThat(http.get("/engine-rest/history/detail?processInstanceId=" + instance, user).json().size())
          .as(user + " lists historic details").isEqualTo(mayRead ? count("ACT_HI_DETAIL", instance) : 0);
    }
    // process owners see the case exists (counts, incidents), not what it holds
    assertThat(http.get("/engine-rest/process-instance/count?processDefinitionKey=adverseReactionReport", "owner")
        .json().get("count").asInt()).isPositive();
    // also in Cockpit (the webapp's engine API, with the owner's Cockpit session)
    String cockpit = "/camunda/api/engine/engine/default/process-instance/" + instance + "/variables";
    assertThat(tasklist("owner", cockpit)).doesNotContain(reported.symptoms()).doesNotContain("customerName");
    assertThat(tasklist("owner", "/camunda/api/engine/engine/default/history/variable-instance?processInstanceId="
        + instance)).isEqualTo("[]");
    for (String user : List.of("owner", "privacy")) {
      assertThat(http.get("/api/cases/" + reported.caseNumber(), user).status()).as(user + " opens the case")
          .isEqualTo(403);
    }
  }

  @Test
  void processesStartedThroughTheEngineAreValidatedOrRefused() {
    for (String user : List.of("agent", "returns", "safety", "supervisor")) {
      for (String key : List.of("adverseReactionReport", "returnExchange", "callbackFollowUp")) {
        Http.Response start = http.post("/engine-rest/process-definition/key/" + key + "/start", user,
            Map.of("variables", Map.of("symptoms", Map.of("value", "made up"))));
        // the start forms' groups (a reaction by phone, a care call) meet the API's rules; others may not start
        boolean mayStart = user.equals("safety") && key.equals("adverseReactionReport")
            || (user.equals("agent") || user.equals("supervisor")) && key.equals("callbackFollowUp");
        assertThat(start.status()).as(user + " starts " + key + ": " + start.body()).isIn(mayStart ? List.of(400) : List.of(403, 404));
      }
    }
  }

  @Test
  void fullContactIsOneLoggedReadWithAPurpose() {
    Reported reported = reaction();
    String path = "/api/customers/" + reported.customerId() + "/contact";

    Http.Response revealed = http.get(path + "?purpose=calling+back&caseNumber=" + reported.caseNumber(), "agent");
    assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
    assertThat(revealed.json().get("phone").asText()).isEqualTo(reported.phone());
    assertThat(revealed.json().get("name").asText()).isEqualTo("王小明");
    assertThat(badFields(http.get(path, "agent"))).contains("purpose");
    assertThat(badFields(http.get(path + "?purpose=x", "agent"))).containsExactly("caseNumber");
    assertThat(badFields(http.get(path + "?purpose=curious&caseNumber=AC-2026-999999", "agent")))
        .as("a case of someone else").containsExactly("caseNumber");
    // the form's "show full contact" link opens with the Tasklist login
    String withCase = "&caseNumber=" + reported.caseNumber();
    assertThat(tasklist("agent", path + "?purpose=form+link" + withCase)).contains(reported.phone());
    assertThat(tasklist("owner", path + "?purpose=form+link" + withCase)).doesNotContain(reported.phone());
    for (String user : List.of("owner", "privacy")) {
      assertThat(http.get(path + "?purpose=curious&caseNumber=" + reported.caseNumber(), user).status()).as(user)
          .isEqualTo(403);
    }

    List<JsonNode> log = accesses(reported.customerId(), "supervisor");
    assertThat(log).anySatisfy(access -> {
      assertThat(access.get("userId").asText()).isEqualTo("agent");
      assertThat(access.get("data").asText()).isEqualTo("CONTACT");
      assertThat(access.get("purpose").asText()).isEqualTo("calling back");
      assertThat(access.get("door").asText()).isEqualTo("api");
      assertThat(access.get("caseNumber").asText()).isEqualTo(reported.caseNumber());
    });
    assertThat(accesses(reported.customerId(), "supervisor")).as("the read is logged once").hasSize(log.size());
    assertThat(http.get("/api/audit/access?user=agent", "agent").status()).isEqualTo(403);
    assertThat(badFields(http.get("/api/audit/access?from=2026-11-30&to=2026-11-01", "privacy")))
        .containsExactly("to");
  }

  @Test
  void anAgentsTaskFormShowsTheCustomerMasked() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String phone = "+86138" + String.format("%08d", Math.abs(unique.hashCode()) % 100_000_000);
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "phone",
        "customer", Map.of("name", "李娜", "phone", phone, "market", "CN", "locale", "zh-CN"),
        "product", Map.of("sku", "SK-SERUM-30"),
        "purchase", Map.of("channel", "online", "date", "2026-10-28"),
        "description", "Pump broken " + unique));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    JsonNode task = work.onlyTask(caseNumber, "agent");

    Http.Response form = http.get("/engine-rest/task/" + task.get("id").asText() + "/form-variables", "agent");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("customerName").get("value").asText()).isEqualTo("李*");
    assertThat(form.json().get("customerContact").get("value").asText()).endsWith(phone.substring(phone.length() - 4))
        .doesNotContain(phone);
    assertThat(form.body()).doesNotContain(phone).doesNotContain("李娜");
    assertThat(http.get("/engine-rest/task/" + task.get("id").asText() + "/variables", "agent").body())
        .doesNotContain(phone);
  }

  /**
   * A GET through a webapp's session (Tasklist; Cockpit for process owners, who have no Tasklist):
   * logged in at the webapp's login, as the browser does.
   */
  private String tasklist(String user, String path) {
    String app = user.equals("owner") ? "cockpit" : "tasklist";
    try {
      java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
          .cookieHandler(new java.net.CookieManager()).build();
      // the webapps' CSRF token comes with a page of the app
      String token = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              "http://localhost:" + port + "/camunda/app/" + app + "/default/")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
      java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String table, String processInstanceId) {
    return jdbc.sql("select count(*) from " + table + " where PROC_INST_ID_ = ?").param(processInstanceId)
        .query(Long.class).single();
  }

  private List<JsonNode> accesses(long customerId, String user) {
    Http.Response response = http.get("/api/audit/access?customer=" + customerId, user);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> rows = new java.util.ArrayList<>();
    response.json().forEach(rows::add);
    return rows;
  }
}
