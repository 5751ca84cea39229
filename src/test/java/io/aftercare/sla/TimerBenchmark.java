package io.aftercare.sla;

import io.aftercare.process.EngineIndexes;
import io.aftercare.process.InsertIdCheck;
import io.aftercare.process.TimeOrderedIds;
import io.aftercare.process.VariableHistory;
import io.aftercare.support.BenchmarkDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Timers under load (issue 19, item 4), on PostgreSQL, not part of the build: many pending SLA
 * timers, of which a batch falls due at the same instant, worked by two engine nodes sharing one
 * database, as two application nodes do. Prints how late each timer fired (p50 / p95 / p99 /
 * max, from its due instant to the moment its step ran), how the work split between the nodes,
 * and the jobs per second, for each job-executor setting compared.
 *
 * <p>The process is shipped here: a user task with an interrupting boundary timer (an SLA
 * breach), whose path runs a step that records the lateness, then ends — one job per timer, as
 * the processes' SLA timers. Full history as the application writes it ({@link VariableHistory},
 * {@link InsertIdCheck}, no removal time written at the end), the application's indexes
 * ({@link EngineIndexes}), UUID ids (two nodes). The pending timers are due in 30 days; each
 * round starts the batch with a placeholder due date and then moves it to "now + lead" in one
 * update, so that it falls due at once while both nodes are already running.
 *
 * <pre>./mvnw -q test-compile exec:java@timer-benchmark   # -Dbenchmark.timers=100000 -Dbenchmark.due=10000 -Dbenchmark.settings=1,2,3</pre>
 */
public final class TimerBenchmark {

  private static final String PROCESS = "slaTimerBench";
  /** Where a round's batch waits until it is brought due. */
  private static final Date PLACEHOLDER = Timestamp.valueOf("2099-01-01 00:00:00");

  /** A job-executor setting compared. */
  record Setting(String name, boolean byDueDate, int acquisition, int core, int max, int queue, long waitMillis) {}

  /** The lateness of every timer fired in a round, by node. */
  public static final class Lateness {
    volatile long dueAt;
    final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
    volatile long first = Long.MAX_VALUE;
    volatile long last;

    /** Called by the timer's path (camunda:expression). */
    public void record(DelegateExecution execution) {
      long now = System.currentTimeMillis();
      millis.add(now - dueAt);
      byNode.computeIfAbsent(execution.getProcessEngine().getName(), k -> new AtomicInteger()).incrementAndGet();
      synchronized (this) {
        first = Math.min(first, now);
        last = Math.max(last, now);
      }
    }
  }

  private TimerBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkDatabase db = BenchmarkDatabase.of("aftercare_timer_bench");
    int timers = Integer.getInteger("benchmark.timers", 100_000);
    int due = Integer.getInteger("benchmark.due", 10_000);
    int nodes = Integer.getInteger("benchmark.nodes", 2);
    if (Boolean.getBoolean("benchmark.fresh")) {
      db.fresh();
    } else {
      db.created();
    }
    List<Setting> allSettings = List.of(
        // Camunda's defaults (the Spring Boot starter's): any due jobs, 3 an acquisition, 3–10 threads, a queue of 3
        // (every job has a due date in all three, as in the application)
        new Setting("Camunda defaults", false, 3, 3, 10, 3, 5_000),
        // the same, the soonest due first (ordered by due date, every job with one: the index is read in order;
        // the application's until 10 an acquisition was measured faster)
        new Setting("by due date", true, 3, 3, 10, 3, 5_000),
        // by due date, more jobs an acquisition, fixed threads, a queue to hold them (the application's)
        new Setting("larger batches", true, Integer.getInteger("benchmark.acquisition", 10),
            Integer.getInteger("benchmark.core", 4), Integer.getInteger("benchmark.max", 4),
            Integer.getInteger("benchmark.queue", 10), 5_000));

