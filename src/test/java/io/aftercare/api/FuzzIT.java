package io.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import io.aftercare.support.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input at every write endpoint of the API, bounded (about 400 requests, seconds): each leaf
 * of a valid request replaced, one at a time, by a number for an enumeration or text, a float for a
 * whole number, a date-time for a date, a year outside 1900–2100, a NUL inside a text, a null in a
 * list, an object or list for a value, a huge text; and whole bodies with duplicate keys, trailing
 * tokens or no JSON at all. Every answer is a 4xx with problem details — never a 5xx, never a 2xx —
 * and no case, customer or record is left behind.
 */
@AftercareIT
class FuzzIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> TABLES = List.of("case_file", "customer", "complaint", "complaint_attachment",
      "return_request", "adverse_reaction", "callback", "notification");

  @LocalServerPort
  int port;

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  private final HttpClient client = HttpClient.newHttpClient();

  /** One endpoint: who calls it and a valid body. */
  private record Endpoint(String path, String user, Map<String, Object> body) {}

  @Test
  void hostileInputIsRefusedNamingTheFieldAndLeavesNothingBehind() throws Exception {
    Http http = new Http(port);
    CaseWork work = new CaseWork(http, runtime, management);
    LocalDate today = LocalDate.now();
    // a return waiting for its parcel, and an adverse reaction, for the endpoints that need one
    String rma = work.returnWaitingForParcel(1);
    Map<String, Object> reaction = new LinkedHashMap<>(Map.of(
        "customer", Map.of("id", 1),
        "product", Map.of("sku", "SK-SERUM-30", "batch", "S2506B"),
        "reaction", new LinkedHashMap<>(Map.of("awareDate", today.minusDays(1).toString(),
            "firstUseDate", today.minusDays(10).toString(), "onsetDate", today.minusDays(3).toString(),
            "symptoms", "redness and itching", "bodyArea", "face", "medicalTreatment", false,
            "hospitalised", false)),
        "channel", "phone"));
    Http.Response reported = http.post("/api/adverse-reactions", "agent", reaction);
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    String reactionCase = reported.json().get("caseNumber").asText();

    List<Endpoint> endpoints = List.of(
        new Endpoint("/api/complaints", "agent", Map.of(
            "channel", "wechat",
            "customer", Map.of("id", 1),
            "product", Map.of("sku", "SUN-SPF50-50", "batch", "U2604B"),
            "purchase", Map.of("orderNumber", "TM-1", "channel", "online", "date", today.minusDays(20).toString()),
            "description", "The cap leaks.",
            "attachments", List.of(Map.of("name", "cap.jpg", "url", "https://files.example.cn/cap.jpg")))),
        new Endpoint("/api/returns", "agent", Requests.returnRequest(4, "SK-SERUM-30", null, today.minusDays(5),
            today.minusDays(3), "changed_mind", false, "refund")),
        new Endpoint("/api/returns/" + rma + "/receipt", "returns",
            Map.of("receivedOn", today.toString(), "condition", "sealed", "batch", "U2604B")),
        new Endpoint("/api/adverse-reactions", "agent", reaction),
        new Endpoint("/api/adverse-reactions/" + reactionCase + "/follow-up", "safety",
            Map.of("awareDate", today.toString(), "information", "The redness spread to the neck.")),
        new Endpoint("/api/callbacks", "agent", Map.of("customerId", 1, "reason", "care_call",
            "notBefore", today.plusDays(1) + "T10:00:00+08:00", "channel", "phone")),
        new Endpoint("/api/cases/" + reactionCase + "/evidence", "agent",
            Map.of("attachments", List.of(Map.of("name", "box.jpg", "url", "https://files.example.cn/box.jpg")),
                "note", "The box.")));

    Map<String, Long> before = counts();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Endpoint endpoint : endpoints) {
      JsonNode valid = JSON.valueToTree(endpoint.body());
      for (String raw : mutations(valid)) {
        int status = send(endpoint, raw, failures);
        sent++;
        if (status < 400 || status >= 500) {
          failures.add(status + " " + endpoint.path() + " " + abbreviate(raw));
        }
      }
    }
    assertThat(failures).as("answers other than a 4xx with problem details, of " + sent).isEmpty();
    assertThat(sent).isGreaterThan(300);
    assertThat(counts()).as("nothing stored by refused requests").isEqualTo(before);
  }

  /** The request, and for a 400 that it names a field (errors) or says what is wrong (detail). */
  private int send(Endpoint endpoint, String raw, List<String> failures) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((endpoint.user() + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(raw, StandardCharsets.UTF_8)).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 400) {
      JsonNode problem = JSON.readTree(response.body());
      boolean named = problem.path("errors").isArray() && !problem.path("errors").isEmpty()
          && !problem.path("errors").get(0).path("field").asText().isBlank();
      if (!named && problem.path("detail").asText().isBlank()) {
        failures.add("400 without a field or detail: " + endpoint.path() + " " + abbreviate(raw) + " -> "
            + response.body());
      }
    }
    return response.statusCode();
  }

  /** Every hostile variant of a valid body. */
  private static List<String> mutations(JsonNode valid) throws Exception {
    List<String> out = new ArrayList<>();
    List<Function<JsonNode, JsonNode>> families = List.of(
        leaf -> NODES.numberNode(1),
        leaf -> NODES.numberNode(1.5),
        leaf -> NODES.textNode("2026-11-20T10:00:00"),
        leaf -> NODES.textNode("-0001-01-01"),
        leaf -> NODES.textNode("+999999-01-01"),
        leaf -> NODES.textNode("0001-01-01"),
        leaf -> NODES.textNode((leaf.isTextual() ? leaf.asText() : "x") + "\u0000"),
        leaf -> NODES.objectNode().put("value", "x"),
        leaf -> NODES.arrayNode().add(NODES.nullNode()),
        leaf -> NODES.textNode("y".repeat(20_000)),
        leaf -> NODES.booleanNode(true));
    List<Function<JsonNode, JsonNode>> dateFamilies = families.subList(2, 6);
    for (List<Object> path : leaves(valid, new ArrayList<>())) {
      for (Function<JsonNode, JsonNode> family : families) {
        JsonNode copy = valid.deepCopy();
        JsonNode leaf = at(valid, path);
        // a date-shaped text is valid in a free-text field: those families go to dates only
        if (dateFamilies.contains(family) && !leaf.asText().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
          continue;
        }
        JsonNode replacement = family.apply(leaf);
        if (replacement.equals(leaf) || (leaf.isNumber() && replacement.isIntegralNumber())
            || (leaf.isBoolean() && replacement.isBoolean())) {
          continue;
        }
        set(copy, path, replacement);
        out.add(JSON.writeValueAsString(copy));
      }
    }
    // null in every list
    for (List<Object> path : lists(valid, new ArrayList<>())) {
      JsonNode copy = valid.deepCopy();
      ((ArrayNode) at(copy, path)).add(NODES.nullNode());
      out.add(JSON.writeValueAsString(copy));
    }
    String text = JSON.writeValueAsString(valid);
    String firstKey = valid.fieldNames().next();
    out.add(text.substring(0, text.length() - 1) + ",\"" + firstKey + "\":null}");
    out.add(text + " {}");
    out.add(text + " x");
    out.add(text.substring(0, text.length() / 2));
    out.add("[]");
    out.add("null");
    out.add("");
    return out;
  }

  private static List<List<Object>> leaves(JsonNode node, List<Object> path) {
    List<List<Object>> out = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        List<Object> next = new ArrayList<>(path);
        next.add(name);
        out.addAll(leaves(node.get(name), next));
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> next = new ArrayList<>(path);
        next.add(i);
        out.addAll(leaves(node.get(i), next));
      }
    } else {
      out.add(path);
    }
    return out;
  }

  private static List<List<Object>> lists(JsonNode node, List<Object> path) {
    List<List<Object>> out = new ArrayList<>();
    if (node.isArray()) {
      out.add(path);
    }
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        List<Object> next = new ArrayList<>(path);
        next.add(name);
        out.addAll(lists(node.get(name), next));
      });
    }
    return out;
  }

  private static JsonNode at(JsonNode node, List<Object> path) {
    JsonNode current = node;
    for (Object step : path) {
      current = step instanceof Integer i ? current.get(i) : current.get((String) step);
    }
    return current;
  }

  private static void set(JsonNode root, List<Object> path, JsonNode value) {
    JsonNode parent = at(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer i) {
      ((ArrayNode) parent).set(i, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  private static String abbreviate(String raw) {
    return raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
  }
}
