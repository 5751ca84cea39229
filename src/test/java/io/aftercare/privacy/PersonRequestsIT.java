package io.aftercare.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/** A person's requests (export, erasure) and the retention job. */
@AftercareIT
class PersonRequestsIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired CustomerData data;
  @Autowired RetentionJob retention;

  Http http;
  CaseWork work;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    work = new CaseWork(http, runtime, management);
  }

  record Person(long customerId, String caseNumber, String email) {}

  private Person complaint(String name) {
    String email = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
    Http.Response created = http.post("/api/complaints", "agent", Map.of(
        "channel", "web",
        "customer", Map.of("name", name, "email", email, "market", "EU", "locale", "en"),
        "product", Map.of("sku", "SK-SERUM-30"),
        "purchase", Map.of("orderNumber", "EU-" + email.hashCode(), "channel", "online", "date", "2026-10-28"),
        "description", "Smells rancid, says " + name,
        "attachments", List.of(Map.of("name", "bottle.jpg", "url", "https://files.example.com/" + email + ".jpg"))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);
    return new Person(customer(caseNumber), caseNumber, email);
  }

  private Person reaction(String name, String market) {
    String email = "reacting-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Map<String, Object> reaction = new HashMap<>(Map.of("awareDate", "2026-11-19", "onsetDate", "2026-11-13",
        "symptoms", "Burning of the scalp", "bodyArea", "scalp", "medicalTreatment", true, "hospitalised", false));
    Http.Response created = http.post("/api/adverse-reactions", "safety", Map.of(
        "customer", Map.of("name", name, "email", email, "market", market, "locale", "en"),
        "product", Map.of("sku", "SK-CREAM-50"), "reaction", reaction));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    return new Person(customer(caseNumber), caseNumber, email);
  }

  private long customer(String caseNumber) {
    return jdbc.sql("select customer_id from case_file where case_number = ?").param(caseNumber)
        .query(Long.class).single();
  }

  /** Every process of the case ends (as a case that was closed). */
  private void close(Person person) {
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(person.caseNumber()).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "closed for the test"));
  }

  /** As if the case had closed and the customer registered {@code years} years ago. */
  private void age(Person person, int years) {
    Timestamp then = Timestamp.from(Instant.now().atOffset(ZoneOffset.UTC).minusYears(years).toInstant());
    jdbc.sql("update ACT_HI_PROCINST set END_TIME_ = ? where BUSINESS_KEY_ = ?").params(then, person.caseNumber()).update();
    jdbc.sql("update case_file set opened_at = ? where case_number = ?").params(then, person.caseNumber()).update();
    jdbc.sql("update customer set created_at = ? where id = ?").params(then, person.customerId()).update();
  }

  @Test
  void theExportHoldsEveryTablesRowsForThePersonAndIsLogged() {
    Person person = complaint("Camille Durand");
    assertThat(http.get("/api/customers/" + person.customerId() + "/contact?purpose=call&caseNumber="
        + person.caseNumber(), "agent").status()).isEqualTo(200);

    Http.Response response = http.get("/api/customers/" + person.customerId() + "/export", "privacy");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode export = response.json();
    assertThat(export.get("customer").get(0).get("email").asText()).isEqualTo(person.email());
    for (Map.Entry<String, String> table : data.personalTables().entrySet()) {
      String where = table.getValue().equals("case_number")
          ? "case_number in (select case_number from case_file where customer_id = ?)" : table.getValue() + " = ?";
      long rows = jdbc.sql("select count(*) from " + table.getKey() + " where " + where).param(person.customerId())
          .query(Long.class).single();
      assertThat(export.get(table.getKey())).as(table.getKey()).isNotNull();
      assertThat(export.get(table.getKey()).size()).as("rows of " + table.getKey()).isEqualTo((int) rows);
    }
    assertThat(data.personalTables()).containsKeys("complaint", "complaint_attachment", "case_file", "notification",
        "sla_clock", "adverse_reaction", "return_request", "callback", "satisfaction", "personal_data_access");
    assertThat(export.get("complaint_attachment").size()).isEqualTo(1);
    assertThat(export.get("camunda").get("processes").size()).isPositive();
    assertThat(http.get("/api/customers/" + person.customerId() + "/export", "supervisor").status()).isEqualTo(403);
    assertThat(http.get("/api/audit/access?customer=" + person.customerId(), "privacy").body())
        .contains("\"data\":\"EXPORT\"");
  }

  @Test
  void erasureKeepsWhatTheLawRequiresWithInitialsOnlyAndRefusesWhileACaseIsOpen() {
    Person reported = reaction("Emily Vance", "US");
    assertThat(http.post("/api/customers/" + reported.customerId() + "/erasure", "privacy", Map.of()).status())
        .as("the case is open").isEqualTo(409);
    close(reported);

    Http.Response erased = http.post("/api/customers/" + reported.customerId() + "/erasure", "privacy", Map.of());
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().get("kept").get(0).get("what").asText()).contains("adverse-reaction record " + reported.caseNumber());
    assertThat(erased.json().get("kept").get(0).get("why").asText()).contains("legal hold until 2032-11-19");
    Map<String, Object> customer = jdbc.sql("select name, email, phone, consent_email from customer where id = ?")
        .param(reported.customerId()).query().singleRow();
    assertThat(customer.get("name")).isEqualTo("E.V.");
    assertThat(customer.get("email")).isNull();
    assertThat(customer.get("consent_email")).isEqualTo(false);
    assertThat(jdbc.sql("select symptoms from adverse_reaction where case_number = ?").param(reported.caseNumber())
        .query(String.class).single()).as("the report's required fields stay").isEqualTo("Burning of the scalp");
    assertThat(http.post("/api/customers/" + reported.customerId() + "/erasure", "agent", Map.of()).status())
        .isEqualTo(403);
  }

  @Test
  void retentionWithTheClockMovedForwardAnonymisesExactlyTheExpiredAndKeepsWhatIsHeld() {
    Person expired = complaint("Chloé Bernard");
    close(expired);
    Person open = complaint("Nora Petit");
    Person heldUs = reaction("Hank Miller", "US");      // US record: 6 years from 2026-11-19
    close(heldUs);
    Person releasedCn = reaction("Li Wei", "CN");        // CN record: 3 years from 2026-11-19
    close(releasedCn);

    // four years on (a dry run: nothing changes)
    Instant later = Instant.now().atOffset(ZoneOffset.UTC).plusYears(4).toInstant();
    Map<Long, String> planned = new HashMap<>();
    retention.run(later, true).forEach(step -> planned.put(step.customerId(), step.action()));
    assertThat(planned).containsEntry(expired.customerId(), "anonymise")
        .containsEntry(heldUs.customerId(), "anonymise, initials kept (legal hold)")
        .containsEntry(releasedCn.customerId(), "anonymise")
        .doesNotContainKey(open.customerId());
    assertThat(jdbc.sql("select email from customer where id = ?").param(expired.customerId()).query(String.class)
        .single()).as("a dry run changes nothing").isEqualTo(expired.email());

    // the real run today finds the customers whose cases closed four years ago
    age(expired, 4);
    age(heldUs, 4);
    Http.Response run = http.post("/api/privacy/retention", "privacy", Map.of());
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    List<Long> done = new ArrayList<>();
    run.json().forEach(step -> done.add(step.get("customerId").asLong()));
    assertThat(done).contains(expired.customerId(), heldUs.customerId())
        .doesNotContain(open.customerId(), releasedCn.customerId());

    assertThat(jdbc.sql("select name from customer where id = ?").param(expired.customerId()).query(String.class)
        .single()).isEqualTo(CustomerData.ANONYMISED);
    assertThat(jdbc.sql("select description from complaint where case_number = ?").param(expired.caseNumber())
        .query(String.class).single()).isEqualTo(CustomerData.ERASED_TEXT);
    assertThat(jdbc.sql("select count(*) from complaint_attachment where case_number = ?").param(expired.caseNumber())
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST v join ACT_HI_PROCINST p on p.ID_ = v.PROC_INST_ID_"
            + " where p.BUSINESS_KEY_ = ? and v.NAME_ = 'description' and v.TEXT_ is not null")
        .param(expired.caseNumber()).query(Long.class).single()).as("the description in Camunda's history").isZero();
    assertThat(jdbc.sql("select count(*) from complaint where case_number = ?").param(expired.caseNumber())
        .query(Long.class).single()).as("still counted").isEqualTo(1);
    assertThat(jdbc.sql("select name from customer where id = ?").param(heldUs.customerId()).query(String.class)
        .single()).isEqualTo("H.M.");
    assertThat(jdbc.sql("select email from customer where id = ?").param(open.customerId()).query(String.class)
        .single()).isEqualTo(open.email());
    assertThat(http.get("/api/privacy/retention", "supervisor").status()).isEqualTo(403);
  }
}