    // -Dbenchmark.settings=3,2 runs only those rows, in that order (a run's later rows are faster:
    // alternate the order to compare two settings)
    List<Setting> settings = allSettings;
    String chosen = System.getProperty("benchmark.settings");
    if (chosen != null) {
      settings = java.util.Arrays.stream(chosen.split(","))
          .map(n -> allSettings.get(Integer.parseInt(n.strip()) - 1)).toList();
    }
    Lateness lateness = new Lateness();
    ProcessEngine loader = engine(db, "loader", null, lateness, true);
    try {
      long pending = pendingFarTimers(loader);
      load(loader, (int) Math.max(0, timers - due - pending), addDays(new Date(), 30));
      db.analyze();
    } finally {
      loader.close();
    }
    System.out.printf("%n%,d timers pending in 30 days; rounds of %,d falling due at once, %d nodes%n",
        timers - due, due, nodes);
    for (Setting setting : settings) {
      round(db, setting, nodes, due, lateness);
    }
  }

  private static void round(BenchmarkDatabase db, Setting setting, int nodes, int due, Lateness lateness)
      throws Exception {
    ProcessEngine loader = engine(db, "loader", null, lateness, true);
    try {
      load(loader, due, PLACEHOLDER);
      db.analyze();
    } finally {
      loader.close();
    }
    lateness.millis.clear();
    lateness.byNode.clear();
    lateness.first = Long.MAX_VALUE;
    lateness.last = 0;
    List<ProcessEngine> running = new ArrayList<>();
    int moved;
    try {
      for (int n = 1; n <= nodes; n++) {
        running.add(engine(db, "node" + n, setting, lateness, false));
      }
      // both nodes look for jobs; the batch falls due a little later, all at once
      long dueAt = System.currentTimeMillis() + 10_000;
      lateness.dueAt = dueAt;
      try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
           PreparedStatement move = connection.prepareStatement(
               "update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ = ?")) {
        move.setTimestamp(1, new Timestamp(dueAt));
        move.setTimestamp(2, new Timestamp(PLACEHOLDER.getTime()));
        moved = move.executeUpdate();
      }
      long deadline = dueAt + 600_000;
      while (lateness.millis.size() < moved && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
    } finally {
      for (ProcessEngine engine : running) {
        engine.close();
      }
    }
    List<Long> sorted = new ArrayList<>(lateness.millis);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.printf("%s: no timer fired%n", setting.name());
      return;
    }
    double seconds = Math.max(1, lateness.last - lateness.first) / 1000.0;
    System.out.printf(Locale.ROOT, "%-16s (%s, acquire %d, threads %d-%d, queue %d): %,d of %,d fired; lateness p50 %.1f s,"
            + " p95 %.1f s, p99 %.1f s, max %.1f s; %.0f jobs/s; by node %s%n",
        setting.name(), setting.byDueDate() ? "by due date" : "any order", setting.acquisition(), setting.core(), setting.max(), setting.queue(), sorted.size(), moved,
        at(sorted, 0.50) / 1000.0, at(sorted, 0.95) / 1000.0, at(sorted, 0.99) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0, sorted.size() / seconds, new java.util.TreeMap<>(lateness.byNode));
  }

  private static long at(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }

  private static ProcessEngine engine(BenchmarkDatabase db, String name, Setting setting, Lateness lateness,
      boolean schema) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl(db.url());
    configuration.setJdbcUsername(db.user());
    configuration.setJdbcPassword(db.password());
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setJdbcMaxActiveConnections(20);
    // connections kept open, as the application's pool keeps them (MyBatis closes idle ones above 5 by default)
    configuration.setJdbcMaxIdleConnections(20);
    configuration.setDatabaseSchemaUpdate(schema ? "true" : "false");
    configuration.setHistory("full");
    configuration.setEnforceHistoryTimeToLive(false);
    // history cleanup by end time, no removal time written when an instance ends (application.yaml)
    configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
    configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
    // the application's ids: in time order, and two nodes' never the same
    configuration.setIdGenerator(new TimeOrderedIds());
    // the application's indexes, and its history and inserts as it writes them
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new EngineIndexes(), new VariableHistory(),
        new InsertIdCheck())));
    Map<Object, Object> beans = new HashMap<>();
    beans.put("lateness", lateness);
    configuration.setBeans(beans);
    configuration.setJobExecutorDeploymentAware(false);
    // every job has a due date, so that "due now" is a range of the due-date index (application.yaml)
    configuration.setEnsureJobDueDateNotNull(true);
    if (setting == null) {
      configuration.setJobExecutorActivate(false);
    } else {
      configuration.setJobExecutorAcquireByDueDate(setting.byDueDate());
      DefaultJobExecutor executor = new DefaultJobExecutor();
      executor.setMaxJobsPerAcquisition(setting.acquisition());
      executor.setCorePoolSize(setting.core());
      executor.setMaxPoolSize(setting.max());
      executor.setQueueSize(setting.queue());
      executor.setMaxWait(setting.waitMillis());
      executor.setLockTimeInMillis(30_000);
      configuration.setJobExecutor(executor);
      configuration.setJobExecutorActivate(true);
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    if (schema && engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
        .count() == 0) {
      BpmnModelInstance process = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(30)
          .startEvent().userTask("Task_Work").name("Work ${caseNumber}").camundaCandidateGroups("agent")
          .boundaryEvent("Timer_Breach").timerWithDate("${due}")
          .serviceTask("Task_Escalate").camundaExpression("${lateness.record(execution)}")
          .endEvent("End_Breached")
          .moveToActivity("Task_Work").endEvent("End_Done").done();
      engine.getRepositoryService().createDeployment().addModelInstance("sla-timer-bench.bpmn", process).deploy();
    }
    return engine;
  }

  private static long pendingFarTimers(ProcessEngine engine) {
    return engine.getManagementService().createJobQuery().timers().duedateHigherThan(new Date()).count()
        - engine.getManagementService().createJobQuery().timers().duedateHigherThan(addDays(PLACEHOLDER, -1)).count();
  }

  /** Starts {@code count} cases waiting at the user task, their timers due at {@code due}; 2 threads, 200 a transaction. */
  private static void load(ProcessEngine engine, int count, Date due) throws Exception {
    if (count <= 0) {
      return;
    }
    long started = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    int batch = 200;
    for (int from = 0; from < count; from += batch) {
      int size = Math.min(batch, count - from);
      work.add(threads.submit(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
        for (int i = 0; i < size; i++) {
          Map<String, Object> variables = new HashMap<>();
          variables.put("caseNumber", "AC-BENCH-" + done.incrementAndGet());
          variables.put("due", due);
          engine.getRuntimeService().startProcessInstanceByKey(PROCESS, variables);
        }
        return null;
      })));
    }
    for (Future<?> future : work) {
      future.get();
    }
    threads.shutdown();
    System.out.printf(Locale.ROOT, "loaded %,d timers in %.0f s%n", count, (System.nanoTime() - started) / 1e9);
  }

  private static Date addDays(Date date, int days) {
    return new Date(date.getTime() + days * 86_400_000L);
  }
}
