package io.aftercare.adversereaction;

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
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Adverse reactions in the running application: reported by API or from a complaint, assessed and
 * reported by `safety` through the REST API Tasklist uses, the regulator's report with every field
 * per market, the deadline from the awareness date, batch signals and follow-up reports.
 */
@AftercareIT
class AdverseReactionIT {

  static final String US_INITIAL = "adverse.regulatory.US.serious";

  @LocalServerPort
  int port;

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  Http http;
  CaseWork work;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    work = new CaseWork(http, runtime, management);
  }

  // deadlines count from the awareness date in the market's calendar: CN 15 days, EU 20 days,
  // US 15 business days (Thanksgiving 26 Nov and the weekends left out)
  @ParameterizedTest(name = "{0}: {2}, due {4}")
  @CsvSource({
      "CN, wang.li@example.cn,        国妆特字G20250377, NMPA,  2026-12-01T15:59:59Z",
      "EU, sophie.martin@example.fr,  CPNP-4423108,      SUE,   2026-12-10T22:59:59Z",
      "US, emily.johnson@example.com, MOCRA-PL-0032006,  MoCRA, 2026-12-15T04:59:59Z"})
  void seriousReactionIsReportedWithEveryFieldWithinTheMarketsDeadline(String market, String email,
      String registration, String regulator, String due) {
    String awareDate = market.equals("CN") ? "2026-11-16" : market.equals("EU") ? "2026-11-20" : "2026-11-20";
    JsonNode created = report(email, market, "SUN-SPF50-50", "U2503A", awareDate).json();
    String caseNumber = created.get("caseNumber").asText();
    assertThat(created.get("reportNumber").asText()).isEqualTo("AR" + caseNumber.substring(2));

    assessAsSerious(caseNumber);
    JsonNode clock = clock(caseNumber, "adverse.regulatory." + market + ".serious");
    assertThat(Instant.parse(clock.get("dueAt").asText())).as("from the awareness date").isEqualTo(Instant.parse(due));

    JsonNode report = http.get("/api/adverse-reactions/" + caseNumber + "/reports", "safety").json().get(0);
    // the same reports by the number the regulator knows them by
    String reportNumber = "AR" + caseNumber.substring(2);
    assertThat(http.get("/api/adverse-reactions/" + reportNumber + "/reports", "safety").json().get(0).get("id").asLong())
        .isEqualTo(report.get("id").asLong());
    assertThat(http.getPage("/api/adverse-reactions/" + reportNumber + "/reports/" + report.get("id").asLong() + ".html",
        "safety").status()).isEqualTo(200);
    JsonNode content = report.get("content");
    assertThat(content.get("reportType").asText()).isEqualTo("INITIAL");
    assertThat(content.get("companyReportNumber").asText()).isEqualTo("AR" + caseNumber.substring(2));
    assertThat(content.get("regulator").asText()).contains(regulator);
    assertThat(content.get("dateReceived").asText()).isEqualTo(awareDate);
    assertThat(content.get("dateSent").asText()).isNotBlank();
    assertThat(content.get("reporter").asText()).isNotBlank();
    assertThat(content.at("/consumer/age").asInt()).isEqualTo(34);
    assertThat(content.at("/consumer/sex").asText()).isEqualTo("female");
    assertThat(content.at("/consumer/country").asText()).isNotBlank();
    assertThat(content.at("/consumer/allergyHistory").asText()).isEqualTo("Nickel");
    assertThat(content.at("/product/name").asText()).startsWith("Daily Shield Sunscreen");
    assertThat(content.at("/product/category").asText()).isEqualTo("SUN_PROTECTION");
    assertThat(content.at("/product/registrationNumber").asText()).isEqualTo(registration);
    assertThat(content.at("/product/batch").asText()).isEqualTo("U2503A");
    assertThat(content.at("/exposure/firstUseDate").asText()).isEqualTo("2026-11-10");
    assertThat(content.at("/exposure/stoppedUseDate").asText()).isEqualTo("2026-11-14");
    assertThat(content.at("/reaction/onsetDate").asText()).isEqualTo("2026-11-13");
    assertThat(content.at("/reaction/symptoms").asText()).isEqualTo("Swelling of the face, shortness of breath");
    assertThat(content.at("/reaction/bodyArea").asText()).isEqualTo("face");
    assertThat(content.at("/reaction/medicalTreatment").asBoolean()).isTrue();
    assertThat(content.at("/reaction/hospitalised").asBoolean()).isTrue();
    assertThat(content.at("/reaction/outcome").asText()).isEqualTo("Discharged after two days");
    assertThat(content.at("/seriousness/class").asText()).isEqualTo("serious");
    assertThat(content.at("/seriousness/criteria/0").asText()).isEqualTo("hospitalised");
    assertThat(content.get("causality").asText()).isEqualTo("probable");

    Http.Response printable = http.getPage("/api/adverse-reactions/" + caseNumber + "/reports/"
        + report.get("id").asText() + ".html", "safety");
    assertThat(printable.status()).isEqualTo(200);
    assertThat(printable.body()).contains("AR" + caseNumber.substring(2)).contains(registration);
    assertPrintable(printable.body(), market, caseNumber);
    assertThat(http.get("/api/adverse-reactions/" + caseNumber + "/reports", "agent").status()).isEqualTo(403);

    JsonNode submit = work.onlyTask(caseNumber, "safety");
    assertThat(submit.get("name").asText()).startsWith("报送 Submit AR");
    work.complete(submit, "safety", Map.of("submittedOn", string("2026-11-27"),
        "submissionReference", string(regulator + "-778")));
    assertThat(http.get("/api/adverse-reactions/" + caseNumber + "/reports", "safety").json().get(0)
        .get("reference").asText()).isEqualTo(regulator + "-778");
    assertThat(clock(caseNumber, "adverse.regulatory." + market + ".serious").get("state").asText()).isEqualTo("MET");

    // new medical information within the year: a follow-up report with its own deadline
    assertThat(http.post("/api/adverse-reactions/" + caseNumber + "/follow-up", "safety",
        Map.of("awareDate", "2026-11-21", "information", "Patch test positive for a fragrance allergen")).status())
        .isEqualTo(202);
    JsonNode followUp = followUpTask(caseNumber, "2026-11-21");
    work.complete(followUp, "safety", Map.of("submittedOn", string("2026-11-28"), "submissionReference",
        string(regulator + "-778-F1")));
    assertThat(clock(caseNumber, "adverse.followup." + market + ".serious:F1").get("state").asText()).isEqualTo("MET");
    List<String> numbers = new ArrayList<>();
    http.get("/api/adverse-reactions/" + caseNumber + "/reports", "safety").json()
        .forEach(r -> numbers.add(r.get("content").get("companyReportNumber").asText()));
    assertThat(numbers).containsExactly("AR" + caseNumber.substring(2), "AR" + caseNumber.substring(2) + "-F1");
  }

  /** The printed report: the market's form, labels and coded values in both languages, no JSON keys. */
  private static void assertPrintable(String page, String market, String caseNumber) {
    String title = switch (market) {
      case "CN" -> "化妆品不良反应报告表";
      case "EU" -> "Serious Undesirable Effect (SUE) Reporting Form A";
      default -> "MedWatch 3500A";
    };
    assertThat(page).contains(title)
        .contains("Print / Save as PDF · 打印 / 保存为 PDF").contains("window.print()").contains("@media print")
        .contains("size:A4")
        .contains("案件编号 / Case number").contains(caseNumber)
        .contains("性别 / Sex").contains("女 / Female")
        .contains("产品类别 / Product category").contains("防晒类 / Sun protection")
        .contains("过敏史").contains("Nickel")
        .contains("是 / Yes").contains("导致住院治疗 / Hospitalisation").contains("很可能 / Probable")
        .contains("2026-11-13").contains("Swelling of the face, shortness of breath")
        .contains("提交日期 / Submitted on").contains("未提交 / Not submitted yet");
    if (market.equals("CN")) {
      assertThat(page).contains("消费者姓名缩写 / Consumer initials").contains("生产批号 / Batch number")
          .contains("严重 / Serious").contains("国家药品监督管理局（NMPA）");
    }
    if (market.equals("US")) {
      assertThat(page).contains("患者标识（姓名缩写） / Patient identifier (initials)").contains("批号 / Lot number");
    }
    // no raw keys or codes of the stored JSON
    assertThat(page).doesNotContain("consumer.initials").doesNotContain("reaction.symptoms")
        .doesNotContain("SUN_PROTECTION").doesNotContain(">female<").doesNotContain(">true<")
        .doesNotContain(">INITIAL<").doesNotContain(">probable<").doesNotContain("seriousness.class");
  }

  @Test
  void printedReportEscapesTheConsumersWords() {
    Map<String, Object> body = body("wang.li@example.cn", "CN", "HC-DYE-4N", null, "2026-11-18");
    @SuppressWarnings("unchecked")
    Map<String, Object> reaction = (Map<String, Object>) body.get("reaction");
    reaction.put("symptoms", "<script>alert('x')</script> & \"burning\"");
    reaction.put("bodyArea", "<img src=x onerror=alert(1)>");
    Http.Response created = http.post("/api/adverse-reactions", "safety", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    assessAsSerious(caseNumber);
    long id = http.get("/api/adverse-reactions/" + caseNumber + "/reports", "safety").json().get(0).get("id").asLong();

    Http.Response page = http.getPage("/api/adverse-reactions/AR" + caseNumber.substring(2) + "/reports/" + id
        + ".html", "safety");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;burning&quot;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<script").doesNotContain("<img")
        .contains("染发类 / Hair colouring").contains("注册（特殊化妆品） / Registration (special cosmetic)")
        .contains("AR" + caseNumber.substring(2)).contains(caseNumber);
  }

  @Test
  void printedReportShowsFieldsItDoesNotKnowUnderTheirKeys() {
    Map<String, Object> consumer = new java.util.LinkedHashMap<>();
    consumer.put("initials", "S.M.");
    consumer.put("weightKg", 61);
    Map<String, Object> content = new java.util.LinkedHashMap<>();
    content.put("reportType", "FOLLOW_UP");
    content.put("companyReportNumber", "AR-2026-000777-F1");
    content.put("caseNumber", "AC-2026-000777");
    content.put("dateReceived", "2026-11-20T09:30:00Z");
    content.put("consumer", consumer);
    content.put("product", Map.of("category", "NEW_CATEGORY"));
    content.put("newTopLevel", "<b>kept</b>");
    AdverseReactions.Report report = new AdverseReactions.Report(7, "AC-2026-000777", "FOLLOW_UP", content,
        Instant.parse("2026-11-21T10:00:00Z"), java.time.LocalDate.of(2026, 11, 22), "SUE-42");

    String page = AdverseReactionReportPage.render(report, io.aftercare.customer.Market.EU);
    assertThat(page).contains("Serious Undesirable Effect (SUE) Reporting Form A")
        .contains("跟踪报告 / Follow-up report").contains("AR-2026-000777-F1").contains("AC-2026-000777")
        .contains("消费者姓名缩写 / Consumer initials").contains("S.M.")
        .contains("consumer.weightKg").contains("61")
        .contains("产品类别 / Product category").contains("<td>NEW_CATEGORY</td>")
        .contains("newTopLevel").contains("&lt;b&gt;kept&lt;/b&gt;").contains("其他信息 / Other information")
        .contains("2026-11-20</td>").contains("2026-11-22").contains("SUE-42");
  }

  @Test
  void usFollowUpElevenMonthsAfterAwarenessButTenAfterSubmissionIsAcceptedWithItsOwnDeadline() {
    // aware Fri 2026-01-02; 15 business days, New Year's Day before and MLK Day (01-19) left out:
    // Jan 5-9, 12-16, 20-23, 26 -> end of Mon 2026-01-26 in New York
    Map<String, Object> body = body("emily.johnson@example.com", "US", "SUN-SPF50-50", "U2503A", "2026-01-02");
    ((Map<String, Object>) body.get("reaction")).putAll(Map.of("firstUseDate", "2025-12-28",
        "onsetDate", "2025-12-30", "stoppedUseDate", "2025-12-31"));
    Http.Response created = http.post("/api/adverse-reactions", "safety", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    assessAsSerious(caseNumber);
    assertThat(due(clock(caseNumber, US_INITIAL))).isEqualTo("2026-01-27T04:59:59Z");
    work.fireTimer(caseNumber, "Timer_SubmitBreach");
    work.complete(work.onlyTask(caseNumber, "safety"), "safety", Map.of("submittedOn", string("2026-01-30"),
        "submissionReference", string("FDA-2026-0001")));

    // received Mon 2026-11-30: 10 months after the submission (2026-01-30), within the year of FD&C
    // Act sec. 605(b)(2); 15 business days: Dec 1-4, 7-11, 14-18, 21 -> end of Mon 2026-12-21 New York
    assertThat(http.post("/api/adverse-reactions/" + caseNumber + "/follow-up", "safety",
        Map.of("awareDate", "2026-11-30", "information", "Dermatologist confirms scarring")).status())
        .isEqualTo(202);

    JsonNode followUpClock = clock(caseNumber, "adverse.followup.US.serious:F1");
    assertThat(followUpClock.get("state").asText()).isEqualTo("RUNNING");
    assertThat(due(followUpClock)).isEqualTo("2026-12-22T04:59:59Z");
    JsonNode initial = clock(caseNumber, US_INITIAL);
    assertThat(initial.get("state").asText()).as("the initial report's clock is its own").isEqualTo("MET");
    assertThat(due(initial)).isEqualTo("2026-01-27T04:59:59Z");
    assertThat(initial.get("onTime").asBoolean()).as("submitted late").isFalse();
    assertThat(escalations(caseNumber)).contains(US_INITIAL + " level 2");
  }

  @Test
  void followUpsWhileTheInitialReportIsOpenEachHaveTheirOwnClockAndTheInitialIsStillEscalated() {
    // initial: aware Fri 2026-11-20, due end of Mon 2026-12-14 in New York (Thanksgiving left out)
    String caseNumber = report("emily.johnson@example.com", "US", "SUN-SPF50-50", "U2503A", "2026-11-20").json()
        .get("caseNumber").asText();
    assessAsSerious(caseNumber);
    // received Fri 2026-11-27: Nov 30, Dec 1-4, 7-11, 14-18 -> end of Fri 2026-12-18 in New York
    assertThat(http.post("/api/adverse-reactions/" + caseNumber + "/follow-up", "safety",
        Map.of("awareDate", "2026-11-27", "information", "Admitted to hospital again")).status()).isEqualTo(202);
    // received Mon 2026-11-30: Dec 1-4, 7-11, 14-18, 21 -> end of Mon 2026-12-21 in New York
    assertThat(http.post("/api/adverse-reactions/" + caseNumber + "/follow-up", "safety",
        Map.of("awareDate", "2026-11-30", "information", "Discharged")).status()).isEqualTo(202);
    assertThat(work.tasks(caseNumber, "safety")).hasSize(3);
    assertThat(due(clock(caseNumber, "adverse.followup.US.serious:F1"))).isEqualTo("2026-12-19T04:59:59Z");
    assertThat(due(clock(caseNumber, "adverse.followup.US.serious:F2"))).isEqualTo("2026-12-22T04:59:59Z");

    try {
      // F1 submitted on 1 December, before its deadline
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T15:00:00Z")));
      work.complete(followUpTask(caseNumber, "2026-11-27"), "safety", Map.of("submittedOn", string("2026-12-01"),
          "submissionReference", string("FDA-F1")));

      assertThat(clock(caseNumber, "adverse.followup.US.serious:F1").get("state").asText()).isEqualTo("MET");
      assertThat(clock(caseNumber, "adverse.followup.US.serious:F2").get("state").asText()).isEqualTo("RUNNING");
      JsonNode initial = clock(caseNumber, US_INITIAL);
      assertThat(initial.get("state").asText()).as("a follow-up stops only its own clock").isEqualTo("RUNNING");
      assertThat(due(initial)).isEqualTo("2026-12-15T04:59:59Z");

      // the initial report is late: at its deadline its breach timer still escalates it
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-15T05:00:00Z")));
      work.fireTimer(caseNumber, "Timer_SubmitBreach");
      assertThat(escalations(caseNumber)).containsExactly(US_INITIAL + " level 2");
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-16T15:00:00Z")));
      JsonNode submit = work.tasks(caseNumber, "safety").stream()
          .filter(t -> t.get("taskDefinitionKey").asText().equals("Task_Submit")).findFirst().orElseThrow();
      work.complete(submit, "safety", Map.of("submittedOn", string("2026-12-16"), "submissionReference",
          string("FDA-1")));
    } finally {
      ClockUtil.reset();
    }
    JsonNode initial = clock(caseNumber, US_INITIAL);
    assertThat(initial.get("state").asText()).isEqualTo("MET");
    assertThat(initial.get("onTime").asBoolean()).isFalse();
    assertThat(clock(caseNumber, "adverse.followup.US.serious:F1").get("onTime").asBoolean()).isTrue();
    List<String> numbers = new ArrayList<>();
    http.get("/api/adverse-reactions/" + caseNumber + "/reports", "safety").json()
        .forEach(r -> numbers.add(r.get("content").get("companyReportNumber").asText()));
    assertThat(numbers).containsExactly("AR" + caseNumber.substring(2), "AR" + caseNumber.substring(2) + "-F1",
        "AR" + caseNumber.substring(2) + "-F2");
  }

  @Test
  void theDatesOfAReactionMustFollowEachOther() {
    Map<String, Object> body = body("wang.li@example.cn", "CN", "SK-SERUM-30", null, "2026-11-20");
    @SuppressWarnings("unchecked")
    Map<String, Object> reaction = (Map<String, Object>) body.get("reaction");
    // first used after the reaction began, and stopped before it was first used
    reaction.put("firstUseDate", "2026-11-15");
    reaction.put("onsetDate", "2026-11-13");
    reaction.put("stoppedUseDate", "2026-11-12");
    Map<String, String> problems = io.aftercare.support.CaseWork.fieldMessages(
        http.post("/api/adverse-reactions", "safety", body));
    assertThat(problems).containsEntry("reaction.firstUseDate", "must not be after onsetDate (a reaction follows use)")
        .containsEntry("reaction.stoppedUseDate", "must not be before firstUseDate");
  }

  @Test
  void followUpOfAReactionNotYetAssessedIsRefused() {
    String caseNumber = report("lukas.schneider@example.de", "EU", "SK-CREAM-50", null, "2026-11-19").json()
        .get("caseNumber").asText();

    Http.Response response = http.post("/api/adverse-reactions/" + caseNumber + "/follow-up", "safety",
        Map.of("awareDate", "2026-11-21", "information", "x"));
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body()).contains("not assessed yet");
    assertThat(badFields(http.post("/api/adverse-reactions/" + caseNumber + "/follow-up", "safety",
        Map.of("awareDate", "2026-11-18", "information", "x")))).containsExactly("awareDate");
  }

  @Test
  void generalReactionInEuropeIsNotReportedAndHasNoFollowUpReport() {
    String caseNumber = report("lukas.schneider@example.de", "EU", "SK-CREAM-50", null, "2026-11-19").json()
        .get("caseNumber").asText();
    work.complete(work.onlyTask(caseNumber, "safety"), "safety", criteria(false));
    work.complete(work.onlyTask(caseNumber, "safety"), "safety", Map.of("causality", string("possible"),
        "assessmentNote", string("Mild redness")));

    assertThat(work.onlyTask(caseNumber, "safety").get("name").asText()).startsWith("健康随访 Follow up L. S.");
    assertThat(http.get("/api/adverse-reactions/" + caseNumber + "/reports", "safety").json()).isEmpty();
    assertThat(http.post("/api/adverse-reactions/" + caseNumber + "/follow-up", "safety",
        Map.of("awareDate", "2026-11-21", "information", "x")).status()).isEqualTo(409);
  }

  @Test
  void thirdReportOnABatchWithinTheWindowOpensASignalReview() {
    List<String> cases = new ArrayList<>();
    for (String email : new String[] {"wang.li@example.cn", "chen.jing@example.cn", "liu.yang@example.cn"}) {
      String caseNumber = report(email, "CN", "HC-DYE-4N", "H2605B", "2026-11-18").json().get("caseNumber").asText();
      work.complete(work.onlyTask(caseNumber, "safety"), "safety", criteria(false));
      work.complete(work.onlyTask(caseNumber, "safety"), "safety", Map.of("causality", string("possible"),
          "assessmentNote", string("-")));
      JsonNode submit = work.onlyTask(caseNumber, "safety");
      work.complete(submit, "safety", Map.of("submittedOn", string("2026-11-20"), "submissionReference", string("R")));
      cases.add(caseNumber);
    }
    assertThat(work.onlyTask(cases.get(0), "safety").get("name").asText()).startsWith("健康随访 Follow up");
    assertThat(work.onlyTask(cases.get(2), "safety").get("name").asText()).startsWith("批次信号 Review batch signal H2605B");
  }

  @Test
  void irritationComplaintStartsTheReportOnTheSameCase() {
    String caseNumber = http.post("/api/complaints", "agent", Map.of(
        "channel", "app",
        "customer", Map.of("name", "Giulia Rossi", "phone", "+393400000003", "market", "EU", "locale", "en"),
        "product", Map.of("sku", "SK-SERUM-30", "batch", "S2603C"),
        "purchase", Map.of("channel", "online", "date", "2026-11-01"),
        "description", "My cheeks burn after applying the serum.")).json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("category", string("irritation_allergy"),
        "severity", integer(2), "evidenceComplete", bool(true)));
    work.runJobs(caseNumber);

    JsonNode details = work.onlyTask(caseNumber, "safety");
    assertThat(details.get("name").asText()).isEqualTo("登记详情 Case details " + caseNumber + " · SK-SERUM-30 Barrier Repair Serum 30 ml");
  }

  @Test
  void badReportsAreNamedAndNothingIsStored() {
    Http.Response empty = http.post("/api/adverse-reactions", "safety", Map.of());
    assertThat(badFields(empty)).contains("customer", "product", "reaction");
    Map<String, Object> body = body("nobody@example.com", "EU", "NO-SUCH", null, "2026-11-10");
    ((Map<String, Object>) body.get("reaction")).put("onsetDate", "2026-11-12");
    assertThat(badFields(http.post("/api/adverse-reactions", "safety", body)))
        .containsExactlyInAnyOrder("product.sku", "reaction.onsetDate");
    assertThat(http.post("/api/adverse-reactions", "returns", Map.of()).status()).isEqualTo(403);
    assertThat(http.post("/api/adverse-reactions/AC-2026-999996/follow-up", "safety",
        Map.of("awareDate", "2026-11-21", "information", "x")).status()).isEqualTo(404);
  }

  private void assessAsSerious(String caseNumber) {
    Map<String, Object> details = new HashMap<>(criteria(true));
    details.put("outcome", string("Discharged after two days"));
    work.complete(work.onlyTask(caseNumber, "safety"), "safety", details);
    JsonNode assess = work.onlyTask(caseNumber, "safety");
    assertThat(assess.get("name").asText()).isEqualTo("评估 Assess " + caseNumber + " · 严重 serious");
    work.complete(assess, "safety", Map.of("causality", string("probable"), "assessmentNote", string("Temporal link")));
  }

  /** The case-details form: every criterion answered; hospitalised as given. */
  private static Map<String, Object> criteria(boolean hospitalised) {
    Map<String, Object> values = new HashMap<>();
    for (String criterion : AdverseReactionProcess.CRITERIA) {
      values.put(criterion, bool(criterion.equals("hospitalised") && hospitalised));
    }
    return values;
  }

  private Http.Response report(String email, String market, String sku, String batch, String awareDate) {
    Http.Response response = http.post("/api/adverse-reactions", "safety", body(email, market, sku, batch, awareDate));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response;
  }

  private static Map<String, Object> body(String email, String market, String sku, String batch, String awareDate) {
    Map<String, Object> product = new HashMap<>();
    product.put("sku", sku);
    if (batch != null) {
      product.put("batch", batch);
    }
    Map<String, Object> reaction = new HashMap<>(Map.of("awareDate", awareDate, "firstUseDate", "2026-11-10",
        "onsetDate", "2026-11-13", "stoppedUseDate", "2026-11-14",
        "symptoms", "Swelling of the face, shortness of breath", "bodyArea", "face",
        "allergyHistory", "Nickel", "medicalTreatment", true, "hospitalised", true));
    return new HashMap<>(Map.of(
        "customer", Map.of("name", "Consumer", "email", email, "market", market, "locale", "en", "age", 34,
            "sex", "female"),
        "product", product, "reaction", reaction));
  }

  private JsonNode followUpTask(String caseNumber, String received) {
    return work.tasks(caseNumber, "safety").stream()
        .filter(t -> t.get("name").asText().startsWith("报送随访 Submit follow-up")
            && t.get("name").asText().endsWith("received " + received))
        .findFirst().orElseThrow();
  }

  private static String due(JsonNode clock) {
    return Instant.parse(clock.get("dueAt").asText()).toString();
  }

  /** The case's escalations as "target level n". */
  private List<String> escalations(String caseNumber) {
    List<String> escalations = new ArrayList<>();
    http.get("/api/cases/" + caseNumber, "supervisor").json().get("escalations")
        .forEach(e -> escalations.add(e.get("target").asText() + " level " + e.get("level").asInt()));
    return escalations;
  }

  private JsonNode clock(String caseNumber, String target) {
    return CaseWork.clock(http.get("/api/cases/" + caseNumber, "supervisor").json(), target);
  }

}
