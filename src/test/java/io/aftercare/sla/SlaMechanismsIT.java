package io.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.aftercare.casefile.CaseFiles;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.CustomerService;
import io.aftercare.customer.Market;
import java.math.BigDecimal;
import io.aftercare.notification.Notification;
import io.aftercare.notification.NotificationDispatcher;
import io.aftercare.notification.Outbox;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import io.aftercare.support.SmsGatewayStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared mechanisms in a running application: a clock on a task with its three escalation
 * levels driven by timer jobs, a pause moving the timers, customer e-mail received by a real SMTP
 * server in both languages, a retried job sending once, an SMS gateway failing.
 */
@AftercareIT
class SlaMechanismsIT {

  /** Monday 2 November 2026, 09:00 UTC (10:00 in Paris, 17:00 in Shanghai). */
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  static final String CLOCK = "complaint.resolve.general";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", "smtp"));

  static SmsGatewayStub sms;

  @LocalServerPort
  int port;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired CaseFiles cases;
  @Autowired SlaClocks clocks;
  @Autowired Escalations escalations;
  @Autowired Outbox outbox;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired JdbcClient jdbc;
  @Autowired CustomerService customers;

  @BeforeAll
  static void startGateway() {
    sms = new SmsGatewayStub(3926);
  }

  @AfterAll
  static void stopGateway() {
    sms.close();
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("slaMechanismsTest").count() == 0) {
      repository.createDeployment().name("sla-mechanisms-test")
          .addClasspathResource("bpmn/sla-mechanisms-test.bpmn").deploy();
    }
    sms.reset();
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void clockEscalatesThreeLevelsAndAPauseMovesItsTimersAndTasks() {
    String caseNumber = cases.open(customer("sophie.martin@example.fr"));
    ProcessInstance instance = start(caseNumber, "sophie.martin@example.fr", false);
    executeAsync(instance);
    assertThat(instance).isWaitingAt("Task_Resolve");

    assertThat(task(instance).getDueDate().toInstant()).isEqualTo(T0.plus(hours(24)));
    assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(T0.plus(hours(18)));
    assertThat(timer(instance, "Timer_Warn").getDuedate().toInstant()).isEqualTo(T0.plus(hours(18)));
    assertThat(timer(instance, "Timer_Breach").getDuedate().toInstant()).isEqualTo(T0.plus(hours(24)));
    assertThat(timer(instance, "Timer_Manager").getDuedate().toInstant()).isEqualTo(T0.plus(hours(28)));

    // waiting for the customer from +2 h to +5 h: the clock and everything set from it move by 3 h
    at(hours(2));
    runtime.correlateMessage("SlaTestEvidenceRequested", caseNumber);
    assertThat(clocks.require(caseNumber, CLOCK).state()).isEqualTo(SlaClock.State.PAUSED);
    at(hours(5));
    runtime.correlateMessage("SlaTestEvidenceReceived", caseNumber);
    assertThat(clocks.require(caseNumber, CLOCK).dueAt()).isEqualTo(T0.plus(hours(27)));
    assertThat(timer(instance, "Timer_Warn").getDuedate().toInstant()).isEqualTo(T0.plus(hours(21)));
    assertThat(timer(instance, "Timer_Breach").getDuedate().toInstant()).isEqualTo(T0.plus(hours(27)));
    assertThat(timer(instance, "Timer_Manager").getDuedate().toInstant()).isEqualTo(T0.plus(hours(31)));
    assertThat(task(instance).getDueDate().toInstant()).isEqualTo(T0.plus(hours(27)));
    assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(T0.plus(hours(21)));

    at(hours(21));
    management.executeJob(timer(instance, "Timer_Warn").getId());
    assertThat(clocks.require(caseNumber, CLOCK).warnedAt()).isEqualTo(T0.plus(hours(21)));
    assertThat(internal(caseNumber, "escalation-warning")).containsExactly("agent@aftercare.invalid");

    at(hours(27));
    management.executeJob(timer(instance, "Timer_Breach").getId());
    assertThat(clocks.require(caseNumber, CLOCK).breachedAt()).isEqualTo(T0.plus(hours(27)));
    assertThat(task(instance).getPriority()).isEqualTo(80);
    assertThat(tasks.getIdentityLinksForTask(task(instance).getId())).extracting(IdentityLink::getGroupId)
        .contains("agent", "supervisor");
    assertThat(internal(caseNumber, "escalation-breach")).containsExactly("supervisor@aftercare.invalid");

    at(hours(31));
    management.executeJob(timer(instance, "Timer_Manager").getId());
    assertThat(internal(caseNumber, "escalation-manager")).containsExactly("service-manager@aftercare.invalid");

    at(hours(32));
    tasks.complete(task(instance).getId());
    assertThat(instance).isEnded();
    SlaClock met = clocks.require(caseNumber, CLOCK);
    assertThat(met.state()).isEqualTo(SlaClock.State.MET);
    assertThat(met.breachedAt()).isNotNull();
    assertThat(escalations.forCase(caseNumber)).extracting(Escalations.Escalation::level).containsExactly(1, 2, 3);
    assertThat(clocks.events(caseNumber)).extracting(SlaClocks.Event::type)
        .containsExactly("STARTED", "PAUSED", "RESUMED", "WARNED", "BREACHED", "MET");
  }

