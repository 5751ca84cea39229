package io.aftercare.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.complaint.IntakeBenchmark;
import io.aftercare.support.BenchmarkDatabase;
import io.aftercare.support.Grants;
import io.aftercare.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Agents' task lists at a brand's scale, on PostgreSQL: runs the application (the {@code postgres}
 * profile, its authorization plan, Tasklist filters, open-task counts and engine indexes), loads
 * open tasks of a process shipped with the benchmark, spread over the working groups and due
 * dates from a day ago to three days ahead, and then, as an agent logged in to Tasklist, times
 * what Tasklist sends to its engine API for each of the agent's filters — the page request (the first 15 by due
 * date with the case columns and the filter's count, active tasks only) — and the filter's count
 * alone, next to Camunda's own count of the same tasks (the count with a criterion the kept counts
 * do not answer: {@code withoutTenantId}, which every task here meets). Prints p50 / p95 per
 * filter and the counts. A benchmark, not a test: it asserts nothing and is not part of the build.
 *
 * <pre>./mvnw -q test-compile exec:java@tasklist-benchmark [-Dbenchmark.tasks=100000] [-Dbenchmark.runs=40]</pre>
 *
 * The database ({@code aftercare_tasklist_bench} on 127.0.0.1) is kept between runs and tasks are
 * added until there are {@code benchmark.tasks} ({@code -Dbenchmark.fresh=true} starts again),
 * then ANALYZEd (this machine runs without autovacuum).
 */
public final class TaskListBenchmark {

