package io.aftercare.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Agents' task lists at a brand's scale, on PostgreSQL: loads open tasks spread over the working
 * groups (each with its candidate group's authorization, as the engine creates it, and the case
 * columns), with Aftercare's authorization plan, its Tasklist filters and specific variable
 * permissions in place; then, as an agent, runs what Tasklist asks for a filter — the first page
 * of 15 sorted by due date, its case columns, and the count — and prints p50 / p95 per filter. A
 * benchmark, not a test: it asserts nothing and is not part of the build.
 *
 * <pre>./mvnw -q test-compile exec:java@tasklist-benchmark [-Dbenchmark.tasks=100000] [-Dbenchmark.runs=40]</pre>
 *
 * The database ({@code aftercare_tasks_bench} on 127.0.0.1) is created when missing; tasks are
 * added until there are {@code benchmark.tasks}, then ANALYZEd (autovacuum may be off).
 */
public final class TaskListBenchmark {

  static final List<String> GROUPS = List.of("agent", "agent", "agent", "returns", "safety", "supervisor");

  private TaskListBenchmark() {}

  public static void main(String[] args) throws Exception {
    io.aftercare.support.BenchmarkDatabase db = io.aftercare.support.BenchmarkDatabase.of("aftercare_tasks_bench")
        .created();
    String server = db.server();
    String database = db.database();
    String user = db.user();
    String password = db.password();
    int tasks = Integer.getInteger("benchmark.tasks", 100_000);
    int runs = Integer.getInteger("benchmark.runs", 40);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(server + database);
    configuration.setJdbcUsername(user);
    configuration.setJdbcPassword(password);
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(true);
    configuration.setEnforceSpecificVariablePermission(true);
    // tasks granted per process definition, as the application runs (TaskAccessPlugin)
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new TaskAccessPlugin(),
        new io.aftercare.process.EngineIndexes())));
    configuration.setJobExecutorActivate(false);
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9-]*");
    configuration.setEnforceHistoryTimeToLive(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      setUp(engine);
      load(engine, tasks, db);
      measure(engine, runs);
    } finally {
      engine.close();
    }
  }

  private static void setUp(ProcessEngine engine) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("complaintHandling").count() == 0) {
      BpmnModelInstance process = Bpmn.createExecutableProcess("complaintHandling").camundaHistoryTimeToLive(1095)
          .startEvent().userTask("Task_Work").name("Work ${caseNumber} · ${customerTier}")
          .camundaCandidateGroups("${group}").camundaDueDate("${due}").endEvent().done();
      engine.getRepositoryService().createDeployment().addModelInstance("bench.bpmn", process).deploy();
    }
    for (AuthorizationPlan.Grant grant : AuthorizationPlan.grants()) {
      if (engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(grant.group().id())
          .resourceType(grant.resource()).resourceId(grant.resourceId()).count() == 0) {
        Authorization authorization = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.group().id());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        grant.permissions().forEach(authorization::addPermission);
        engine.getAuthorizationService().saveAuthorization(authorization);
      }
    }
    new TasklistFilters(engine.getFilterService(), engine.getAuthorizationService()).run(null);
  }

  private static void load(ProcessEngine engine, int wanted, io.aftercare.support.BenchmarkDatabase db) throws Exception {
    long open = engine.getTaskService().createTaskQuery().count();
    Random random = new Random(open);
    long started = System.nanoTime();
    for (long i = open; i < wanted; i++) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("caseNumber", String.format("AC-2026-%06d", i));
      variables.put("customerTier", List.of("HIGH", "MEDIUM", "LOW").get(random.nextInt(3)));
      variables.put("product", "SK-" + random.nextInt(120));
      variables.put("severity", 1 + random.nextInt(3));
      variables.put("market", List.of("CN", "EU", "US").get(random.nextInt(3)));
      variables.put("group", GROUPS.get(random.nextInt(GROUPS.size())));
      variables.put("due", new Date(System.currentTimeMillis() + (random.nextInt(96) - 24) * 3_600_000L));
      engine.getRuntimeService().startProcessInstanceByKey("complaintHandling", variables.get("caseNumber").toString(),
          variables);
      if ((i + 1) % 10_000 == 0) {
        System.out.printf("loaded %,d open tasks (%.0f per second)%n", i + 1,
            (i + 1 - open) / ((System.nanoTime() - started) / 1e9));
      }
    }
    db.analyze();
  }

  private static void measure(ProcessEngine engine, int runs) {
    FilterService filters = engine.getFilterService();
    long open = engine.getTaskService().createTaskQuery().count();
    System.out.printf("%n%,d open tasks; as agent (groups agent); %d runs per filter%n", open, runs);
    System.out.printf("%-34s %10s %10s %10s %10s%n", "filter", "list p50", "list p95", "count p50", "count p95");
    engine.getIdentityService().setAuthentication("agent", List.of("agent"));
    try {
      for (Filter filter : filters.createFilterQuery().filterOwner(TasklistFilters.OWNER).orderByFilterId().asc().list()) {
        if (filter.getName().startsWith("Team:") && !filter.getName().contains("agents")) {
          continue;   // another team's: not the agent's
        }
        long[] list = new long[runs];
        long[] count = new long[runs];
        for (int run = 0; run < runs; run++) {
          long start = System.nanoTime();
          List<Task> page = filters.listPage(filter.getId(),
              engine.getTaskService().createTaskQuery().orderByDueDate().asc(), 0, 15);
          // the case columns of the page, as Tasklist embeds them
          if (!page.isEmpty()) {
            List<VariableInstance> columns = engine.getRuntimeService().createVariableInstanceQuery()
                .variableScopeIdIn(page.stream().map(Task::getExecutionId).toArray(String[]::new))
                .variableNameIn("caseNumber", "customerTier", "product", "severity").list();
            columns.size();
          }
          list[run] = System.nanoTime() - start;
          start = System.nanoTime();
          filters.count(filter.getId());
          count[run] = System.nanoTime() - start;
        }
        System.out.printf("%-34s %8.1f ms %8.1f ms %8.1f ms %8.1f ms%n", filter.getName(), ms(list, 50), ms(list, 95),
            ms(count, 50), ms(count, 95));
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static double ms(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
  }
}