  @Test
  void noEscalationOnceTheClockIsMet() {
    String caseNumber = cases.open(customer("sophie.martin@example.fr"));
    ProcessInstance instance = start(caseNumber, "sophie.martin@example.fr", false);
    executeAsync(instance);
    String warn = timer(instance, "Timer_Warn").getId();
    clocks.stop(caseNumber, CLOCK, T0.plus(hours(1)));

    at(hours(19));
    management.executeJob(warn);

    assertThat(escalations.forCase(caseNumber)).isEmpty();
    assertThat(internal(caseNumber, "escalation-warning")).isEmpty();
  }

  @Test
  void customerIsEmailedInTheirOwnLanguage() throws Exception {
    String english = cases.open(customer("sophie.martin@example.fr"));
    executeAsync(start(english, "sophie.martin@example.fr", false));
    String chinese = cases.open(customer("liu.yang@example.cn"));
    executeAsync(start(chinese, "liu.yang@example.cn", false));

    dispatcher.dispatch();

    MimeMessage toSophie = received("sophie.martin@example.fr", english);
    assertThat(toSophie.getSubject())
        .isEqualTo("Case " + english + ": our answer by 3 Nov 2026, 10:00 (Paris time)");
    assertThat((String) toSophie.getContent()).contains("Dear Sophie Martin");
    MimeMessage toLiu = received("liu.yang@example.cn", chinese);
    assertThat(toLiu.getSubject()).isEqualTo("工单 " + chinese + "：我们将于 2026年11月3日 17:00（北京时间） 前答复");
    assertThat((String) toLiu.getContent()).contains("刘洋，您好");
    assertThat(outbox.forCase(english)).singleElement().extracting(Notification::state)
        .isEqualTo(Notification.State.SENT);
  }

  @Test
  void retriedJobAndReExecutedStepSendOnce() {
    String caseNumber = cases.open(customer("sophie.martin@example.fr"));
    ProcessInstance instance = start(caseNumber, "sophie.martin@example.fr", true);
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("no.such.target");
    assertThat(outbox.forCase(caseNumber)).as("rolled back with the failed job").isEmpty();

    runtime.setVariable(instance.getId(), "failNow", false);
    management.executeJob(job.getId());
    assertThat(outbox.forCase(caseNumber)).hasSize(1);

    runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity("Task_Promise").execute();
    executeAsync(instance);
    assertThat(outbox.forCase(caseNumber)).as("same step again").hasSize(1);
  }

