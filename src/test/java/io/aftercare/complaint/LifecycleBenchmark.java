package io.aftercare.complaint;

import io.aftercare.support.BenchmarkDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Complaints worked end to end on one node (issue 19, item 2), on PostgreSQL on this machine: the
 * application as {@link IntakeBenchmark} runs it (same database, catalogue and customers; the job
 * executor runs the steps between the tasks), and client threads that each work one case after
 * another as an agent does, through the API and the engine's REST API:
 * <ol>
 * <li>{@code POST /api/complaints} (a catalogue product and batch, 40 % known customers);</li>
 * <li>the triage, once in the list ({@code GET /engine-rest/task?processInstanceBusinessKey=…}),
 * completed with a category, severity 3 and the evidence complete;</li>
 * <li>the resolution, once in the list, completed with guidance (within the agent's authority);</li>
 * <li>the outcome told to the customer and the callback planned: the case counts when its callback
 * follow-up has started.</li>
 * </ol>
 * Many cases are under way at once (32 client threads), each client looking every 250 ms whether
 * its case's next task is there. Prints cases per second and the p50 / p95 of a case from
 * registration to its callback planned (that includes the job executor's steps and the clients'
 * looking), after a warm-up. Goal: 30 cases per second.
 *
 * <pre>./mvnw -q test-compile exec:java@lifecycle-benchmark   # -Dbenchmark.cases=300 -Dbenchmark.threads=32 -Dbenchmark.poll=250</pre>
 */
public final class LifecycleBenchmark {

  private static final Pattern CASE_NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
  /** How often a client looks whether the next task is there (as Tasklist refreshes a list, only faster). */
  private static final long POLL_MILLIS = Long.getLong("benchmark.poll", 250);

  private LifecycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkDatabase db = BenchmarkDatabase.of("aftercare_intake_bench").created();
    int cases = Integer.getInteger("benchmark.cases", 300);
    int threads = Integer.getInteger("benchmark.threads", 32);
    int products = Integer.getInteger("benchmark.products", 2_000);
    int customers = Integer.getInteger("benchmark.customers", 20_000);
    ConfigurableApplicationContext application = IntakeBenchmark.start(db);
    try {
      String base = IntakeBenchmark.base(application);
      IntakeBenchmark.prepare(application, base, db, products, customers);
      System.out.printf(Locale.ROOT, "%nComplaints worked end to end on PostgreSQL, %d cores, %d client threads;"
          + " %,d cases in the database before%n", Runtime.getRuntime().availableProcessors(), threads,
          IntakeBenchmark.count(db, "select count(*) from case_file"));
      print("warm-up", run(base, Math.max(threads, cases / 5), threads, products, customers));
      for (int round = 1; round <= 2; round++) {
        print("round " + round, run(base, cases, threads, products, customers));
      }
    } finally {
      application.close();
    }
  }

  record Result(long[] nanos, double seconds, int failed, String firstFailure) {}

  private static Result run(String base, int cases, int threads, int products, int customers) throws Exception {
    long[] nanos = new long[cases];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    String[] firstFailure = new String[1];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
          long start = System.nanoTime();
          try {
            workOneCase(base, products, customers);
          } catch (Exception e) {
            failed.incrementAndGet();
            synchronized (firstFailure) {
              if (firstFailure[0] == null) {
                firstFailure[0] = e.getMessage();
              }
            }
          }
          nanos[i] = System.nanoTime() - start;
        }
        return null;
      }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    pool.shutdown();
    return new Result(nanos, (System.nanoTime() - started) / 1e9, failed.get(), firstFailure[0]);
  }

  private static void workOneCase(String base, int products, int customers) throws Exception {
    String registered = send(IntakeBenchmark.complaint(base, products, customers), 201);
    Matcher caseNumber = CASE_NUMBER.matcher(registered);
    if (!caseNumber.find()) {
      throw new IllegalStateException("no case number in " + registered);
    }
    String number = caseNumber.group(1);
    complete(base, waitForTask(base, number, "Task_Triage"), "{\"variables\":{"
        + "\"category\":{\"value\":\"efficacy\",\"type\":\"String\"},\"severity\":{\"value\":3,\"type\":\"Integer\"},"
        + "\"evidenceComplete\":{\"value\":true,\"type\":\"Boolean\"}}}");
    complete(base, waitForTask(base, number, "Task_Resolve"), "{\"variables\":{"
        + "\"resolution\":{\"value\":\"guidance\",\"type\":\"String\"},"
        + "\"resolutionNote\":{\"value\":\"Shake the bottle before use; the formula settles.\",\"type\":\"String\"}}}");
    String callbacks = "/engine-rest/process-instance/count?processDefinitionKey=callbackFollowUp&businessKey="
        + URLEncoder.encode(number, StandardCharsets.UTF_8);
    waitUntil(() -> {
      Matcher count = COUNT.matcher(send(get(base + callbacks), 200));
      return count.find() && Integer.parseInt(count.group(1)) > 0;
    }, number + ": no callback planned");
  }

  private interface Check {
    boolean done() throws Exception;
  }

  private static void waitUntil(Check check, String failure) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!check.done()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static String waitForTask(String base, String caseNumber, String step) throws Exception {
    String query = base + "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(caseNumber,
        StandardCharsets.UTF_8) + "&taskDefinitionKey=" + step;
    String[] id = new String[1];
    waitUntil(() -> {
      Matcher task = TASK_ID.matcher(send(get(query), 200));
      if (task.find()) {
        id[0] = task.group(1);
        return true;
      }
      return false;
    }, caseNumber + ": no " + step);
    return id[0];
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

  private static void print(String round, Result result) {
    long[] sorted = result.nanos().clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-8s %,5d cases in %6.1f s: %5.1f cases per s; a case p50 %6.0f ms, p95 %6.0f ms;"
            + " failed %d%n", round, sorted.length, result.seconds(), sorted.length / result.seconds(),
        sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)] / 1e6,
        result.failed());
    if (result.firstFailure() != null) {
      System.out.println("         first failure: " + result.firstFailure());
    }
  }
}