  static final List<String> GROUPS = List.of("agent", "agent", "agent", "returns", "safety", "supervisor");
  static final String PROCESS = "benchTaskList";
  static final String AGENT = IntakeBenchmark.AGENT;
  static final String PASSWORD = IntakeBenchmark.PASSWORD;
  static final Map<String, Object> TASKLIST_PAGE = Map.of("processVariables", List.of(), "taskVariables", List.of(),
      "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")),
      "active", true);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENGINE = TasklistSession.ENGINE;

  private TaskListBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkDatabase db = BenchmarkDatabase.of("aftercare_tasklist_bench");
    db = Boolean.getBoolean("benchmark.fresh") ? db.fresh() : db.created();
    int tasks = Integer.getInteger("benchmark.tasks", 100_000);
    int runs = Integer.getInteger("benchmark.runs", 40);
    ConfigurableApplicationContext application = IntakeBenchmark.start(db);
    try {
      prepare(application);
      load(application, tasks);
      db.analyze();
      measure(new TasklistSession(IntakeBenchmark.base(application), AGENT, PASSWORD), application.getBean(TaskService.class), runs);
    } finally {
      application.close();
    }
  }

  /** The benchmark's agent, its process, and the working groups' grants on it as the authorization plan gives. */
  private static void prepare(ConfigurableApplicationContext application) {
    IntakeBenchmark.agent(application);
    application.getBean(RepositoryService.class).createDeployment().name("tasklist-benchmark")
        .enableDuplicateFiltering(true)
        .addModelInstance("bench-tasklist.bpmn", Bpmn.createExecutableProcess(PROCESS).name("Benchmark: task lists")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Work").name("Work ${caseNumber}")
            .camundaCandidateGroups("${group}").camundaDueDate("${due}").endEvent().done())
        .deploy();
    AuthorizationService authorizations = application.getBean(AuthorizationService.class);
    for (String group : List.of("agent", "returns", "safety", "supervisor")) {
      Grants.onProcessOnce(authorizations, null, group, PROCESS, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    }
  }

  /** Open tasks until there are {@code wanted}, started on two threads. */
  private static void load(ConfigurableApplicationContext application, int wanted) throws Exception {
    RuntimeService runtime = application.getBean(RuntimeService.class);
    long open = application.getBean(TaskService.class).createTaskQuery().processDefinitionKey(PROCESS).count();
    AtomicLong next = new AtomicLong(open);
    long started = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<?>> loaders = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      loaders.add(threads.submit(() -> {
        for (long i = next.getAndIncrement(); i < wanted; i = next.getAndIncrement()) {
          Random random = new Random(i);
          Map<String, Object> variables = new HashMap<>();
          variables.put("caseNumber", String.format(Locale.ROOT, "AC-2026-%06d", i));
          variables.put("customerTier", List.of("HIGH", "MEDIUM", "LOW").get(random.nextInt(3)));
          variables.put("product", "SK-" + random.nextInt(120));
          variables.put("severity", 1 + random.nextInt(3));
          variables.put("market", List.of("CN", "EU", "US").get(random.nextInt(3)));
          variables.put("group", GROUPS.get(random.nextInt(GROUPS.size())));
          variables.put("due", new Date(System.currentTimeMillis() + (random.nextInt(96) - 24) * 3_600_000L));
          runtime.startProcessInstanceByKey(PROCESS, variables.get("caseNumber").toString(), variables);
          if ((i + 1) % 10_000 == 0) {
            System.out.printf(Locale.ROOT, "loaded %,d open tasks (%.0f per second)%n", i + 1,
                (i + 1 - open) / ((System.nanoTime() - started) / 1e9));
          }
        }
        return null;
      }));
    }
    for (Future<?> loader : loaders) {
      loader.get();
    }
    threads.shutdown();
  }

  /** What is timed for each filter: Tasklist's page in its default order and by due date, the count; then Camunda's. */
  private record Timed(String name, String method, String path, Object body) {}

  private static void measure(TasklistSession tasklist, TaskService tasks, int runs) throws Exception {
    long open = tasks.createTaskQuery().count();
    System.out.printf(Locale.ROOT, "%n%,d open tasks; as an agent (group agent) logged in to Tasklist, through its"
        + " engine API; %d runs per filter after 5 to warm up; p50 / p95 ms%n", open, runs);
    List<String> names = List.of("page, newest first", "page by due date", "count", "Camunda's page", "Camunda's count");
    System.out.printf(Locale.ROOT, "%-34s", "filter");
    names.forEach(name -> System.out.printf(Locale.ROOT, " %17s", name));
    System.out.printf(Locale.ROOT, " %9s %9s%n", "count", "Camunda's");
    for (JsonNode filter : JSON.readTree(tasklist.send("GET", ENGINE + "/filter?resourceType=Task", null).body())) {
      String path = ENGINE + "/filter/" + filter.get("id").asText();
      String page = path + "/list?firstResult=0&maxResults=15";
      Map<String, Object> camundasPage = new HashMap<>(TASKLIST_PAGE);
      camundasPage.put("withoutTenantId", true);
      Map<String, Object> byDueDate = new HashMap<>(TASKLIST_PAGE);
      byDueDate.put("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")));
      List<Timed> timed = List.of(new Timed(names.get(0), "POST", page, TASKLIST_PAGE),
          new Timed(names.get(1), "POST", page, byDueDate), new Timed(names.get(2), "GET", path + "/count", null),
          new Timed(names.get(3), "POST", page, camundasPage),
          new Timed(names.get(4), "POST", path + "/count", Map.of("withoutTenantId", true)));
      long[][] nanos = new long[timed.size()][runs];
      String[] answers = new String[timed.size()];
      for (int run = -5; run < runs; run++) {
        for (int t = 0; t < timed.size(); t++) {
          long start = System.nanoTime();
          HttpResponse<String> response = tasklist.send(timed.get(t).method(), timed.get(t).path(),
              timed.get(t).body());
          long took = System.nanoTime() - start;
          if (response.statusCode() != 200) {
            throw new IllegalStateException(timed.get(t).name() + ": " + response.statusCode() + " " + response.body());
          }
          if (run >= 0) {
            nanos[t][run] = took;
          }
          answers[t] = JSON.readTree(response.body()).get("count").asText();
        }
      }
      System.out.printf(Locale.ROOT, "%-34s", filter.get("name").asText());
      for (long[] times : nanos) {
        System.out.printf(Locale.ROOT, " %8.1f / %6.1f", ms(times, 50), ms(times, 95));
      }
      System.out.printf(Locale.ROOT, " %9s %9s%n", answers[2], answers[4]);
    }
  }

  private static double ms(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
  }
}
