package io.aftercare.complaint;

import io.aftercare.support.BenchmarkDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Complaints worked end to end on one node (issue 19, item 2), on PostgreSQL on this machine: the
 * application as {@link IntakeBenchmark} runs it (same database, catalogue and customers; the job
 * executor runs the steps between the tasks), and clients that work as a contact centre does,
 * through the API and the engine's REST API:
 * <ul>
 * <li>callers: {@code POST /api/complaints} (a catalogue product and batch, 40 % known customers),
 * until the round's cases are registered;</li>
 * <li>agents: each reads the open triage and resolution tasks of complaints, oldest first, 10 at a
 * time each, as a Tasklist list ({@code GET /engine-rest/task?…&createdAfter=}; the agents share
 * one login, so each works its own share of the list) and completes them: the triage with a
 * category, severity 3 and the evidence complete; the resolution with guidance (within the
 * agent's authority);</li>
 * <li>the case is done when the customer was told the outcome and its callback follow-up started.</li>
 * </ul>
 * Prints, per round, cases per second (from the first registration to the last callback planned)
 * and the p50 / p95 of a case from registration to its callback planned (from the history).
 * Goal: 30 cases per second.
 *
 * <pre>./mvnw -q test-compile exec:java@lifecycle-benchmark   # -Dbenchmark.cases=300 -Dbenchmark.callers=4 -Dbenchmark.agents=4</pre>
 */
public final class LifecycleBenchmark {

  private static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private LifecycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkDatabase db = BenchmarkDatabase.of("aftercare_intake_bench").created();
    int cases = Integer.getInteger("benchmark.cases", 300);
    int callers = Integer.getInteger("benchmark.callers", 4);
    int agents = Integer.getInteger("benchmark.agents", 4);
    int products = Integer.getInteger("benchmark.products", 2_000);
    int customers = Integer.getInteger("benchmark.customers", 20_000);
    ConfigurableApplicationContext application = IntakeBenchmark.start(db);
    try {
      String base = IntakeBenchmark.base(application);
      IntakeBenchmark.prepare(application, base, db, products, customers);
      System.out.printf(Locale.ROOT, "%nComplaints worked end to end on PostgreSQL, %d cores, %d callers, %d agents;"
          + " %,d cases in the database before%n", Runtime.getRuntime().availableProcessors(), callers, agents,
          IntakeBenchmark.count(db, "select count(*) from case_file"));
      run("warm-up", db, base, Math.max(20, cases / 5), callers, agents, products, customers);
      for (int round = 1; round <= 2; round++) {
        run("round " + round, db, base, cases, callers, agents, products, customers);
      }
    } finally {
      application.close();
    }
  }

  private static void run(String name, BenchmarkDatabase db, String base, int cases, int callers, int agents,
      int products, int customers) throws Exception {
    Thread.sleep(1_000);
    Timestamp since = new Timestamp(System.currentTimeMillis());
    // the engine REST API's date format, with the zone
    String createdAfter = URLEncoder.encode(new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .format(since), StandardCharsets.UTF_8);
    AtomicInteger registered = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    String[] firstFailure = new String[1];
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(callers + agents);
    List<Future<?>> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < callers; c++) {
      running.add(pool.submit(() -> {
        while (registered.getAndIncrement() < cases) {
          attempt(failed, firstFailure, () -> send(IntakeBenchmark.complaint(base, products, customers), 201));
        }
        return null;
      }));
    }
    String list = base + "/engine-rest/task?processDefinitionKey=complaintHandling"
        + "&taskDefinitionKeyIn=Task_Triage,Task_Resolve&createdAfter=" + createdAfter
        + "&sortBy=created&sortOrder=asc&maxResults=" + (10 * agents);
    for (int a = 0; a < agents; a++) {
      int agent = a;
      running.add(pool.submit(() -> {
        while (!done.get()) {
          String[] page = {""};
          attempt(failed, firstFailure, () -> page[0] = send(get(list), 200));
          Matcher tasks = TASK_ID.matcher(page[0]);
          boolean worked = false;
          while (tasks.find()) {
            String task = tasks.group(1);
            // the agents share one login: each works its share of the list, as if it had claimed it
            if (Math.floorMod(task.hashCode(), agents) == agent) {
              attempt(failed, firstFailure, () -> work(base, task));
              worked = true;
            }
          }
          if (!worked) {
            Thread.sleep(200);
          }
        }
        return null;
      }));
    }
    long planned = 0;
    long deadline = System.nanoTime() + 600_000_000_000L;
    // one connection for the round's polls (a new one four times a second was a PostgreSQL
    // backend started each time, on the cores the application shares)
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
         java.sql.PreparedStatement poll = connection.prepareStatement("select count(*) from ACT_HI_PROCINST"
             + " where PROC_DEF_KEY_ = 'callbackFollowUp' and START_TIME_ >= ?")) {
      poll.setTimestamp(1, since);
      while (planned + failed.get() < cases && System.nanoTime() < deadline) {
        Thread.sleep(250);
        try (ResultSet rows = poll.executeQuery()) {
          rows.next();
          planned = rows.getLong(1);
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    done.set(true);
    for (Future<?> future : running) {
      future.get();
    }
    pool.shutdown();
    double[] percentiles = caseTimes(db, since);
    System.out.printf(Locale.ROOT, "%-8s %,5d of %,d cases done in %6.1f s: %5.1f cases per s; a case from registration"
            + " to callback planned p50 %.1f s, p95 %.1f s; failed %d%n", name, planned, cases, seconds,
        planned / seconds, percentiles[0], percentiles[1], failed.get());
    if (firstFailure[0] != null) {
      System.out.println("         first failure: " + firstFailure[0]);
    }
  }

  /** p50 and p95 in seconds of the cases whose callback was planned since then, from the history. */
  private static double[] caseTimes(BenchmarkDatabase db, Timestamp since) throws Exception {
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("select percentile_cont(0.5) within group (order by s),"
             + " percentile_cont(0.95) within group (order by s) from (select extract(epoch from"
             + " (callback.START_TIME_ - complaint.START_TIME_)) s from ACT_HI_PROCINST callback join ACT_HI_PROCINST"
             + " complaint on complaint.BUSINESS_KEY_ = callback.BUSINESS_KEY_ and complaint.PROC_DEF_KEY_ ="
             + " 'complaintHandling' where callback.PROC_DEF_KEY_ = 'callbackFollowUp' and callback.START_TIME_ >= '"
             + since + "') t")) {
      rows.next();
      return new double[] {rows.getDouble(1), rows.getDouble(2)};
    }
  }

  private interface Work {
    Object run() throws Exception;
  }

  private static void attempt(AtomicInteger failed, String[] firstFailure, Work work) {
    try {
      work.run();
    } catch (Exception e) {
      failed.incrementAndGet();
      synchronized (firstFailure) {
        if (firstFailure[0] == null) {
          firstFailure[0] = e.getMessage();
        }
      }
    }
  }

  private static Object work(String base, String taskId) throws Exception {
    String step = send(get(base + "/engine-rest/task/" + taskId), 200);
    String variables = step.contains("\"Task_Triage\"")
        ? "{\"category\":{\"value\":\"efficacy\",\"type\":\"String\"},\"severity\":{\"value\":3,\"type\":\"Integer\"},"
            + "\"evidenceComplete\":{\"value\":true,\"type\":\"Boolean\"}}"
        : "{\"resolution\":{\"value\":\"guidance\",\"type\":\"String\"},"
            + "\"resolutionNote\":{\"value\":\"Shake the bottle before use; the formula settles.\",\"type\":\"String\"}}";
    complete(base, taskId, "{\"variables\":" + variables + "}");
    return null;
  }

  private static void complete(String base, String taskId, String body) throws Exception {
    send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/" + taskId + "/complete"))
        .header("Authorization", IntakeBenchmark.basic(IntakeBenchmark.AGENT, IntakeBenchmark.PASSWORD))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), 204);
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", IntakeBenchmark.basic(IntakeBenchmark.AGENT, IntakeBenchmark.PASSWORD)).GET().build();
  }

  private static String send(HttpRequest request, int expected) throws Exception {
    HttpResponse<String> answer = IntakeBenchmark.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != expected) {
      throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": " + answer.statusCode()
          + " " + answer.body().lines().findFirst().orElse(""));
    }
    return answer.body();
  }


}