  @Test
  void smsGatewayDownRetriesThenFailsVisiblyAndRecoveringSendsOnce() {
    String failing = cases.open(customer("wang.li@example.cn"));
    executeAsync(start(failing, "wang.li@example.cn", false));
    sms.failNext(100);
    dispatcher.dispatch();

    Notification failed = outbox.forCase(failing).get(0);
    assertThat(failed.channel()).hasToString("SMS");
    assertThat(failed.state()).isEqualTo(Notification.State.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("500");
    JsonNode view = new Http(port).get("/api/cases/" + failing, "supervisor").json();
    assertThat(view.get("notifications").get(0).get("state").asText()).isEqualTo("FAILED");
    assertThat(view.get("notifications").get(0).get("recipient").asText()).isEqualTo("+86138****0001");

    // a supervisor sends it again; nobody else may
    Http http = new Http(port);
    long id = view.get("notifications").get(0).get("id").asLong();
    assertThat(http.post("/api/notifications/" + id + "/requeue", "agent", Map.of()).status()).isEqualTo(403);
    sms.reset();
    assertThat(http.post("/api/notifications/" + id + "/requeue", "supervisor", Map.of()).status()).isEqualTo(202);
    assertThat(http.post("/api/notifications/" + id + "/requeue", "supervisor", Map.of()).status())
        .as("pending now, nothing to re-queue").isEqualTo(409);
    dispatcher.dispatch();
    assertThat(outbox.forCase(failing).get(0).state()).isEqualTo(Notification.State.SENT);
    assertThat(sms.accepted().stream().filter(body -> body.contains(failing)).count()).as("sent once").isEqualTo(1);

    sms.reset();
    String recovering = cases.open(customer("wang.li@example.cn"));
    executeAsync(start(recovering, "wang.li@example.cn", false));
    sms.failNext(2);
    dispatcher.dispatch();

    Notification sent = outbox.forCase(recovering).get(0);
    assertThat(sent.state()).isEqualTo(Notification.State.SENT);
    assertThat(sent.attempts()).isEqualTo(3);
    assertThat(sms.refused()).hasSize(2);
    assertThat(sms.accepted()).singleElement().asString().contains(recovering).contains(sent.idempotencyKey());
  }

  @Test
  void messagesFailedDuringAnOutageGoOutWhenTheChannelAnswersAgainOnce() {
    String first = cases.open(customer("wang.li@example.cn"));
    executeAsync(start(first, "wang.li@example.cn", false));
    String second = cases.open(customer("wang.li@example.cn"));
    executeAsync(start(second, "wang.li@example.cn", false));
    sms.failNext(100);
    dispatcher.dispatch();
    assertThat(outbox.forCase(first).get(0).state()).isEqualTo(Notification.State.FAILED);
    assertThat(outbox.forCase(second).get(0).state()).isEqualTo(Notification.State.FAILED);

    // the gateway is back: the next message through re-queues the outage's failures
    sms.reset();
    String third = cases.open(customer("wang.li@example.cn"));
    executeAsync(start(third, "wang.li@example.cn", false));
    dispatcher.dispatch();
    dispatcher.dispatch();
    for (String caseNumber : List.of(first, second, third)) {
      assertThat(outbox.forCase(caseNumber).get(0).state()).as(caseNumber).isEqualTo(Notification.State.SENT);
    }
    for (String caseNumber : List.of(first, second, third)) {
      assertThat(sms.accepted().stream().filter(body -> body.contains(caseNumber)).count()).as(caseNumber + " sent once")
          .isEqualTo(1);
    }
  }

  @Test
  void aSupervisorReQueuesFromTheDashboardSessionWithItsCsrfToken() throws Exception {
    String failing = cases.open(customer("wang.li@example.cn"));
    executeAsync(start(failing, "wang.li@example.cn", false));
    sms.failNext(100);
    dispatcher.dispatch();
    long id = outbox.forCase(failing).get(0).id();
    sms.reset();

    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    String page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).isTrue();
    browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=supervisor&password=demo&_csrf=" + token.group(1)))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    JsonNode csrf = new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create(base + "/api/csrf")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
    java.net.http.HttpRequest.Builder requeue = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/api/notifications/" + id + "/requeue")).POST(java.net.http.HttpRequest.BodyPublishers.noBody());
    assertThat(browser.send(requeue.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("a session write without the token").isEqualTo(403);
    assertThat(browser.send(requeue.header(csrf.get("headerName").asText(), csrf.get("token").asText()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    assertThat(outbox.forCase(failing).get(0).state()).isEqualTo(Notification.State.PENDING);
  }

  @Test
  void customerWithoutConsentGetsNothingAndTheCaseShowsWhy() {
    String email = "no.consent." + System.nanoTime() + "@example.com";
    customers.register(new Customer(null, "Alex Doe", Market.US, CustomerLocale.EN, email, null,
        BigDecimal.ZERO, 0, null, new Customer.Consent(false, false, false), Customer.ContactChannel.EMAIL));
    String caseNumber = cases.open(customer(email));
    executeAsync(start(caseNumber, email, false));

    Notification row = outbox.forCase(caseNumber).get(0);
    assertThat(row.state()).isEqualTo(Notification.State.FAILED);
    assertThat(row.lastError()).isEqualTo("The customer has not consented to e-mail or SMS");
    Http.Response requeue = new Http(port).post("/api/notifications/" + row.id() + "/requeue", "supervisor", Map.of());
    assertThat(requeue.status()).isEqualTo(409);
    assertThat(requeue.json().get("detail").asText()).contains("never reached a channel");
    dispatcher.dispatch();
    assertThat(outbox.forCase(caseNumber).get(0).attempts()).as("a FAILED row is not sent").isZero();
  }

  @Test
  void caseViewShowsClocksAndNotificationsAndNamesBadNumbers() {
    String caseNumber = cases.open(customer("sophie.martin@example.fr"));
    executeAsync(start(caseNumber, "sophie.martin@example.fr", false));
    Http http = new Http(port);

    JsonNode view = http.get("/api/cases/" + caseNumber, "agent").json();
    assertThat(view.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(view.get("clocks").get(0).get("target").asText()).isEqualTo(CLOCK);
    assertThat(view.get("clocks").get(0).get("state").asText()).isEqualTo("RUNNING");
    assertThat(Instant.parse(view.get("clocks").get(0).get("dueAt").asText())).isEqualTo(T0.plus(hours(24)));
    assertThat(view.get("notifications").get(0).get("template").asText()).isEqualTo("resolution-promise");
    assertThat(view.get("notifications").get(0).get("recipient").asText()).isEqualTo("s***@example.fr");

    Http.Response unknown = http.get("/api/cases/AC-2026-999999", "agent");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    Http.Response malformed = http.get("/api/cases/case-1", "agent");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("caseNumber");
  }

  private ProcessInstance start(String caseNumber, String email, boolean failNow) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", caseNumber);
    variables.put("market", jdbc.sql("select market from customer where email = ?").param(email)
        .query(String.class).single());
    variables.put("customerId", customer(email));
    variables.put("failNow", failNow);
    return runtime.startProcessInstanceByKey("slaMechanismsTest", caseNumber, variables);
  }

  private long customer(String email) {
    return jdbc.sql("select id from customer where email = ?").param(email).query(Long.class).single();
  }

  private void executeAsync(ProcessInstance instance) {
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
      management.executeJob(job.getId());
    }
  }

  private Task task(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Resolve").singleResult();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }

  private List<String> internal(String caseNumber, String template) {
    return outbox.forCase(caseNumber).stream().filter(n -> n.template().equals(template))
        .map(Notification::recipient).toList();
  }

  private MimeMessage received(String to, String caseNumber) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> {
          try {
            return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(caseNumber);
          } catch (Exception e) {
            return false;
          }
        })
        .findFirst().orElseThrow(() -> new AssertionError("no mail to " + to + " about " + caseNumber));
  }

  private static void at(Duration sinceStart) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(sinceStart)));
  }

  private static Duration hours(int hours) {
    return Duration.ofHours(hours);
  }
}
