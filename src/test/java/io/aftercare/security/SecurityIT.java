package io.aftercare.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may call what: HTTP Basic against Camunda's identity, authorizations per group. */
@AftercareIT
class SecurityIT {

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired
  org.camunda.bpm.engine.ManagementService management;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void engineRestNeedsCredentials() {
    // A wrong password delays that user's next log-in (Camunda's brute-force protection), so
    // the wrong password is tried on a user of its own.
    String user = userWithoutGroups();
    assertThat(http.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", user + ":wrong").status()).isEqualTo(401);
  }

  @Test
  void agentListsTheProcessesItMayStart() {
    Http.Response response = http.get("/engine-rest/process-definition", "agent");

    assertThat(response.status()).isEqualTo(200);
    assertThat(keys(response.json())).contains("generalEnquiry");
  }

  @Test
  void onlyProcessOwnersDeploy() throws Exception {
    assertThat(deploy("agent")).isEqualTo(403);
    assertThat(deploy("supervisor")).isEqualTo(403);
    assertThat(deploy("owner")).isEqualTo(200);
  }

  @Test
  void supervisorReadsHistoryAgentCannotSeeOtherTeamsWork() {
    assertThat(http.get("/engine-rest/history/process-instance", "supervisor").status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/authorization", "agent").json()).isEmpty();
  }

  @Test
  void apiNeedsCredentialsAndAGroupAndAnswersWithProblemDetails() {
    Http.Response anonymous = http.get("/api/products", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);

    String outsider = userWithoutGroups();
    Http.Response forbidden = http.get("/api/products", outsider + ":demo");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.contentType()).startsWith("application/problem+json");
    assertThat(forbidden.json().get("detail").asText()).contains("GET /api/products");

    for (AftercareGroup group : AftercareGroup.values()) {
      String name = group == AftercareGroup.ADMIN ? "admin:admin-test" : group.demoUser();
      assertThat(http.get("/api/products", name).status()).as(name).isEqualTo(200);
    }
    assertThat(http.get("/api/products", userWithoutGroups() + ":wrong").status()).isEqualTo(401);
  }

  /**
   * Tasks are granted per process and group (no authorization row per task): a team reads its
   * processes' tasks, and works only those offered to it, through every door.
   */
  @Test
  void aTeamWorksOnlyTheTasksOfferedToIt() {
    io.aftercare.support.CaseWork work = new io.aftercare.support.CaseWork(http, runtime, management);
    Http.Response created = http.post("/api/complaints", "agent", java.util.Map.of("channel", "web",
        "customer", java.util.Map.of("id", 1), "product", java.util.Map.of("sku", "SK-SERUM-30"),
        "purchase", java.util.Map.of("channel", "online", "date", "2026-10-28"), "description", "Leaks"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    String triage = work.onlyTask(caseNumber, "agent").get("id").asText();

    // supervisors read every task, but this one is not offered to them
    assertThat(http.get("/engine-rest/task/" + triage, "supervisor").status()).isEqualTo(200);
    assertThat(http.post("/engine-rest/task/" + triage + "/claim", "supervisor", java.util.Map.of("userId", "supervisor"))
        .status()).isEqualTo(403);
    assertThat(http.post("/engine-rest/task/" + triage + "/complete", "supervisor", java.util.Map.of()).status())
        .isEqualTo(403);
    // another team does not even see it
    assertThat(http.get("/engine-rest/task/" + triage, "returns").status()).isIn(403, 404);
    assertThat(http.post("/engine-rest/task/" + triage + "/claim", "agent", java.util.Map.of("userId", "agent"))
        .status()).isEqualTo(204);
    assertThat(runtime.createVariableInstanceQuery().count()).isPositive();
    assertThat(jdbcCount("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7 and RESOURCE_ID_ <> '*'"))
        .as("no authorization row per task").isZero();
  }

  private long jdbcCount(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /** A user in no group, password "demo". */
  private String userWithoutGroups() {
    String id = "outsider" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setPassword("demo");
    identity.saveUser(user);
    return id;
  }

  /**
   * Tasklist's *Start process* offers only the processes with a start form that works (complaint,
   * enquiry, a reaction taken by phone, a care call); the return, started by the API with its
   * order, is not offered with Camunda's generic variable form. Each group sees only what it may
   * start (Tasklist lists the definitions a user may create instances of).
   */
  @Test
  void tasklistOffersOnlyProcessesWithAStartForm() {
    List<String> offered = new ArrayList<>();
    http.get("/engine-rest/process-definition?startableInTasklist=true&latestVersion=true&active=true",
        "admin:admin-test").json().forEach(d -> offered.add(d.get("key").asText()));
    // (other tests deploy processes of their own)
    assertThat(offered).contains("complaintHandling", "generalEnquiry", "adverseReactionReport", "callbackFollowUp")
        .doesNotContain("returnExchange");
    assertThat(startable("agent")).contains("complaintHandling", "generalEnquiry", "callbackFollowUp")
        .doesNotContain("adverseReactionReport", "returnExchange");
    assertThat(startable("safety")).contains("adverseReactionReport").doesNotContain("callbackFollowUp");
  }

  /** What Tasklist's *Start process* lists for the user: startable, and they may create instances. */
  private List<String> startable(String user) {
    List<String> keys = new ArrayList<>();
    http.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true&active=true", user).json().forEach(d -> keys.add(d.get("key").asText()));
    return keys;
  }

  @Test
  void demoUsersBelongToOneGroupEach() {
    for (AftercareGroup group : AftercareGroup.values()) {
      String user = group == AftercareGroup.ADMIN ? "admin" : group.demoUser();
      assertThat(identity.createGroupQuery().groupMember(user).list())
          .extracting(g -> g.getId()).containsExactly(group.id());
    }
  }

  @Test
  void tasklistFiltersAreSharedWithTheWorkingGroups() {
    Http.Response agentFilters = http.get("/engine-rest/filter", "agent");
    List<String> names = new ArrayList<>();
    agentFilters.json().forEach(f -> names.add(f.get("name").asText()));

    assertThat(names).contains("我的任务 My tasks", "我组的任务 My groups' tasks", "今天到期 Due today",
        "已超期 Overdue", "团队 Team: Customer-service agents").doesNotContain("团队 Team: Returns clerks");
    for (JsonNode filter : agentFilters.json()) {
      assertThat(http.get("/engine-rest/filter/" + filter.get("id").asText() + "/list", "agent").status())
          .as(filter.get("name").asText()).isEqualTo(200);
    }
    assertThat(http.get("/engine-rest/filter", "owner").json()).isEmpty();
  }

  private static List<String> keys(JsonNode definitions) {
    List<String> keys = new ArrayList<>();
    definitions.forEach(d -> keys.add(d.get("key").asText()));
    return keys;
  }

  /** Deploys a decision as Camunda Modeler does (multipart to deployment/create); returns the status. */
  private int deploy(String user) throws IOException, InterruptedException {
    String boundary = "----aftercare" + UUID.randomUUID();
    byte[] dmn = Files.readAllBytes(Path.of("processes/enquiry-routing.dmn"));
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + "modeler-test\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\""
        + "\r\n\r\ntrue\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; "
        + "filename=\"enquiry-routing.dmn\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), dmn, tail.getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return all;
  }
}
