package io.aftercare.returns;

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
import io.aftercare.support.PartnerStub;
import io.aftercare.support.Requests;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Returns as their users work them: requested through the API, reviewed and inspected by the
 * returns clerk through the REST API Tasklist uses, the parcel scanned by the warehouse, refunded
 * or replaced through the payment gateway and fulfilment service (a stub on port 3927), on the
 * application's database (H2, and PostgreSQL in CI).
 */
@AftercareIT
class ReturnIT {

  static PartnerStub partners;

  @LocalServerPort
  int port;

  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  Http http;
  CaseWork work;

  @BeforeAll
  static void startPartners() {
    partners = new PartnerStub(3927);
  }

  @AfterAll
  static void stopPartners() {
    partners.close();
  }

  @BeforeEach
  void setUp() {
    http = new Http(port);
    work = new CaseWork(http, runtime, management);
  }

  @Test
  void qualityDefectInChinaIsTakenBackWithoutReviewAndRefundedOnce() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Http.Response created = http.post("/api/returns", "agent", Requests.returnRequest(1, "SUN-SPF50-50", "U2604B", today.minusDays(5),
        today.minusDays(3), "quality_defect", true, "refund"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    String rma = created.json().get("rmaNumber").asText();
    assertThat(rma).isEqualTo("RMA" + caseNumber.substring(2));
    work.runJobs(caseNumber);

    JsonNode parcel = work.onlyTask(caseNumber, "returns");
    assertThat(parcel.get("name").asText()).isEqualTo("签收 Receive parcel " + rma + " · SUN-SPF50-50 Daily Shield Sunscreen SPF50+ PA++++ 50 ml");
    Http.Response receipt = http.post("/api/returns/" + rma + "/receipt", "returns",
        Map.of("receivedOn", today.toString(), "condition", "opened", "batch", "U2604B"));
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
    Http.Response again = http.post("/api/returns/" + rma + "/receipt", "returns",
        Map.of("receivedOn", today.toString(), "condition", "opened", "batch", "U2604B"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains(rma + " is not waiting for a parcel");

    JsonNode inspection = work.onlyTask(caseNumber, "returns");
    assertThat(inspection.get("name").asText()).startsWith("检验 Inspect " + rma);
    assertThat(inspection.get("due").asText()).isNotBlank();
    work.complete(inspection, "returns", Map.of("conditionMatches", bool(true), "inspectedBatch", string("U2604B"),
        "inspectionNote", string("Pump blocked; product discoloured.")));
    work.runJobs(caseNumber);

    assertThat(partners.refunds()).containsKey(rma);
    assertThat(partners.calls().stream().filter(c -> rma.equals(c.idempotencyKey())).count()).isEqualTo(1);
    JsonNode view = http.get("/api/cases/" + caseNumber, "agent").json();
    assertThat(CaseWork.customerTemplates(view)).containsExactly("return-instructions-brand", "return-refunded");
    assertThat(clock(view, "return.refund").get("state").asText()).isEqualTo("MET");
    JsonNode recorded = http.get("/api/returns/" + rma, "returns").json();
    assertThat(recorded.get("outcome").asText()).isEqualTo("refunded");
    assertThat(recorded.get("refundReference").asText()).isEqualTo(partners.refunds().get(rma));
    assertThat(recorded.get("inspectedLot").asText()).isEqualTo("U2604B");
    assertThat(recorded.get("daysSinceDelivery").asInt()).isEqualTo(3);
    assertThat(recorded.get("decidedBy").asText()).isEqualTo("returnEligibility");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("callbackFollowUp")
        .processInstanceBusinessKey(caseNumber).count()).as("callback requested").isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("returnExchange")
        .processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  /** Lukas Schneider, a demo customer in Germany. */
  static final long LUKAS = 5;

  @Test
  void euWithdrawalWhoseFourteenthDayWasASaturdayIsTakenBackUntilTheMondayAfter() {
    // delivered Sat 7 Nov 2026: day 14 is Sat 21 Nov, so the period runs to Mon 23 Nov (day 16)
    assertThat(withdrawalOn(LUKAS, "2026-11-07", "2026-11-22T09:00:00Z").get("eligible").asBoolean())
        .as("day 15, Sunday").isTrue();
    JsonNode monday = withdrawalOn(LUKAS, "2026-11-07", "2026-11-23T09:00:00Z");
    assertThat(monday.get("eligible").asBoolean()).as("day 16, Monday").isTrue();
    assertThat(monday.get("daysSinceDelivery").asInt()).isEqualTo(16);
    assertThat(monday.get("approved").asBoolean()).as("decided by the table, no rejection sent").isTrue();
    assertThat(withdrawalOn(LUKAS, "2026-11-07", "2026-11-24T09:00:00Z").get("eligible").asBoolean())
        .as("day 17, Tuesday").isFalse();
    // delivered Fri 20 Mar 2026: day 14 is Good Friday, a German holiday, then the Easter weekend
    // and Easter Monday: the period runs to Tue 7 Apr (day 18); France works on Good Friday
    assertThat(withdrawalOn(LUKAS, "2026-03-20", "2026-04-07T08:00:00Z").get("eligible").asBoolean())
        .as("day 18 in Germany").isTrue();
    assertThat(withdrawalOn(4, "2026-03-20", "2026-04-07T08:00:00Z").get("eligible").asBoolean())
        .as("day 18 in France").isFalse();
  }

  @Test
  void refundAfterAnEuWithdrawalIsDueFourteenDaysAfterTheRequestToAWorkingDayInTheConsumersCountry() {
    // Lukas (DE) withdraws on Monday 11 May 2026: day 14 is Whit Monday (25 May), a public holiday
    // in Germany, so the refund is due by the end of Tuesday 26 May in Berlin (21:59:59 UTC); the
    // brand's own target would have counted 7 days from the receipt
    String caseNumber;
    String rma;
    try {
      ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-05-11T09:00:00Z")));
      Http.Response created = http.post("/api/returns", "agent", Requests.returnRequest(LUKAS, "SK-SERUM-30", null,
          LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 6), "changed_mind", false, "refund"));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      caseNumber = created.json().get("caseNumber").asText();
      rma = created.json().get("rmaNumber").asText();
      work.runJobs(caseNumber);
      ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-05-13T09:00:00Z")));
      Http.Response receipt = http.post("/api/returns/" + rma + "/receipt", "returns",
          Map.of("receivedOn", "2026-05-13", "condition", "sealed"));
      assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
    } finally {
      ClockUtil.reset();
    }
    JsonNode refund = clock(http.get("/api/cases/" + caseNumber, "agent").json(), "return.refund.EU.withdrawal");
    assertThat(refund.get("startedAt").asText()).as("the day of the withdrawal in Berlin").isEqualTo("2026-05-10T22:00:00Z");
    assertThat(refund.get("dueAt").asText()).isEqualTo("2026-05-26T21:59:59Z");
    assertThat(refund.get("calendar").asText()).isEqualTo("DE");
    assertThat(java.time.OffsetDateTime.parse(work.onlyTask(caseNumber, "returns").get("due").asText(),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
        .as("the inspection task is due with the refund").isEqualTo(java.time.Instant.parse("2026-05-26T21:59:59Z"));
  }

  @Test
  void anEuCustomerNeedsACountryWithACalendarAndDatesItCovers() {
    Map<String, Object> noCountry = Requests.returnRequest(0, "SK-SERUM-30", null, LocalDate.now().minusDays(5),
        LocalDate.now().minusDays(3), "changed_mind", false, "refund");
    noCountry.put("customer", Map.of("name", "Anna Berg", "email", "anna.berg-" + System.nanoTime() + "@example.at",
        "market", "EU", "locale", "en"));
    assertThat(CaseWork.fieldMessages(http.post("/api/returns", "agent", noCountry))).containsEntry("customer.country",
        "must be given for an EU customer (ISO 3166-1 alpha-2, e.g. AT): return periods end on a working day of the"
            + " consumer's country");
    Map<String, Object> unknown = new HashMap<>(noCountry);
    unknown.put("customer", Map.of("name", "Anna Berg", "email", "anna.berg-" + System.nanoTime() + "@example.pt",
        "market", "EU", "locale", "en", "country", "PT"));
    assertThat(CaseWork.fieldMessages(http.post("/api/returns", "agent", unknown)).get("customer.country"))
        .startsWith("has no calendar in Aftercare (EU countries with one: AT, BE, DE, ES, FR, IE, IT, NL)");
    Map<String, Object> old = Requests.returnRequest(LUKAS, "SK-SERUM-30", null, LocalDate.of(2019, 11, 20),
        LocalDate.of(2019, 11, 22), "quality_defect", true, "refund");
    assertThat(CaseWork.fieldMessages(http.post("/api/returns", "agent", old)).get("purchase.deliveredOn"))
        .contains("DE calendar has no 2019");
  }

  private JsonNode withdrawalOn(long customerId, String deliveredOn, String requestedAt) {
    LocalDate delivered = LocalDate.parse(deliveredOn);
    try {
      ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(requestedAt)));
      Http.Response created = http.post("/api/returns", "agent", Requests.returnRequest(customerId, "SK-SERUM-30", null,
          delivered.minusDays(2), delivered, "changed_mind", false, "refund"));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      work.runJobs(created.json().get("caseNumber").asText());
      return http.get("/api/returns/" + created.json().get("rmaNumber").asText(), "returns").json();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aParcelTaskEndedByTheTimeoutShowsAsCancelledOnTheTimeline() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Http.Response created = http.post("/api/returns", "agent", Requests.returnRequest(1, "SUN-SPF50-50", "U2604B", today.minusDays(5),
        today.minusDays(3), "quality_defect", true, "refund"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    JsonNode parcel = work.onlyTask(caseNumber, "returns");
    String processInstance = runtime.createProcessInstanceQuery().processDefinitionKey("returnExchange")
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
    // the 14-day timeout fires, run as a user would run it from Cockpit
    String timeout = management.createJobQuery().processInstanceId(processInstance).activityId("Timer_ParcelTimeout")
        .singleResult().getId();
    assertThat(http.post("/engine-rest/job/" + timeout + "/execute", "admin:admin-test", Map.of()).status()).isEqualTo(204);

    JsonNode timeline = http.get("/api/cases/" + caseNumber + "/timeline", "agent").json().get("entries");
    List<JsonNode> parcelEntries = new ArrayList<>();
    timeline.forEach(e -> {
      if (e.get("title").asText().equals(parcel.get("name").asText())) {
        parcelEntries.add(e);
      }
    });
    assertThat(parcelEntries).extracting(e -> e.get("type").asText()).containsExactly("TASK_CREATED", "TASK_CANCELLED");
    assertThat(parcelEntries.get(0).get("who").asText()).as("created for its candidate group").isEqualTo("returns");
    assertThat(parcelEntries.get(1).get("detail").asText()).isEqualTo("ended by No parcel in time");
    assertThat(parcelEntries.get(1).has("who")).as("nobody completed it").isFalse();
  }

  @Test
  void guaranteeClaimInEuropeIsReviewedByTheClerkAndRejectedWithTheReason() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    Http.Response created = http.post("/api/returns", "returns", Requests.returnRequest(4, "SK-SERUM-30", null, today.minusDays(102),
        today.minusDays(100), "quality_defect", true, "refund"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    String rma = created.json().get("rmaNumber").asText();

    JsonNode review = work.onlyTask(caseNumber, "returns");
    assertThat(review.get("name").asText()).isEqualTo("审核 Review return " + rma + " · 质量问题 · 第100天");
    assertThat(review.get("due").asText()).isNotBlank();
    JsonNode form = http.get("/engine-rest/task/" + review.get("id").asText() + "/form-variables", "returns").json();
    assertThat(form.get("eligibilityBasis").get("value").asText()).isEqualTo("EU: 2-year legal guarantee: check the defect");
    assertThat(form.get("approved").get("value").asBoolean()).isTrue();
    work.complete(review, "returns", Map.of("approved", bool(false), "settlement", string("refund"),
        "shippingPaidBy", string("customer"), "decisionNote", string("The serum was used up; no defect shows in the photos.")));
    work.runJobs(caseNumber);

    JsonNode view = http.get("/api/cases/" + caseNumber, "agent").json();
    assertThat(CaseWork.customerTemplates(view)).containsExactly("return-rejected");
    assertThat(clock(view, "return.review").get("state").asText()).isEqualTo("MET");
    JsonNode recorded = http.get("/api/returns/" + rma, "agent").json();
    assertThat(recorded.get("outcome").asText()).isEqualTo("rejected");
    assertThat(recorded.get("decidedBy").asText()).isEqualTo("returns");
    Http.Response receipt = http.post("/api/returns/" + rma + "/receipt", "returns",
        Map.of("receivedOn", today.toString(), "condition", "used"));
    assertThat(receipt.status()).isEqualTo(409);
    assertThat(receipt.json().get("detail").asText()).contains("rejected");
  }

  @Test
  void exchangeAgreedInAComplaintIsShippedAndTheComplaintRecordsIt() {
    Http.Response complaint = http.post("/api/complaints", "agent", Map.of(
        "channel", "phone", "customer", Map.of("id", 7),
        "product", Map.of("sku", "MU-LIP-R12", "batch", "L2609B"),
        "purchase", Map.of("orderNumber", "US-55120", "channel", "online", "date", "2026-09-01"),
        "description", "Received shade 04 instead of 12 Rosewood."));
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
    String caseNumber = complaint.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("category", string("shade_mismatch"),
        "severity", integer(3), "evidenceComplete", bool(true)));
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("resolution", string("exchange"),
        "resolutionNote", string("We send shade 12; please return the wrong lipstick with the label we mail you.")));
    work.runJobs(caseNumber);

    String rma = "RMA" + caseNumber.substring(2);
    JsonNode recorded = http.get("/api/returns/" + rma, "returns").json();
    assertThat(recorded.get("origin").asText()).isEqualTo("complaint");
    assertThat(recorded.get("reason").asText()).isEqualTo("wrong_item");
    assertThat(recorded.get("settlement").asText()).isEqualTo("exchange");
    assertThat(http.post("/api/returns/" + rma + "/receipt", "returns",
        Map.of("receivedOn", LocalDate.now(ZoneId.of("America/New_York")).toString(), "condition", "sealed",
            "batch", "L2609B")).status()).isEqualTo(202);
    work.complete(work.onlyTask(caseNumber, "returns"), "returns", Map.of("conditionMatches", bool(true),
        "inspectedBatch", string("L2609B"), "inspectionNote", string("Shade 04, sealed.")));
    work.runJobs(caseNumber);

    assertThat(partners.shipments()).containsKey(rma);
    assertThat(jdbc.sql("select return_outcome from complaint where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("REPLACED");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("complaintHandling")
        .processInstanceBusinessKey(caseNumber).count()).as("complaint closed").isZero();
    List<Object> reasons = new ArrayList<>();
    runtime.createProcessInstanceQuery().processDefinitionKey("callbackFollowUp").processInstanceBusinessKey(caseNumber)
        .list().forEach(p -> reasons.add(runtime.getVariable(p.getId(), "reason")));
    assertThat(reasons).as("one callback, after the exchange").containsExactly("return_completed");
    JsonNode view = http.get("/api/cases/" + caseNumber, "agent").json();
    assertThat(CaseWork.customerTemplates(view)).contains("complaint-outcome", "return-instructions-brand", "return-replaced");
  }

  /**
   * The returns clerk's parcel form is checked by the warehouse scan's rules: a parcel "received"
   * next month or with a 33-character batch is refused naming the form's fields (not a 500), and
   * the task stays open until the values are right.
   */
  @Test
  void theParcelFormIsCheckedByTheScansRules() {
    String rma = work.returnWaitingForParcel(1);
    String caseNumber = "AC" + rma.substring(3);
    JsonNode parcel = work.onlyTask(caseNumber, "returns");
    String tooLong = "B".repeat(33);
    Http.Response refused = http.post("/engine-rest/task/" + parcel.get("id").asText() + "/submit-form", "returns",
        Map.of("variables", Map.of("receivedOn", CaseWork.string(LocalDate.now().plusMonths(1).toString()),
            "receivedCondition", CaseWork.string("opened"), "receivedBatch", CaseWork.string(tooLong))));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(CaseWork.badFields(refused)).containsExactlyInAnyOrder("receivedOn", "receivedBatch");
    assertThat(work.onlyTask(caseNumber, "returns").get("id").asText()).isEqualTo(parcel.get("id").asText());

    Http.Response received = http.post("/engine-rest/task/" + parcel.get("id").asText() + "/submit-form", "returns",
        Map.of("variables", Map.of("receivedOn", CaseWork.string(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()),
            "receivedCondition", CaseWork.string("opened"), "receivedBatch", CaseWork.string("U2604B"))));
    assertThat(received.status()).as(received.body()).isEqualTo(204);
  }

  @Test
  void badRequestsAreRefusedNamingTheFieldsAndStoreNothing() {
    long before = jdbc.sql("select count(*) from return_request").query(Long.class).single();

    Http.Response empty = http.post("/api/returns", "agent", Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.contentType()).startsWith("application/problem+json");
    assertThat(badFields(empty)).contains("customer", "product", "purchase", "reason", "opened", "requested");

    Map<String, Object> bad = Requests.returnRequest(1, "NO-SUCH-SKU", null, LocalDate.now().minusDays(3), null, "changed_mind",
        false, "refund");
    bad.put("caseNumber", "AC-2026-999999");
    Http.Response references = http.post("/api/returns", "agent", bad);
    assertThat(references.status()).isEqualTo(400);
    assertThat(badFields(references)).containsExactlyInAnyOrder("product.sku", "caseNumber", "purchase.deliveredOn");

    Map<String, Object> wrongValues = Requests.returnRequest(1, "SUN-SPF50-50", null, LocalDate.now().minusDays(3),
        LocalDate.now().minusDays(4), "changed_mind", false, "refund");
    wrongValues.put("reason", "bored");
    Http.Response values = http.post("/api/returns", "agent", wrongValues);
    assertThat(values.status()).isEqualTo(400);
    assertThat(badFields(values)).contains("reason");
    assertThat(values.body()).contains("must be one of quality_defect, adverse_reaction, wrong_item");
    Http.Response future = http.post("/api/returns", "agent", Requests.returnRequest(1, "SUN-SPF50-50", null,
        LocalDate.now().plusDays(3), LocalDate.now().plusDays(4), "changed_mind", false, "refund"));
    assertThat(badFields(future)).containsExactlyInAnyOrder("purchase.date", "purchase.deliveredOn");
    assertThat(jdbc.sql("select count(*) from return_request").query(Long.class).single()).isEqualTo(before);

    assertThat(http.post("/api/returns/RMA-2026-999999/receipt", "returns",
        Map.of("receivedOn", "2026-11-01", "condition", "sealed")).status()).isEqualTo(404);
    Http.Response malformed = http.post("/api/returns/RMA-1/receipt", "returns",
        Map.of("receivedOn", "2026-11-01", "condition", "sealed"));
    assertThat(malformed.status()).isEqualTo(400);
    Http.Response noCondition = http.post("/api/returns/RMA-2026-999999/receipt", "returns", Map.of("receivedOn", "2026-11-01"));
    assertThat(badFields(noCondition)).containsExactly("condition");
    assertThat(http.post("/api/returns/RMA-2026-999999/receipt", "agent",
        Map.of("receivedOn", "2026-11-01", "condition", "sealed")).status()).as("scans are for returns clerks").isEqualTo(403);
    assertThat(http.post("/api/returns", "safety", Map.of()).status()).isEqualTo(403);
  }
}
