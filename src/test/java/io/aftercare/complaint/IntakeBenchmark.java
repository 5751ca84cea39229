package io.aftercare.complaint;

import io.aftercare.AftercareApplication;
import io.aftercare.imports.ImportBenchmark;
import io.aftercare.support.BenchmarkDatabase;
import io.aftercare.support.Grants;
import io.aftercare.support.HistoryCopies;
import io.aftercare.support.SyntheticYear;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Complaint intake against a bare engine start, in one run, on PostgreSQL on this machine (issue
 * 19, item 1). The application runs on the {@code postgres} profile on its own database
 * ({@code aftercare_intake_bench}, kept between runs so that it grows: {@code
 * -Dbenchmark.fresh=true} starts from an empty one); the catalogue and the customers are loaded
 * through the import API on first use (products with their batches, customers over the three
 * markets). Then, as an agent, 4 client threads send alternately:
 * <ul>
 * <li><b>A</b> {@code POST /api/complaints}: a real product and batch of the catalogue, 40 % known
 * customers (found by e-mail or phone), 60 % new ones, purchase days over the last two months;</li>
 * <li><b>B</b> {@code POST /engine-rest/process-definition/key/benchBare/start}: a process shipped
 * with the benchmark, start → user task (the agents') → end, one variable;</li>
 * </ul>
 * in rounds A B A B (after a warm-up round of each), and prints per round the requests per
 * second, p50 and p95, and the ratio of A's rate to B's. The job executor runs as in production
 * (the steps after registration run while the next complaints come in). A benchmark, not a test.
 *
 * <p>{@code -Dbenchmark.grow=1000000} first fills the database up to that many synthetic closed
 * cases of the year before ({@link SyntheticYear}: cases, complaints, clocks and their roll-ups,
 * escalations, messages, callbacks, answers, reporting rows and half as many customers as
 * cases) and Camunda's history up to as many process instances ({@link HistoryCopies} of the
 * complaints' history), with the application stopped, so that the rounds run on a brand's year.
 *
 * <pre>./mvnw -q test-compile exec:java@intake-benchmark [-Dbenchmark.requests=400] [-Dbenchmark.threads=4]
 *     [-Dbenchmark.products=2000] [-Dbenchmark.customers=20000] [-Dbenchmark.fresh=true]
 *     [-Dbenchmark.grow=1000000]</pre>
 */
public final class IntakeBenchmark {

  static final HttpClient CLIENT = HttpClient.newBuilder().build();
  public static final String AGENT = "benchagent";
  public static final String PASSWORD = "bench-agent-1";
  private static final String BARE = "benchBare";

  private IntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkDatabase db = BenchmarkDatabase.of("aftercare_intake_bench");
    db = Boolean.getBoolean("benchmark.fresh") ? db.fresh() : db.created();
    int requests = Integer.getInteger("benchmark.requests", 400);
    int threads = Integer.getInteger("benchmark.threads", 4);
    int products = Integer.getInteger("benchmark.products", 2_000);
    int customers = Integer.getInteger("benchmark.customers", 20_000);
    int grow = Integer.getInteger("benchmark.grow", 0);
    ConfigurableApplicationContext application = start(db);
    try {
      String base = base(application);
      prepare(application, base, db, products, customers);
      if (grow > 0) {
        application = grown(application, db, grow, products, customers);
        base = base(application);
      }
      long cases = count(db, "select count(*) from case_file");
      System.out.printf(Locale.ROOT, "%nIntake on PostgreSQL, %d cores, %d client threads, %d requests a round;"
          + " %,d cases in the database before (%,d of them synthetic), %,d process instances in Camunda's history,"
          + " %,d customers; the benchmark's %,d products, %,d customers%n", Runtime.getRuntime().availableProcessors(),
          threads, requests, cases, count(db, "select count(*) from case_file where case_number like 'AC-B-%'"),
          count(db, "select count(*) from act_hi_procinst"), count(db, "select count(*) from customer"), products,
          customers);
      System.out.printf(Locale.ROOT, "%-6s %-40s %9s %9s %9s %7s%n", "round", "what", "per s", "p50 ms", "p95 ms", "errors");
      Round warmA = round(base, "A", requests / 4, threads, products, customers);
      Round warmB = round(base, "B", requests / 4, threads, products, customers);
      print("warm", warmA);
      print("warm", warmB);
      List<Round> complaints = new ArrayList<>();
      List<Round> bare = new ArrayList<>();
      for (int i = 1; i <= 2; i++) {
        // what production's autovacuum would have analyzed by now (this machine runs without it):
        // a first run's tables grow from nothing, and plans made for empty tables slowed round 2
        db.analyze();
        Round a = round(base, "A", requests, threads, products, customers);
        print(String.valueOf(i), a);
        complaints.add(a);
        Round b = round(base, "B", requests, threads, products, customers);
        print(String.valueOf(i), b);
        bare.add(b);
      }
      double rateA = complaints.stream().mapToDouble(Round::perSecond).average().orElse(0);
      double rateB = bare.stream().mapToDouble(Round::perSecond).average().orElse(0);
      double p95A = complaints.stream().mapToDouble(r -> r.percentile(95)).max().orElse(0);
      double p95B = bare.stream().mapToDouble(r -> r.percentile(95)).max().orElse(0);
      System.out.printf(Locale.ROOT, "%ncomplaints %.1f per s (worst round p95 %.0f ms), bare starts %.1f per s"
          + " (p95 %.0f ms): ratio %.2f (goal >= 0.5, p95 < 100 ms)%n", rateA, p95A, rateB, p95B, rateA / rateB);
    } finally {
      application.close();
    }
  }

  /**
   * The database grown to {@code grow} cases and as many process instances in Camunda's history,
   * with the application stopped ({@link SyntheticYear} rebuilds the clocks' roll-ups from every
   * clock; {@link HistoryCopies} writes Camunda's tables): the application, started again when it
   * was stopped. The history copied is that of complaints sent through the API (a thousand are
   * sent first when there are fewer), settled at their triage.
   */
  private static ConfigurableApplicationContext grown(ConfigurableApplicationContext application,
      BenchmarkDatabase db, int grow, int products, int customers) throws Exception {
    long synthetic = count(db, "select count(*) from case_file where case_number like 'AC-B-%'");
    long history = count(db, "select count(*) from act_hi_procinst");
    if (grow <= synthetic && grow <= history) {
      return application;
    }
    if (grow > history && count(db, "select count(*) from act_hi_procinst where proc_def_key_ = 'complaintHandling'"
        + " and id_ not like '%-y%'") < 1_000) {
      print("copied", round(base(application), "A", 1_000, 4, products, customers));
      long waited = System.nanoTime();
      while (count(db, "select count(*) from act_ru_job where duedate_ <= now()") > 0
          && System.nanoTime() - waited < 300e9) {
        Thread.sleep(1_000);
      }
    }
    application.close();
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
    try {
      long start = System.nanoTime();
      if (grow > synthetic) {
        int adding = (int) (grow - synthetic);
        System.out.printf(Locale.ROOT, "adding %,d closed cases of the year before and %,d customers%n", adding,
            adding / 2);
        SyntheticYear.add(dataSource, adding, adding / 2, SyntheticYear.Ending.CLOSED);
      }
      if (grow > history) {
        System.out.printf(Locale.ROOT, "copying the complaints' history up to %,d process instances%n", grow);
        HistoryCopies.fill(dataSource, "complaintHandling", grow);
      }
      System.out.printf(Locale.ROOT, "grown in %.0f s%n", (System.nanoTime() - start) / 1e9);
    } finally {
      dataSource.destroy();
    }
    return start(db);
  }

  /** The application on the {@code postgres} profile on the benchmark's database, on a free port, logging warnings only. */
  public static ConfigurableApplicationContext start(BenchmarkDatabase db) {
    return new SpringApplicationBuilder(AftercareApplication.class).profiles("postgres")
        .run("--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
            "--aftercare.admin.password=bench-admin", "--logging.level.root=WARN");
  }

  public static String base(ConfigurableApplicationContext application) {
    return "http://localhost:" + application.getEnvironment().getProperty("local.server.port");
  }

  /** The benchmark's agent ({@link #AGENT}, in the agents' group), created when missing. */
  public static void agent(ConfigurableApplicationContext application) {
    IdentityService identity = application.getBean(IdentityService.class);
    if (identity.createUserQuery().userId(AGENT).count() == 0) {
      User user = identity.newUser(AGENT);
      user.setFirstName("Bench");
      user.setLastName("Agent");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(AGENT, "agent");
    }
  }

  /** A benchmark agent, the bare process and its grant, the catalogue and the customers (imported when missing). */
  static void prepare(ConfigurableApplicationContext application, String base, BenchmarkDatabase db,
      int products, int customers) throws Exception {
    agent(application);
    RepositoryService repository = application.getBean(RepositoryService.class);
    repository.createDeployment().name("intake-benchmark").enableDuplicateFiltering(true)
        .addModelInstance("bench-bare.bpmn", Bpmn.createExecutableProcess(BARE).name("Benchmark: bare start")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Work").name("Work ${caseNumber}")
            .camundaCandidateGroups("agent").endEvent().done())
        .deploy();
    AuthorizationService authorizations = application.getBean(AuthorizationService.class);
    Grants.onProcessOnce(authorizations, AGENT, null, BARE, Permissions.CREATE_INSTANCE, Permissions.READ);
    if (count(db, "select count(*) from product where sku like 'BN-%'") < products) {
      importFile(base, "products", ImportBenchmark.products(products));
      importFile(base, "batches", ImportBenchmark.batches(products));
    }
    if (count(db, "select count(*) from customer where external_id like 'SHOP-%'") < customers) {
      importFile(base, "customers", ImportBenchmark.customers(customers));
    }
    db.analyze();
  }

  private static void importFile(String base, String kind, String csv) throws Exception {
    HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/" + kind))
        .header("Authorization", basic("admin", "bench-admin")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    String id = answer.body().replaceAll("(?s).*\"(?:id|import)\"\\s*:\\s*\"?([^\",}]+).*", "$1");
    String status = answer.body();
    while (status.contains("\"RUNNING\"")) {
      Thread.sleep(500);
      status = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/" + id))
          .header("Authorization", basic("admin", "bench-admin")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
    }
    if (!status.contains("\"IMPORTED\"")) {
      throw new IllegalStateException("The " + kind + " import did not finish: " + status);
    }
    System.out.printf(Locale.ROOT, "imported %s%n", kind);
  }

  record Round(String kind, long[] nanos, double seconds, int errors, String firstError) {
    double perSecond() {
      return nanos.length / seconds;
    }

    double percentile(int p) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
  }

  private static Round round(String base, String kind, int requests, int threads, int products, int customers)
      throws Exception {
    long[] nanos = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    String[] firstError = new String[1];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
          HttpRequest request = "A".equals(kind) ? complaint(base, products, customers) : bareStart(base);
          long start = System.nanoTime();
          try {
            HttpResponse<String> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            if (answer.statusCode() >= 300) {
              errors.incrementAndGet();
              synchronized (firstError) {
                if (firstError[0] == null) {
                  firstError[0] = answer.statusCode() + " " + answer.body();
                }
              }
            }
          } catch (Exception e) {
            nanos[i] = System.nanoTime() - start;
            errors.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    return new Round(kind, nanos, seconds, errors.get(), firstError[0]);
  }

  private static void print(String round, Round result) {
    System.out.printf(Locale.ROOT, "%-6s %-40s %9.1f %9.1f %9.1f %7d%n", round,
        "A".equals(result.kind()) ? "A POST /api/complaints" : "B engine-rest start of " + BARE,
        result.perSecond(), result.percentile(50), result.percentile(95), result.errors());
    if (result.firstError() != null) {
      System.out.println("       first error: " + result.firstError().lines().findFirst().orElse(""));
    }
  }

  /** A complaint as agents register them: a catalogue product and batch; 40 % known customers. */
  static HttpRequest complaint(String base, int products, int customers) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int product = random.nextInt(products);
    String customer;
    if (random.nextInt(10) < 4) {
      int known = random.nextInt(customers);
      // the imported customers: CN by phone, EU and US by e-mail (ImportBenchmark.customers)
      customer = switch (known % 3) {
        case 0 -> "{\"name\":\"王" + known + "\",\"phone\":\"+86139" + String.format("%08d", known)
            + "\",\"market\":\"CN\",\"locale\":\"zh-CN\"}";
        case 1 -> "{\"name\":\"Client " + known + "\",\"email\":\"client" + known
            + "@example.eu\",\"market\":\"EU\",\"locale\":\"en\"}";
        default -> "{\"name\":\"Customer " + known + "\",\"email\":\"customer" + known
            + "@example.com\",\"market\":\"US\",\"locale\":\"en\"}";
      };
    } else {
      long fresh = random.nextLong(1_000_000_000L, 9_999_999_999L);
      customer = random.nextBoolean()
          ? "{\"name\":\"李" + fresh + "\",\"phone\":\"+86138" + String.valueOf(fresh).substring(2)
              + "\",\"market\":\"CN\",\"locale\":\"zh-CN\"}"
          : "{\"name\":\"New " + fresh + "\",\"email\":\"new" + fresh + "@example.eu\",\"market\":\"EU\",\"locale\":\"en\"}";
    }
    LocalDate purchased = LocalDate.now().minusDays(3 + random.nextInt(60));
    String body = "{\"channel\":\"" + (random.nextBoolean() ? "web" : "phone") + "\",\"customer\":" + customer
        + ",\"product\":{\"sku\":\"" + String.format(Locale.ROOT, "BN-%06d", product) + "\",\"batch\":\""
        + String.format(Locale.ROOT, "L%07d", product) + "\"},\"purchase\":{\"orderNumber\":\"BENCH-"
        + random.nextInt(1_000_000) + "\",\"channel\":\"online\",\"date\":\"" + purchased + "\"},"
        + "\"description\":\"The product leaks from the cap after a few days of use.\"}";
    return HttpRequest.newBuilder(URI.create(base + "/api/complaints")).header("Authorization", basic(AGENT, PASSWORD))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static HttpRequest bareStart(String base) {
    String body = "{\"variables\":{\"caseNumber\":{\"value\":\"BENCH-" + ThreadLocalRandom.current().nextInt(1_000_000)
        + "\",\"type\":\"String\"}}}";
    return HttpRequest.newBuilder(URI.create(base + "/engine-rest/process-definition/key/" + BARE + "/start"))
        .header("Authorization", basic(AGENT, PASSWORD)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  static long count(BenchmarkDatabase db, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      return 0;
    }
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
