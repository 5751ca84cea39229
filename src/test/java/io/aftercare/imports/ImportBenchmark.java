package io.aftercare.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.AftercareApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the CSV imports take for 100,000 lines each, on PostgreSQL on this machine, through the
 * real API (file upload, checking every line, writing in one transaction; progress read from
 * {@code GET /api/imports/{id}} while it runs). Not a test: run it with
 * {@code ./mvnw -q test-compile exec:java@import-benchmark} (README, "Benchmarks"). It starts the
 * application on a fresh database {@code aftercare_import_bench} (dropped and created again).
 */
public final class ImportBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String[] CATEGORIES = {"SKINCARE", "MAKEUP", "SUN_PROTECTION", "HAIR_COLOURING", "HAIRCARE",
      "FRAGRANCE", "BODY_CARE"};

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    io.aftercare.support.BenchmarkDatabase db = io.aftercare.support.BenchmarkDatabase.of("aftercare_import_bench").fresh();
    int lines = Integer.getInteger("benchmark.lines", 100_000);
    ConfigurableApplicationContext application = new SpringApplicationBuilder(AftercareApplication.class)
        .profiles("postgres")
        .run("--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
            "--aftercare.admin.password=bench-admin", "--logging.level.root=WARN");
    try {
      String base = "http://localhost:" + application.getEnvironment().getProperty("local.server.port");
      System.out.printf(Locale.ROOT, "%nCSV imports of %,d lines each, PostgreSQL, %d cores%n", lines,
          Runtime.getRuntime().availableProcessors());
      String[] kinds = {"products", "batches", "customers", "orders"};
      String[] files = {products(lines), batches(lines), customers(lines), orders(lines)};
      for (int i = 0; i < kinds.length; i++) {
        run(base, kinds[i], files[i]);
      }
      db.analyze();
      System.out.println("The same files again (after ANALYZE, as autovacuum would): every line updates what the"
          + " first import created");
      for (int i = 0; i < kinds.length; i++) {
        run(base, kinds[i], files[i]);
      }
    } finally {
      application.close();
    }
  }

  private static void run(String base, String kind, String file) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/" + kind))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:bench-admin".getBytes()))
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8))
        .build(), HttpResponse.BodyHandlers.ofString());
    JsonNode status = JSON.readTree(answer.body());
    String id = status.has("id") ? status.get("id").asText() : status.get("import").asText();
    String last = "";
    while ("RUNNING".equals(status.path("status").asText())) {
      String progress = status.path("phase").asText() + " " + status.path("linesDone").asInt() + "/"
          + status.path("linesTotal").asInt();
      if (!progress.equals(last)) {
        System.out.printf(Locale.ROOT, "  %-9s %5.1f s  %s%n", kind, (System.nanoTime() - started) / 1e9, progress);
        last = progress;
      }
      Thread.sleep(500);
      status = JSON.readTree(CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/" + id))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:bench-admin".getBytes()))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "%-9s %s: %,d lines, %,d records in %.1f s (%,.0f lines/s), %.1f MB%n", kind,
        status.path("status").asText(), status.path("linesTotal").asInt(), status.path("imported").asInt(), seconds,
        status.path("linesTotal").asInt() / seconds, file.length() / 1e6);
    if (!"IMPORTED".equals(status.path("status").asText())) {
      System.out.println(status.toPrettyString().lines().limit(30).reduce("", (a, b) -> a + b + "\n"));
    }
  }

  public static String products(int lines) {
    StringBuilder csv = new StringBuilder("sku,name_en,name_zh,category,active,cn_number,eu_number,us_number\n");
    Random random = new Random(1);
    for (int i = 0; i < lines; i++) {
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      csv.append(String.format(Locale.ROOT, "BN-%06d,\"Bench Product %d, 50 ml\",基准产品 %d,%s,true,%s,CPNP-%07d,%s%n", i, i, i,
          category, random.nextInt(4) == 0 ? "" : "沪G妆网备字2026" + String.format("%06d", i), 4000000 + i,
          random.nextBoolean() ? "MOCRA-PL-" + String.format("%07d", i) : ""));
    }
    return csv.toString();
  }

  public static String batches(int lines) {
    StringBuilder csv = new StringBuilder("sku,lot,manufactured_on,expires_on,markets,recalled\n");
    LocalDate start = LocalDate.of(2024, 1, 1);
    for (int i = 0; i < lines; i++) {
      LocalDate made = start.plusDays(i % 1000);
      csv.append(String.format(Locale.ROOT, "BN-%06d,L%07d,%s,%s,EU,%s%n", i, i, made, made.plusMonths(30),
          i % 997 == 0));
    }
    return csv.toString();
  }

  public static String customers(int lines) {
    StringBuilder csv = new StringBuilder(
        "external_id,name,market,locale,country,email,phone,consent_email,consent_sms,consent_phone\n");
    String[] countries = {"FR", "DE", "IT", "ES", "NL"};
    for (int i = 0; i < lines; i++) {
      switch (i % 3) {
        case 0 -> csv.append(String.format(Locale.ROOT, "SHOP-%07d,王%d,CN,zh-CN,,,+86139%08d,false,true,true%n", i, i, i));
        case 1 -> csv.append(String.format(Locale.ROOT, "SHOP-%07d,Client %d,EU,en,%s,client%d@example.eu,,true,false,false%n",
            i, i, countries[i % countries.length], i));
        default -> csv.append(String.format(Locale.ROOT,
            "SHOP-%07d,Customer %d,US,en,,customer%d@example.com,+1212%07d,true,true,false%n", i, i, i, i));
      }
    }
    return csv.toString();
  }

  /** Two lines an order: 50,000 orders of the customers above. */
  static String orders(int lines) {
    StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_on,delivered_on,amount,currency,sku,batch,quantity\n");
    String[] currencies = {"CNY", "EUR", "USD"};
    LocalDate start = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < lines; i++) {
      int order = i / 2;
      int customer = order % Math.max(1, lines / 4);
      LocalDate ordered = start.plusDays(order % 300);
      csv.append(String.format(Locale.ROOT, "ORD-%07d,SHOP-%07d,%s,%s,%d.00,%s,BN-%06d,L%07d,1%n", order, customer, ordered,
          ordered.plusDays(2), 100 + order % 400, currencies[customer % 3], i, i));
    }
    return csv.toString();
  }
}
