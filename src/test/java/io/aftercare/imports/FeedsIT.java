package io.aftercare.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Master data from the brand's systems (issue 18): catalogue upserts and imports, the shop's
 * customers and orders, each rule named at its field or line, and who may feed what.
 */
@AftercareIT
class FeedsIT {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void aProductIsCreatedThenUpdatedByTheSamePut() {
    Map<String, Object> product = Map.of("name", "Peptide Eye Cream 15 ml", "nameZh", "多肽眼霜 15ml",
        "category", "SKINCARE", "registrations", List.of(Map.of("market", "CN", "number", "沪G妆网备字2026000101"),
            Map.of("market", "EU", "number", "CPNP-4500001")));
    Http.Response created = http.put("/api/products/SK-EYE-15", "integration", product);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("registrations").get(0).get("kind").asText()).isEqualTo("NOTIFICATION");

    Http.Response again = http.put("/api/products/SK-EYE-15", "owner", product);
    assertThat(again.status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from product_registration where sku = 'SK-EYE-15'").query(Long.class).single())
        .isEqualTo(2);

    Http.Response batch = http.put("/api/products/SK-EYE-15/batches/E2610A", "integration",
        Map.of("manufacturedOn", "2026-10-02", "expiresOn", "2029-10-02", "markets", List.of("CN")));
    assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    Http.Response recall = http.put("/api/products/SK-EYE-15/batches/E2610A", "integration",
        Map.of("manufacturedOn", "2026-10-02", "expiresOn", "2029-10-02", "markets", List.of("CN"),
            "recalled", true, "recalledOn", "2026-11-20"));
    assertThat(recall.status()).isEqualTo(200);
    JsonNode stored = recall.json().get("batches").get(0);
    assertThat(stored.get("recalled").asBoolean()).isTrue();
    assertThat(stored.get("recalledOn").asText()).isEqualTo("2026-11-20");
    // the same recall sent again without its day keeps the day stored
    Http.Response recallAgain = http.put("/api/products/SK-EYE-15/batches/E2610A", "integration",
        Map.of("manufacturedOn", "2026-10-02", "expiresOn", "2029-10-02", "markets", List.of("CN"), "recalled", true));
    assertThat(recallAgain.json().get("batches").get(0).get("recalledOn").asText()).isEqualTo("2026-11-20");
  }

  @Test
  void badFeedsAreNamedAndOnlyFeedersMayWrite() {
    Http.Response badCategory = http.put("/api/products/SK-BAD-1", "integration",
        Map.of("name", "X", "category", "PERFUME"));
    assertThat(badCategory.status()).isEqualTo(400);
    assertThat(badCategory.body()).contains("category");

    Http.Response unregistered = http.put("/api/products/HC-DYE-4N/batches/H2611C", "integration",
        Map.of("manufacturedOn", "2026-11-02", "expiresOn", "2026-10-02", "markets", List.of("US")));
    assertThat(unregistered.status()).isEqualTo(400);
    assertThat(fields(unregistered)).containsExactlyInAnyOrder("expiresOn", "markets");

    assertThat(http.put("/api/products/SK-EYE-99", "agent", Map.of("name", "X", "category", "SKINCARE")).status())
        .isEqualTo(403);
    assertThat(http.post("/api/orders", "owner", Map.of()).status()).as("process owners see no customers")
        .isEqualTo(403);
    assertThat(http.postText("/api/imports/customers", "owner", "text/csv", "external_id,name,market,locale\n")
        .status()).isEqualTo(403);
  }

  @Test
  void aFileWithABadLineImportsNothingAndSaysWhereEachProblemIs() {
    String file = """
        sku,name_en,name_zh,category,cn_number,us_number
        SK-IMP-1,Imported Cleanser 100 ml,洁面乳 100ml,SKINCARE,沪G妆网备字2026000201,
        SK-IMP-2,"Imported Mask, sheet",面膜,SKINCARE,,MOCRA-PL-1
        sk imp 3,Bad Sku,,SKINCARE,,
        SK-IMP-4,Bad Category,,PERFUME,,
        SK-IMP-1,Twice,,SKINCARE,,
        """;
    Http.Response rejected = http.postText("/api/imports/products", "owner", "text/csv", file);
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
    List<String> problems = new ArrayList<>();
    rejected.json().get("errors").forEach(e -> problems.add(e.get("line").asInt() + " " + e.get("column").asText()));
    assertThat(problems).containsExactly("4 sku", "5 category", "6 sku");
    assertThat(jdbc.sql("select count(*) from product where sku like 'SK-IMP-%'").query(Long.class).single()).isZero();

    Http.Response imported = http.postText("/api/imports/products", "owner", "text/csv",
        file.lines().limit(3).reduce("", (a, b) -> a + b + "\n"));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("status").asText()).isEqualTo("IMPORTED");
    assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
    JsonNode mask = http.get("/api/products/SK-IMP-2", "agent").json();
    assertThat(mask.get("name").asText()).isEqualTo("Imported Mask, sheet");
    assertThat(mask.get("registrations").get(0).get("kind").asText()).isEqualTo("LISTING");

