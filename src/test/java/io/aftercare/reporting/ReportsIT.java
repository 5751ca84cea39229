package io.aftercare.reporting;

import static io.aftercare.support.CaseWork.bool;
import static io.aftercare.support.CaseWork.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.casefile.CaseFiles;
import io.aftercare.customer.Market;
import io.aftercare.sla.Escalations;
import io.aftercare.sla.SlaClocks;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every report against a small history built by hand, in a past fortnight no other test touches
 * (5–18 February 2024, China), with answers worked out on paper: clocks met on time, met after a
 * breach, paused and resumed, still open past due, cancelled; complaints, escalations, answers,
 * adverse reactions, messages. The backlog and the timeline run a real enquiry through the engine.
 */
@AftercareIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {

  static final String PERIOD = "from=2024-02-05&to=2024-02-18";
  /** Tuesday 6 February 2024, 10:00 in Shanghai. */
  static final Instant T0 = Instant.parse("2024-02-06T02:00:00Z");
  static final long WANG_LI = 1;

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CaseFiles caseFiles;
  @Autowired
  SlaClocks clocks;
  @Autowired
  Escalations escalations;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  Http http;
  final List<String> complaints = new ArrayList<>();
  String internalLate;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @BeforeAll
  void buildHistory() {
    // clocks: on time (10 min), breached then met (30 min), paused an hour and met within the
    // moved target (15 min net), never met (open past due), cancelled
    String onTime = open("PHONE");
    clocks.start(onTime, "complaint.acknowledge", Market.CN, T0);
    clocks.stop(onTime, "complaint.acknowledge", T0.plus(Duration.ofMinutes(10)));
    String late = open("PHONE");
    clocks.start(late, "complaint.acknowledge", Market.CN, T0);
    clocks.markBreached(late, "complaint.acknowledge", T0.plus(Duration.ofMinutes(15)));
    clocks.stop(late, "complaint.acknowledge", T0.plus(Duration.ofMinutes(30)));
    String paused = open("WECHAT");
    clocks.start(paused, "complaint.acknowledge", Market.CN, T0);
    clocks.pause(paused, "complaint.acknowledge", T0.plus(Duration.ofMinutes(5)));
    clocks.resume(paused, "complaint.acknowledge", T0.plus(Duration.ofMinutes(65)));
    clocks.stop(paused, "complaint.acknowledge", T0.plus(Duration.ofMinutes(75)));
    String open = open("PHONE");
    clocks.start(open, "complaint.acknowledge", Market.CN, T0);
    String cancelled = open("PHONE");
    clocks.start(cancelled, "complaint.acknowledge", Market.CN, T0);
    clocks.cancel(cancelled, "complaint.acknowledge", T0.plus(Duration.ofMinutes(3)));

    // a target with no breach timer in any diagram (adverse.internal, 24 h of wall time): met at
    // its due second (on time), one second after it, and 19 hours after it (both late; no timer
    // marked them, the stop does)
    String atDue = open("PHONE");
    clocks.start(atDue, "adverse.internal", Market.CN, T0);
    clocks.stop(atDue, "adverse.internal", T0.plus(Duration.ofHours(24)));
    String secondLate = open("PHONE");
    clocks.start(secondLate, "adverse.internal", Market.CN, T0);
    clocks.stop(secondLate, "adverse.internal", T0.plus(Duration.ofHours(24)).plusSeconds(1));
    internalLate = open("PHONE");
    clocks.start(internalLate, "adverse.internal", Market.CN, T0);
    clocks.stop(internalLate, "adverse.internal", T0.plus(Duration.ofHours(43)));

    // complaints: two shade complaints on one batch (one from a repeat customer, one flagged for
    // the batch), an irritation, one not yet triaged
    complaints.add(complaint("WECHAT", "SK-SERUM-30", "S2501A", "SHADE_MISMATCH", "agent", 1, true, false, T0));
    complaints.add(complaint("PHONE", "SK-SERUM-30", "S2501A", "SHADE_MISMATCH", "agent", 0, false, true, T0.plus(Duration.ofHours(2))));
    complaints.add(complaint("WECHAT", "SUN-SPF50-50", "U2503A", "IRRITATION_ALLERGY", "safety", 0, false, false, T0.plus(Duration.ofDays(1))));
    complaints.add(complaint("WEB", "MU-LIP-R12", null, null, null, 0, false, false, T0.plus(Duration.ofDays(6))));

    // answers: csat 2 / nps 3 unresolved, 5 / 10, 4 / 9, 5 without nps
    answer(complaints.get(0), 2, 3, false);
    answer(complaints.get(1), 5, 10, true);
    answer(complaints.get(2), 4, 9, true);
    answer(complaints.get(3), 5, null, true);

    // escalations: the first complaint's triage task warned then breached (week of 5 Feb), the
    // irritation's task warned the next week
    task("T-report-1", complaints.get(0), "agent");
    task("T-report-3", complaints.get(2), "safety");
    escalation(complaints.get(0), 1, "T-report-1", "agent", T0.plus(Duration.ofHours(1)));
    escalation(complaints.get(0), 2, "T-report-1", "agent,supervisor", T0.plus(Duration.ofDays(1)));
    escalation(complaints.get(2), 1, "T-report-3", "safety", T0.plus(Duration.ofDays(7)));

    // adverse reactions: CN serious (reported on time), CN general (report breached, still open),
    // CN not yet assessed, EU serious
    String serious = reaction(Market.CN, "serious", "SUN-SPF50-50", "U2503A", T0);
    clocks.start(serious, "adverse.regulatory.CN.serious", Market.CN, T0);
    clocks.stop(serious, "adverse.regulatory.CN.serious", T0.plus(Duration.ofDays(2)));
    String general = reaction(Market.CN, "general", "SK-SERUM-30", "S2501A", T0);
    clocks.start(general, "adverse.regulatory.CN.general", Market.CN, T0);
    clocks.markBreached(general, "adverse.regulatory.CN.general", T0.plus(Duration.ofDays(30)));
    // CN serious, report submitted a day after its 15-day deadline, no timer having fired: late
    // (day 15 after Tue 6 Feb 2024 is Wed 21 Feb; due 23:59:59 Shanghai = 15:59:59Z)
    String seriousLate = reaction(Market.CN, "serious", "SUN-SPF50-50", "U2503A", T0);
    clocks.start(seriousLate, "adverse.regulatory.CN.serious", Market.CN, T0);
    assertThat(clocks.require(seriousLate, "adverse.regulatory.CN.serious").dueAt())
        .isEqualTo(Instant.parse("2024-02-21T15:59:59Z"));
    clocks.stop(seriousLate, "adverse.regulatory.CN.serious", Instant.parse("2024-02-22T03:00:00Z"));
    reaction(Market.CN, null, "SK-SERUM-30", null, T0);
    reaction(Market.EU, "serious", "SK-SERUM-30", null, T0);

    // messages: two e-mails to the customer (sent, failed), an SMS waiting, a staff e-mail sent
    message(complaints.get(0), "CUSTOMER", "EMAIL", "SENT");
    message(complaints.get(0), "CUSTOMER", "EMAIL", "FAILED");
    message(complaints.get(1), "CUSTOMER", "SMS", "PENDING");
    message(complaints.get(1), "INTERNAL", "EMAIL", "SENT");
  }

  @Test
  void serviceLevelsCountMetLateOpenAndMeasureTimeToMeetNetOfPauses() {
    JsonNode row = row(report("service-levels", PERIOD + "&market=CN"), "target", "complaint.acknowledge");
    assertThat(row.get("clocks").asInt()).isEqualTo(5);
    assertThat(row.get("met").asInt()).isEqualTo(3);
    assertThat(row.get("metOnTime").asInt()).isEqualTo(2);
    assertThat(row.get("metLate").asInt()).isEqualTo(1);
    assertThat(row.get("open").asInt()).isEqualTo(1);
    assertThat(row.get("openBreached").asInt()).isEqualTo(1);
    assertThat(row.get("breached").asInt()).isEqualTo(2);
    assertThat(row.get("cancelled").asInt()).isEqualTo(1);
    // on time: 2 of the 4 clocks that were met or are overdue
    assertThat(row.get("onTimePercent").asDouble()).isEqualTo(50.0);
    // times to meet 10, 15 (75 less the hour paused) and 30 minutes
    assertThat(row.get("medianMinutes").asDouble()).isEqualTo(15.0);
    assertThat(row.get("p90Minutes").asDouble()).isEqualTo(27.0);

    JsonNode wechat = row(report("service-levels", PERIOD + "&market=CN&channel=wechat"), "target", "complaint.acknowledge");
    assertThat(wechat.get("clocks").asInt()).isEqualTo(1);
    assertThat(wechat.get("medianMinutes").asDouble()).isEqualTo(15.0);

    JsonNode breached = http.get("/api/reports/service-levels/cases?" + PERIOD
        + "&target=complaint.acknowledge&status=met-late", "supervisor").json();
    assertThat(breached.get("cases")).hasSize(1);
    assertThat(breached.get("truncated").asBoolean()).isFalse();
  }

  @Test
  void aClockWithoutABreachTimerMetLateIsLateInTheReportTheCaseViewAndTheTimeline() {
    JsonNode row = row(report("service-levels", PERIOD + "&market=CN"), "target", "adverse.internal");
    assertThat(row.get("clocks").asInt()).isEqualTo(3);
    assertThat(row.get("metOnTime").asInt()).as("met at its due second").isEqualTo(1);
    assertThat(row.get("metLate").asInt()).as("a second late, 19 hours late").isEqualTo(2);
    assertThat(row.get("breached").asInt()).isEqualTo(2);
    assertThat(row.get("onTimePercent").asDouble()).isEqualTo(33.3);
    JsonNode late = http.get("/api/reports/service-levels/cases?" + PERIOD
        + "&target=adverse.internal&status=met-late", "supervisor").json();
    assertThat(late.get("cases").toString()).contains(internalLate);

    JsonNode clock = CaseWork.clock(http.get("/api/cases/" + internalLate, "supervisor").json(), "adverse.internal");
    assertThat(clock.get("state").asText()).isEqualTo("MET");
    assertThat(clock.get("status").asText()).isEqualTo("met-late");
    assertThat(clock.get("onTime").asBoolean()).isFalse();
    assertThat(clock.get("breachedAt").asText()).isEqualTo("2024-02-07T02:00:00Z");

    JsonNode timeline = http.get("/api/cases/" + internalLate + "/timeline", "supervisor").json().get("entries");
    assertThat(StreamSupport.stream(timeline.spliterator(), false)
        .map(e -> e.get("type").asText() + "@" + e.get("at").asText()).toList())
        .containsSubsequence("CLOCK_STARTED@2024-02-06T02:00:00Z", "CLOCK_BREACHED@2024-02-07T02:00:00Z",
            "CLOCK_MET@2024-02-07T21:00:00Z");
  }

  @Test
  void anOpenClockPastItsDueTimeIsBreachedOnTheCaseViewWithoutATimer() {
    String open = open("PHONE");
    clocks.start(open, "adverse.internal", Market.CN, Instant.now().minus(Duration.ofHours(25)));
    JsonNode clock = CaseWork.clock(http.get("/api/cases/" + open, "supervisor").json(), "adverse.internal");
    assertThat(clock.get("status").asText()).isEqualTo("open-breached");
    assertThat(clock.get("onTime").asBoolean()).isFalse();
    assertThat(clock.has("breachedAt")).as("no timer fired").isFalse();
  }

  @Test
  void escalationsByWeekLevelAndTheTaskTeam() {
    JsonNode rows = report("escalations", PERIOD + "&market=CN").get("rows");
    assertThat(lines(rows, "week", "level", "team", "escalations", "cases")).containsExactly(
        "2024-02-05|1|agent|1|1", "2024-02-05|2|agent|1|1", "2024-02-12|1|safety|1|1");
    JsonNode level2 = http.get("/api/reports/escalations/cases?" + PERIOD + "&level=2&team=agent", "supervisor").json();
    assertThat(level2.get("cases").get(0).get("caseNumber").asText()).isEqualTo(complaints.get(0));
  }

  @Test
  void volumesByCategoryChannelProductAndBatchWithRepeats() {
    JsonNode rows = report("volumes", PERIOD + "&market=CN").get("rows");
    assertThat(lines(filter(rows, "category"), "value", "period", "cases", "repeatCustomer", "repeatBatch"))
        .containsExactly("SHADE_MISMATCH|2024-02-06|2|1|1", "IRRITATION_ALLERGY|2024-02-07|1|0|0",
            "UNTRIAGED|2024-02-12|1|0|0");
    assertThat(lines(filter(rows, "sku"), "value", "cases")).containsExactly(
        "SK-SERUM-30|2", "MU-LIP-R12|1", "SUN-SPF50-50|1");
    assertThat(lines(filter(rows, "batch"), "sku", "value", "cases")).containsExactly(
        "SK-SERUM-30|S2501A|2", "SUN-SPF50-50|U2503A|1");
    assertThat(lines(filter(rows, "intakeChannel"), "value", "cases")).containsExactlyInAnyOrder(
        "WECHAT|1", "PHONE|1", "WECHAT|1", "WEB|1");
    JsonNode wechat = report("volumes", PERIOD + "&market=CN&channel=WECHAT").get("rows");
    assertThat(filter(wechat, "sku").stream().mapToInt(r -> r.get("cases").asInt()).sum()).isEqualTo(2);
    JsonNode batch = http.get("/api/reports/volumes/cases?" + PERIOD + "&sku=SK-SERUM-30&batch=S2501A", "supervisor").json();
    assertThat(batch.get("cases")).hasSize(2);
  }

  @Test
  void satisfactionGivesCsatNpsResolvedAndReopenRates() {
    JsonNode rows = report("satisfaction", PERIOD + "&market=CN").get("rows");
    JsonNode all = row(rows, "dimension", "all");
    assertThat(all.get("answers").asInt()).isEqualTo(4);
    assertThat(all.get("csatAverage").asDouble()).isEqualTo(4.0);
    assertThat(List.of(all.get("csat1").asInt(), all.get("csat2").asInt(), all.get("csat3").asInt(),
        all.get("csat4").asInt(), all.get("csat5").asInt())).containsExactly(0, 1, 0, 1, 2);
    // two promoters (10, 9), one detractor (3) of three answers
    assertThat(all.get("nps").asDouble()).isEqualTo(33.3);
    assertThat(all.get("resolvedPercent").asDouble()).isEqualTo(75.0);
    assertThat(all.get("complaints").asInt()).isEqualTo(4);
    assertThat(all.get("reopenPercent").asDouble()).isEqualTo(25.0);

    JsonNode agent = rowWhere(rows, "dimension", "team", "value", "agent");
    assertThat(agent.get("answers").asInt()).isEqualTo(3);
    assertThat(agent.get("csatAverage").asDouble()).isEqualTo(4.0);
    assertThat(agent.get("nps").asDouble()).isEqualTo(0.0);
    assertThat(agent.get("reopenPercent").asDouble()).isEqualTo(33.3);
    JsonNode shade = rowWhere(rows, "dimension", "category", "value", "SHADE_MISMATCH");
    assertThat(shade.get("answers").asInt()).isEqualTo(2);
    assertThat(shade.get("reopenPercent").asDouble()).isEqualTo(50.0);
  }

  @Test
  void safetyCountsReactionsReportsOnTimeAndLate() {
    JsonNode cn = report("safety", PERIOD + "&market=CN").get("rows");
    assertThat(lines(section(cn, "reactions"), "seriousness", "market", "cases")).containsExactly(
        "general|CN|1", "serious|CN|2", "unassessed|CN|1");
    // serious: one submitted on day 2 (on time), one the day after its deadline with no timer (late)
    assertThat(lines(section(cn, "reports"), "target", "cases", "onTime", "late", "open")).containsExactly(
        "adverse.regulatory.CN.general|1|0|1|0", "adverse.regulatory.CN.serious|2|1|1|0");
    JsonNode all = report("safety", PERIOD).get("rows");
    assertThat(lines(section(all, "reactions"), "seriousness", "market", "cases")).contains("serious|EU|1");
  }

  @Test
  void safetyShowsAnOpenBatchSignal() {
    for (int i = 0; i < 3; i++) {
      reaction(Market.US, "general", "SK-CREAM-50", "SIGNAL-IT", Instant.now());
    }
    JsonNode rows = report("safety", "market=US").get("rows");
    assertThat(lines(section(rows, "signals"), "sku", "batch", "cases")).contains("SK-CREAM-50|SIGNAL-IT|3");
  }

  @Test
  void notificationsBySentPendingAndFailed() {
    JsonNode rows = report("notifications", PERIOD + "&market=CN").get("rows");
    assertThat(lines(rows, "notificationChannel", "audience", "total", "sent", "pending", "failed")).containsExactly(
        "EMAIL|CUSTOMER|2|1|0|1", "EMAIL|INTERNAL|1|1|0|0", "SMS|CUSTOMER|1|0|1|0");
  }

  @Test
  void csvHasTheJsonRowsAndColumns() {
    for (String name : List.of("service-levels", "backlog", "escalations", "volumes", "satisfaction", "safety",
        "notifications")) {
      JsonNode json = report(name, PERIOD + "&market=CN");
      Http.Response csv = http.get("/api/reports/" + name + "?" + PERIOD + "&market=CN&format=csv", "supervisor");
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.contentType()).startsWith("text/csv");
      String[] lines = csv.body().split("\r\n");
      List<String> columns = StreamSupport.stream(json.get("columns").spliterator(), false).map(JsonNode::asText).toList();
      assertThat(lines[0]).isEqualTo(String.join(",", columns));
      assertThat(lines).hasSize(json.get("rows").size() + 1);
      json.get("rows").forEach(row -> assertThat(row.size()).as(name + ": every row has every column").isEqualTo(columns.size()));
      for (int i = 0; i < json.get("rows").size(); i++) {
        JsonNode row = json.get("rows").get(i);
        assertThat(lines[i + 1]).as(name + " row " + i)
            .isEqualTo(String.join(",", columns.stream().map(c -> row.get(c) == null || row.get(c).isNull() ? ""
                : row.get(c).asText()).toList()));
      }
      Http.Response accept = http.getAccepting("/api/reports/" + name + "?" + PERIOD + "&market=CN", "supervisor", "text/csv");
      assertThat(accept.body()).isEqualTo(csv.body());
    }
  }

  @Test
  void backlogAgesOpenTasksAndCasesAndTheTimelineShowsTheWholeCase() {
    JsonNode before = report("backlog", "market=EU").get("rows");
    String recent = startEnquiry(null);
    String old = startEnquiry(Instant.now().minus(Duration.ofDays(5)));
    JsonNode after = report("backlog", "market=EU").get("rows");

    JsonNode task = rowWhere(after, "kind", "task", "process", "generalEnquiry", "team", "returns");
    JsonNode taskBefore = rowWhereOrNull(before, "kind", "task", "process", "generalEnquiry", "team", "returns");
    assertThat(task.get("stage").asText()).isEqualTo("Answer enquiry");
    assertThat(delta(task, taskBefore, "open")).isEqualTo(2);
    assertThat(delta(task, taskBefore, "under4h")).isEqualTo(1);
    assertThat(delta(task, taskBefore, "over3d")).isEqualTo(1);
    assertThat(delta(task, taskBefore, "overdue")).isEqualTo(1);
    JsonNode cases = rowWhere(after, "kind", "case", "process", "generalEnquiry", "stage", "Answer enquiry");
    assertThat(delta(cases, rowWhereOrNull(before, "kind", "case", "process", "generalEnquiry", "stage", "Answer enquiry"),
        "over3d")).isEqualTo(1);
    JsonNode overdue = http.get("/api/reports/backlog/cases?market=EU&kind=task&team=returns&overdue=true", "supervisor").json();
    assertThat(overdue.toString()).contains(old).doesNotContain(recent);

    JsonNode answer = new CaseWork(http, runtime, management).onlyTask(recent, "returns");
    // the form's two input fields, one of its disabled fields sent back, and a value the form does not have
    new CaseWork(http, runtime, management).complete(answer, "returns",
        Map.of("answer", string("Unopened within 14 days: yes."), "followUp", string("none"),
            "caseNumber", string(recent), "needsFollowUp", bool(false)));
    JsonNode timeline = http.get("/api/cases/" + recent + "/timeline", "agent").json().get("entries");
    List<String> types = StreamSupport.stream(timeline.spliterator(), false).map(e -> e.get("type").asText()).toList();
    assertThat(types).containsSubsequence("PROCESS_STARTED", "CLOCK_STARTED", "TASK_CREATED", "TASK_COMPLETED",
        "CLOCK_MET", "PROCESS_COMPLETED");
    assertThat(types).contains("MESSAGE_QUEUED");
    JsonNode completed = StreamSupport.stream(timeline.spliterator(), false)
        .filter(e -> e.get("type").asText().equals("TASK_COMPLETED")).findFirst().orElseThrow();
    assertThat(completed.get("who").asText()).isEqualTo("returns");
    // the values the task's form set, with the form's labels (answer-enquiry.form); not its display fields
    assertThat(completed.get("detail").asText()).isEqualTo("Answer given to the customer / 答复内容: Unopened within"
        + " 14 days: yes.; Does the customer need another case? / 是否需要另开工单: No / 不需要");
    assertThat(StreamSupport.stream(completed.get("values").spliterator(), false)
        .map(v -> v.get("name").asText() + "|" + v.get("label").asText() + "|" + v.get("value").asText()).toList())
        .containsExactly("answer|Answer given to the customer / 答复内容|Unopened within 14 days: yes.",
            "followUp|Does the customer need another case? / 是否需要另开工单|No / 不需要");
    assertThat(completed.get("process").asText()).isEqualTo("一般咨询 General enquiry");
    Instant previous = Instant.MIN;
    for (JsonNode entry : timeline) {
      Instant at = Instant.parse(entry.get("at").asText());
      assertThat(at).isAfterOrEqualTo(previous);
      previous = at;
    }
    assertThat(http.get("/api/cases/AC-2020-999999/timeline", "agent").status()).isEqualTo(404);
  }

  @Test
  void onlySupervisorsAndAdminsReadReports() {
    assertThat(http.get("/api/reports/service-levels", "agent").status()).isEqualTo(403);
    assertThat(http.get("/api/reports/backlog", "safety").status()).isEqualTo(403);
    assertThat(http.get("/api/reports/service-levels", null).status()).isEqualTo(401);
    assertThat(http.get("/api/reports/service-levels", "supervisor").status()).isEqualTo(200);
    Http.Response index = http.get("/api/reports", "admin:admin-test");
    assertThat(index.status()).as(index.body()).isEqualTo(200);
    assertThat(index.json().get("reports").size()).isEqualTo(7);
    assertThat(http.getPage("/reports/", "agent").status()).isEqualTo(403);
    Http.Response page = http.getPage("/reports/", "supervisor");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Service levels");
  }

  @Test
  void badFiltersAreNamed() {
    Http.Response reversed = http.get("/api/reports/volumes?from=2024-02-10&to=2024-02-01", "supervisor");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(CaseWork.badFields(reversed)).containsExactly("from");
    Http.Response bad = http.get("/api/reports/volumes?market=XX&channel=fax&to=tomorrow&format=pdf", "supervisor");
    assertThat(CaseWork.badFields(bad)).containsExactlyInAnyOrder("market", "channel", "to", "format");
    assertThat(http.get("/api/reports/everything", "supervisor").status()).isEqualTo(404);
    Http.Response drill = http.get("/api/reports/backlog/cases?colour=red&level=x", "supervisor");
    assertThat(CaseWork.badFields(drill)).containsExactlyInAnyOrder("colour", "level");
    Http.Response tooLong = http.get("/api/reports/volumes?from=2020-01-01&to=2024-01-01", "supervisor");
    assertThat(CaseWork.badFields(tooLong)).containsExactly("from");
  }

  // --- the hand-built history ---

  private String open(String channel) {
    return caseFiles.open(WANG_LI, null, channel);
  }

  private String complaint(String channel, String sku, String lot, String category, String team, int reopened,
      boolean repeatCustomer, boolean repeatBatch, Instant at) {
    String caseNumber = open(channel);
    jdbc.sql("insert into complaint (case_number, customer_id, intake_channel, sku, lot_number, purchase_channel,"
            + " purchase_date, description, repeat_customer, repeat_batch, category, team, reopened, received_at)"
            + " values (?, ?, ?, ?, ?, 'ONLINE', date '2024-01-20', 'hand-built', ?, ?, ?, ?, ?, ?)")
        .params(caseNumber, WANG_LI, channel, sku, lot, repeatCustomer, repeatBatch, category, team, reopened,
            Timestamp.from(at))
        .update();
    return caseNumber;
  }

  private void answer(String caseNumber, int csat, Integer nps, boolean resolved) {
    jdbc.sql("insert into callback (case_number, customer_id, reason, state, attempts_made, created_at)"
            + " values (?, ?, 'COMPLAINT_RESOLVED', 'ANSWERED', 1, ?)")
        .params(caseNumber, WANG_LI, Timestamp.from(T0.plus(Duration.ofDays(8)))).update();
    long callback = jdbc.sql("select max(id) from callback where case_number = ?").param(caseNumber)
        .query(Long.class).single();
    // counted for the complaint's team and category when answered (not triaged: the agents, UNTRIAGED)
    jdbc.sql("insert into satisfaction (case_number, callback_id, source, csat, nps, resolved, answered_at, team, category)"
            + " select ?, ?, 'CALL', ?, ?, ?, ?, coalesce(team, 'agent'), coalesce(category, 'UNTRIAGED')"
            + " from complaint where case_number = ?")
        .params(caseNumber, callback, csat, nps, resolved, Timestamp.from(T0.plus(Duration.ofDays(8))), caseNumber)
        .update();
  }

  private void task(String id, String caseNumber, String team) {
    jdbc.sql("insert into report_task (task_id, case_number, process_key, task_key, name, team, candidate_groups,"
            + " market, created_at, ended_at, end_reason) values (?, ?, 'complaintHandling', 'Task_Triage',"
            + " 'Triage', ?, ?, 'CN', ?, ?, 'completed')")
        .params(id, caseNumber, team, team, Timestamp.from(T0), Timestamp.from(T0.plus(Duration.ofDays(2)))).update();
  }

  private void escalation(String caseNumber, int level, String taskId, String groups, Instant at) {
    escalations.record(caseNumber, new Escalations.Escalation("complaint.confirm", level, taskId, "Triage", null, groups, at));
  }

  private String reaction(Market market, String seriousness, String sku, String lot, Instant at) {
    String caseNumber = open(null);
    jdbc.sql("update case_file set market = ? where case_number = ?").params(market.name(), caseNumber).update();
    jdbc.sql("insert into adverse_reaction (case_number, report_number, customer_id, sku, lot_number, market,"
            + " aware_date, seriousness, received_at) values (?, ?, ?, ?, ?, ?, date '2024-02-06', ?, ?)")
        .params(caseNumber, "AR-" + caseNumber.substring(3), WANG_LI, sku, lot, market.name(), seriousness,
            Timestamp.from(at))
        .update();
    return caseNumber;
  }

  private void message(String caseNumber, String audience, String channel, String state) {
    jdbc.sql("insert into notification (idempotency_key, case_number, audience, template, channel, recipient,"
            + " language, body, state, attempts, next_attempt_at, created_at, sent_at)"
            + " values (?, ?, ?, 'complaint-outcome', ?, 'someone@example.cn', 'zh-CN', 'hand-built', ?, 1, ?, ?, ?)")
        .params("reports-it-" + caseNumber + "-" + audience + "-" + channel + "-" + state, caseNumber, audience,
            channel, state, Timestamp.from(T0), Timestamp.from(T0.plus(Duration.ofHours(1))),
            "SENT".equals(state) ? Timestamp.from(T0.plus(Duration.ofHours(1))) : null)
        .update();
  }

  /** An EU enquiry for the returns clerks, started now or (the clock set back) at {@code at}. */
  private String startEnquiry(Instant at) {
    try {
      if (at != null) {
        ClockUtil.setCurrentTime(Date.from(at));
      }
      String caseNumber = runtime.startProcessInstanceByKey("generalEnquiry", Map.of("customerName", "Sophie Martin",
          "contact", "sophie.martin@example.fr", "market", "EU", "topic", "return",
          "question", "Can I send back an unopened lipstick?")).getBusinessKey();
      new CaseWork(http, runtime, management).runJobs(caseNumber);
      return caseNumber;
    } finally {
      ClockUtil.reset();
    }
  }

  // --- reading the answers ---

  private JsonNode report(String name, String query) {
    Http.Response response = http.get("/api/reports/" + name + "?" + query, "supervisor");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode row(JsonNode reportOrRows, String column, String value) {
    return rowWhere(reportOrRows.has("rows") ? reportOrRows.get("rows") : reportOrRows, column, value);
  }

  private static JsonNode rowWhere(JsonNode rows, String... columnsAndValues) {
    JsonNode row = rowWhereOrNull(rows, columnsAndValues);
    assertThat(row).as("a row with " + String.join(" ", columnsAndValues) + " in " + rows).isNotNull();
    return row;
  }

  private static JsonNode rowWhereOrNull(JsonNode rows, String... columnsAndValues) {
    for (JsonNode row : rows) {
      boolean match = true;
      for (int i = 0; i < columnsAndValues.length; i += 2) {
        match &= row.hasNonNull(columnsAndValues[i]) && row.get(columnsAndValues[i]).asText().equals(columnsAndValues[i + 1]);
      }
      if (match) {
        return row;
      }
    }
    return null;
  }

  private static int delta(JsonNode after, JsonNode before, String column) {
    return after.get(column).asInt() - (before == null ? 0 : before.get(column).asInt());
  }

  private static List<JsonNode> filter(JsonNode rows, String dimension) {
    return StreamSupport.stream(rows.spliterator(), false)
        .filter(r -> r.get("dimension").asText().equals(dimension)).toList();
  }

  private static List<JsonNode> section(JsonNode rows, String section) {
    return StreamSupport.stream(rows.spliterator(), false)
        .filter(r -> r.get("section").asText().equals(section)).toList();
  }

  private static List<String> lines(Iterable<JsonNode> rows, String... columns) {
    List<String> lines = new ArrayList<>();
    for (JsonNode row : rows) {
      List<String> values = new ArrayList<>();
      for (String column : columns) {
        values.add(row.hasNonNull(column) ? row.get(column).asText() : "");
      }
      lines.add(String.join("|", values));
    }
    return lines;
  }
}