    Http.Response status = http.get("/api/imports/" + imported.json().get("id").asText(), "owner");
    assertThat(status.json().get("linesDone").asInt()).isEqualTo(2);

    Http.Response batches = http.postText("/api/imports/batches", "owner", "text/csv", """
        sku,lot,manufactured_on,expires_on,markets
        SK-IMP-1,I2611A,2026-11-02,2029-11-02,CN
        SK-IMP-2,I2611B,2026-11-02,2029-11-02,CN
        SK-NONE,I2611C,2026-11-02,2029-11-02,
        """);
    assertThat(batches.status()).isEqualTo(400);
    List<String> batchProblems = new ArrayList<>();
    batches.json().get("errors").forEach(e -> batchProblems.add(e.get("line").asInt() + " " + e.get("column").asText()));
    assertThat(batchProblems).containsExactly("3 markets", "4 sku");
  }

  @Test
  void theShopsOrdersSetTheCustomersTier() {
    Map<String, Object> customer = Map.of("name", "赵敏", "market", "CN", "locale", "zh-CN",
        "phone", "+86 139 0000 7777", "consent", Map.of("email", false, "sms", true, "phone", true),
        "preferredChannel", "SMS");
    Http.Response created = http.put("/api/customers/external/SHOP-C-1001", "integration", customer);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("tier").asText()).isEqualTo("LOW");
    assertThat(created.body()).doesNotContain("0000");
    long id = created.json().get("id").asLong();

    // CN high tier from a yearly spend of 8,000 CNY (application.yaml)
    Http.Response order = http.post("/api/orders", "integration", Map.of("externalId", "SHOP-O-1", "customerExternalId",
        "SHOP-C-1001", "orderedOn", "2026-09-01", "deliveredOn", "2026-09-03", "amount", 8200.00, "currency", "CNY",
        "lines", List.of(Map.of("sku", "SK-SERUM-30", "batch", "S2603C", "quantity", 2))));
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    assertThat(order.json().get("customerTier").asText()).isEqualTo("HIGH");
    // the same order sent again, corrected: replaced, not counted twice
    Http.Response corrected = http.post("/api/orders", "integration", Map.of("externalId", "SHOP-O-1",
        "customerExternalId", "SHOP-C-1001", "orderedOn", "2026-09-01", "amount", 2500.00, "currency", "CNY",
        "lines", List.of(Map.of("sku", "SK-SERUM-30"))));
    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.json().get("customerTier").asText()).isEqualTo("MEDIUM");
    assertThat(jdbc.sql("select orders_per_year from customer where id = ?").param(id).query(Integer.class).single())
        .isEqualTo(1);

    Http.Response wrong = http.post("/api/orders", "integration", Map.of("externalId", "SHOP-O-2",
        "customerExternalId", "SHOP-C-1001", "orderedOn", "2026-09-01", "amount", 10, "currency", "EUR",
        "lines", List.of(Map.of("sku", "SK-SERUM-30", "batch", "NOPE"))));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(fields(wrong)).containsExactlyInAnyOrder("currency", "lines[0].batch");

    Http.Response consentWithoutContact = http.put("/api/customers/external/SHOP-C-1002", "integration",
        Map.of("name", "Ana", "market", "EU", "locale", "en", "consent", Map.of("email", true, "sms", false,
            "phone", false)));
    Http.Response moved = http.post("/api/orders", "integration", Map.of("externalId", "SHOP-O-1",
        "customerExternalId", "SHOP-C-1002", "orderedOn", "2026-09-01", "amount", 1, "currency", "CNY",
        "lines", List.of(Map.of("sku", "SK-SERUM-30"))));
    assertThat(fields(moved)).contains("externalId");
    assertThat(fields(consentWithoutContact)).containsExactlyInAnyOrder("consent.email", "country");
  }

  @Test
  void customersAndOrdersImportFromTheShopsFiles() {
    Http.Response customers = http.postText("/api/imports/customers", "integration", "text/csv", """
        external_id,name,market,locale,country,email,phone,consent_email,consent_sms,consent_phone
        SHOP-C-2001,Léa Martin,EU,en,FR,lea.martin@example.fr,,true,false,false
        SHOP-C-2002,Tom Baker,US,en,,tom.baker@example.com,+1 212 555 0142,true,true,true
        """);
    assertThat(customers.status()).as(customers.body()).isEqualTo(200);
    Http.Response orders = http.postText("/api/imports/orders", "integration", "text/csv", """
        order_id,customer_id,ordered_on,delivered_on,amount,currency,sku,batch,quantity
        SHOP-O-2001,SHOP-C-2001,2026-10-01,2026-10-03,260.00,EUR,SK-SERUM-30,S2603C,1
        SHOP-O-2001,SHOP-C-2001,2026-10-01,2026-10-03,260.00,EUR,MU-LIP-R12,L2609B,2
        SHOP-O-2002,SHOP-C-2002,2026-10-05,,40.00,USD,BC-LOT-200,,1
        """);
    assertThat(orders.status()).as(orders.body()).isEqualTo(200);
    assertThat(orders.json().get("imported").asInt()).isEqualTo(2);
    JsonNode order = http.get("/api/orders/SHOP-O-2001", "integration").json();
    assertThat(order.get("lines")).hasSize(2);
    assertThat(jdbc.sql("select tier from customer where external_id = 'SHOP-C-2001'").query(String.class).single())
        .as("EU medium from 250 EUR").isEqualTo("MEDIUM");
  }

  /** A complaint or return naming an order the shop sent takes its days and batch from it. */
  @Test
  void anIntakeNamingAnOrderTakesItsDaysAndBatch() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    Http.Response customer = http.put("/api/customers/external/SHOP-C-3001", "integration", Map.of("name", "孙丽",
        "market", "CN", "locale", "zh-CN", "phone", "+8613900003001",
        "consent", Map.of("email", false, "sms", true, "phone", true)));
    long id = customer.json().get("id").asLong();
    assertThat(http.post("/api/orders", "integration", Map.of("externalId", "SHOP-O-3001", "customerExternalId",
        "SHOP-C-3001", "orderedOn", today.minusDays(6).toString(), "deliveredOn", today.minusDays(4).toString(),
        "amount", 398.00, "currency", "CNY", "lines", List.of(Map.of("sku", "SUN-SPF50-50", "batch", "U2604B"),
            Map.of("sku", "SK-SERUM-30", "batch", "S2603C")))).status()).isEqualTo(201);

    Http.Response complaint = http.post("/api/complaints", "agent", Map.of("channel", "phone",
        "customer", Map.of("id", id), "product", Map.of("sku", "SUN-SPF50-50"),
        "purchase", Map.of("orderNumber", "SHOP-O-3001", "channel", "online"), "description", "泵头坏了"));
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
    Map<String, Object> stored = jdbc.sql("select purchase_date, lot_number from complaint where case_number = ?")
        .param(complaint.json().get("caseNumber").asText()).query().singleRow();
    assertThat(stored.get("lot_number")).isEqualTo("U2604B");
    assertThat(stored.get("purchase_date").toString()).isEqualTo(today.minusDays(6).toString());

    Http.Response notInOrder = http.post("/api/complaints", "agent", Map.of("channel", "phone",
        "customer", Map.of("id", id), "product", Map.of("sku", "HC-DYE-4N"),
        "purchase", Map.of("orderNumber", "SHOP-O-3001", "channel", "online"), "description", "x"));
    assertThat(fields(notInOrder)).containsExactly("product.sku");
    Http.Response noDay = http.post("/api/complaints", "agent", Map.of("channel", "phone",
        "customer", Map.of("id", id), "product", Map.of("sku", "HC-DYE-4N"),
        "purchase", Map.of("orderNumber", "PAPER-RECEIPT-9", "channel", "store"), "description", "x"));
    assertThat(fields(noDay)).containsExactly("purchase.date");

    Http.Response ret = http.post("/api/returns", "agent", Map.of("customer", Map.of("id", id),
        "product", Map.of("sku", "SK-SERUM-30"), "purchase", Map.of("orderNumber", "SHOP-O-3001", "channel", "online"),
        "reason", "quality_defect", "opened", true, "requested", "refund"));
    assertThat(ret.status()).as(ret.body()).isEqualTo(201);
    Map<String, Object> returned = jdbc.sql("select r.lot_number, r.delivered_on from return_request r"
        + " where r.case_number = ?").param(ret.json().get("caseNumber").asText()).query().singleRow();
    assertThat(returned.get("lot_number")).isEqualTo("S2603C");
    assertThat(returned.get("delivered_on").toString()).isEqualTo(today.minusDays(4).toString());
  }

  /** A customer registered from a call before the shop sent them is taken over, not doubled. */
  @Test
  void theShopsCustomerMeetsTheCallerRegisteredBefore() {
    String email = "caller-" + System.nanoTime() + "@example.fr";
    Http.Response complaint = http.post("/api/complaints", "agent", Map.of("channel", "phone",
        "customer", Map.of("name", "Camille Roux", "email", email, "market", "EU", "locale", "en"),
        "product", Map.of("sku", "SK-SERUM-30"), "purchase", Map.of("channel", "store", "date", "2026-11-02"),
        "description", "Leaking pump"));
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
    long registered = jdbc.sql("select id from customer where email = ?").param(email).query(Long.class).single();

    Http.Response fed = http.put("/api/customers/external/SHOP-T-1", "integration", Map.of("name", "Camille Roux",
        "market", "EU", "locale", "en", "country", "FR", "email", email,
        "consent", Map.of("email", true, "sms", false, "phone", false)));
    assertThat(fed.status()).as(fed.body()).isEqualTo(200);
    assertThat(fed.json().get("id").asLong()).isEqualTo(registered);
    assertThat(jdbc.sql("select count(*) from customer where email = ?").param(email).query(Long.class).single())
        .isEqualTo(1);
  }

  private static List<String> fields(Http.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
