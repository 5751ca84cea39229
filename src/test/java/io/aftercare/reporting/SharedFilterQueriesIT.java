package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Grants;
import io.aftercare.support.Http;
import io.aftercare.support.TasklistSession;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import javax.sql.DataSource;

/**
 * Tasklist's counts of the shared filters, read from the open-task counts, are Camunda's own
 * counts, and their pages Camunda's own pages, for every user and filter, through each door that
 * counts or lists a filter (Tasklist's page request in a Tasklist session, {@code /engine-rest}'s
 * count and list, the Java API), while tasks are created with
 * various groups and due dates, claimed, assigned outside their groups, escalated to another
 * group, moved to another due date, completed, cancelled and suspended. Camunda's own count is
 * asked for by adding a criterion the counts do not answer ({@code withoutTenantId}: no task
 * here has a tenant).
 */
@AftercareIT
class SharedFilterQueriesIT {

  private static final String PROCESS = "tasklistCountsCheck";
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final List<String> USERS = List.of("agent", "returns", "safety", "supervisor", "admin:admin-test");
  private static final Map<String, Object> TASKLIST_PAGE = Map.of("processVariables", List.of(),
      "taskVariables", List.of(), "caseInstanceVariables", List.of(),
      "sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")), "active", true);

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  FilterService filters;
  @Autowired
  IdentityService identity;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DataSource dataSource;

  Http http;
  final List<String> grants = new ArrayList<>();
  String deployment;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    deployment = repository.createDeployment().name("tasklist counts check")
        .addModelInstance("tasklist-counts-check.bpmn", Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Check").name("Check")
            .camundaCandidateGroups("${groups}").camundaDueDate("${due}").endEvent().done())
        .deploy().getId();
    // agents and supervisors read this process's tasks; returns clerks do not
    for (String group : List.of("agent", "supervisor")) {
      grants.add(Grants.onProcess(authorizations, null, group, PROCESS, Permissions.READ, Permissions.READ_TASK));
    }
  }

  @AfterEach
  void tearDown() {
    grants.forEach(authorizations::deleteAuthorization);
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void countsAreCamundasOwnThroughEveryDoorAsTasksChange() throws Exception {
    Instant now = Instant.now();
    List<ProcessInstance> cases = new ArrayList<>();
    Object[][] made = {
        // groups, due: overdue, due in this quarter hour before and after now, later today, in two days, none
        {"agent", now.minus(2, ChronoUnit.HOURS)}, {"agent", now.minusSeconds(1)}, {"agent", now.plusSeconds(60)},
        {"agent", now.plus(3, ChronoUnit.HOURS)}, {"agent", now.plus(2, ChronoUnit.DAYS)}, {"agent", null},
        {"returns", now.minus(1, ChronoUnit.DAYS)}, {"returns", now.plus(1, ChronoUnit.HOURS)}, {"returns", null},
        {"agent,supervisor", now.minus(30, ChronoUnit.MINUTES)}, {"safety", now.plus(5, ChronoUnit.HOURS)},
        {"supervisor", now.minus(3, ChronoUnit.DAYS)}, {"agent,returns", now.minusSeconds(30)},
    };
    for (Object[] task : made) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("groups", task[0]);
      variables.put("due", task[1] == null ? null : Date.from((Instant) task[1]));
      cases.add(runtime.startProcessInstanceByKey(PROCESS, variables));
    }
    assertCountsAreCamundas("created");

    tasks.claim(task(cases.get(0)).getId(), "agent");
    // a returns task given to an agent: in the agent's due filters, not in their groups' filter
    tasks.setAssignee(task(cases.get(7)).getId(), "agent");
    tasks.setAssignee(task(cases.get(6)).getId(), "agent");
    assertCountsAreCamundas("claimed and assigned");

    // escalated: offered to the supervisors as well; then one group taken away
    tasks.addCandidateGroup(task(cases.get(3)).getId(), "supervisor");
    tasks.deleteCandidateGroup(task(cases.get(9)).getId(), "agent");
    // moved to another due date (a clock paused and resumed), and a due date taken away
    Task moved = task(cases.get(4));
    moved.setDueDate(Date.from(now.minus(1, ChronoUnit.HOURS)));
    tasks.saveTask(moved);
    Task undated = task(cases.get(1));
    undated.setDueDate(null);
    tasks.saveTask(undated);
    assertCountsAreCamundas("escalated and moved");
    // the migration's filling counts every open task as the history events have
    Map<String, Long> kept = countRows();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      OpenTaskCounts.rebuild(connection);
      connection.commit();
    }
    assertThat(countRows()).isEqualTo(kept);

    // everyone may read the process's tasks (a global authorization), and the returns clerks one
    // more task (Camunda then answers for them)
    Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    global.setUserId(Authorization.ANY);
    global.setResource(Resources.PROCESS_DEFINITION);
    global.setResourceId(PROCESS);
    global.addPermission(Permissions.READ_TASK);
    Authorization single = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    single.setGroupId("returns");
    single.setResource(Resources.TASK);
    single.setResourceId(task(cases.get(5)).getId());
    single.addPermission(Permissions.READ);
    List<String> extra = List.of(authorizations.saveAuthorization(global).getId(),
        authorizations.saveAuthorization(single).getId());
    grants.addAll(extra);
    assertCountsAreCamundas("granted to everyone, and one task to the returns clerks");
    extra.forEach(authorizations::deleteAuthorization);
    grants.removeAll(extra);

    tasks.complete(task(cases.get(0)).getId());
    tasks.complete(task(cases.get(12)).getId());
    runtime.deleteProcessInstance(cases.get(10).getId(), "cancelled by the test");
    runtime.suspendProcessInstanceById(cases.get(2).getId());
    runtime.suspendProcessInstanceById(cases.get(11).getId());
    assertCountsAreCamundas("completed, cancelled and suspended");

    // the counts are what answers: a count changed behind the engine's back shows
    Filter groupsFilter = filters.createFilterQuery().filterName("我组的任务 My groups' tasks").singleResult();
    long before = count(groupsFilter, "agent");
    jdbc.sql("update open_task_count set tasks = tasks + 1000 where candidate_groups = 'agent' and process_key = ?"
        + " and due_slot = ?").params(PROCESS, OpenTaskCounts.ALL).update();
    try {
      assertThat(count(groupsFilter, "agent")).isEqualTo(before + 1000);
      assertThat(count(groupsFilter, "returns")).as("not a returns clerk's process").isEqualTo(
          camundaCount(groupsFilter, "returns", false));
    } finally {
      jdbc.sql("update open_task_count set tasks = tasks - 1000 where candidate_groups = 'agent'"
          + " and process_key = ? and due_slot = ?").params(PROCESS, OpenTaskCounts.ALL).update();
    }

    for (ProcessInstance instance : cases) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
        runtime.activateProcessInstanceById(instance.getId());
        Task open = task(instance);
        if (open != null) {
          tasks.complete(open.getId());
        }
      }
    }
    assertCountsAreCamundas("all done");
    assertThat(jdbc.sql("select coalesce(sum(tasks), 0) from open_task_count where process_key = ? and due_slot = ?")
        .params(PROCESS, OpenTaskCounts.ALL).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from open_task_count where process_key = ? and due_slot <> ?")
        .params(PROCESS, OpenTaskCounts.ALL).query(Long.class).single()).as("no quarter hour left").isZero();
  }

  private void assertCountsAreCamundas(String when) throws Exception {
    for (String user : USERS) {
      for (JsonNode filter : http.get("/engine-rest/filter?resourceType=Task", user).json()) {
        String id = filter.get("id").asText();
        String filterName = filter.get("name").asText();
        Map<String, Object> camunda = new LinkedHashMap<>(Map.of("withoutTenantId", true));
        long all = http.post("/engine-rest/filter/" + id + "/count", user, camunda).json().get("count").asLong();
        camunda.put("active", true);
        long active = http.post("/engine-rest/filter/" + id + "/count", user, camunda).json().get("count").asLong();
        String as = when + ": " + filterName + " as " + user;
        assertThat(http.get("/engine-rest/filter/" + id + "/count", user).json().get("count").asLong()).as(as)
            .isEqualTo(all);
        assertThat(http.postAccepting("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15", user,
            "application/hal+json", TASKLIST_PAGE).json().get("count").asLong()).as(as + ", Tasklist's page")
            .isEqualTo(active);
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        identity.setAuthentication(name, groupsOf(name));
        try {
          assertThat(filters.count(id)).as(as + ", Java API").isEqualTo(all);
        } finally {
          identity.clearAuthentication();
        }
        for (String[] sorting : List.of(new String[] {"created", "desc", "created"},
            new String[] {"dueDate", "asc", "due"}, new String[] {"dueDate", "desc", "due"})) {
          Map<String, Object> page = new LinkedHashMap<>(Map.of("active", true,
              "sorting", List.of(Map.of("sortBy", sorting[0], "sortOrder", sorting[1]))));
          Map<String, Object> camundas = new LinkedHashMap<>(page);
          camundas.put("withoutTenantId", true);
          String by = as + ", sorted by " + sorting[0] + " " + sorting[1];
          // the first page: the same values of the sort column in the same order (tasks alike in
          // it may come in either order), and every page together the same tasks
          assertThat(values(list(id, user, page, 15), sorting[2])).as(by)
              .isEqualTo(values(list(id, user, camundas, 15), sorting[2]));
          assertThat(ids(list(id, user, page, 1000))).as(by).isEqualTo(ids(list(id, user, camundas, 1000)));
        }
      }
    }
    // Tasklist's own door: its engine API, in a logged-in session
    TasklistSession tasklist = new TasklistSession("http://localhost:" + port, "agent", "demo");
    for (JsonNode filter : JSON.readTree(tasklist.send("GET", TasklistSession.ENGINE + "/filter?resourceType=Task",
        null).body())) {
      String path = TasklistSession.ENGINE + "/filter/" + filter.get("id").asText();
      Map<String, Object> camunda = new LinkedHashMap<>(TASKLIST_PAGE);
      camunda.put("withoutTenantId", true);
      JsonNode page = JSON.readTree(tasklist.send("POST", path + "/list?firstResult=0&maxResults=15", TASKLIST_PAGE)
          .body());
      JsonNode camundas = JSON.readTree(tasklist.send("POST", path + "/list?firstResult=0&maxResults=15", camunda)
          .body());
      String as = when + ": " + filter.get("name").asText() + " in Tasklist as agent";
      assertThat(page.get("count").asLong()).as(as).isEqualTo(camundas.get("count").asLong());
      assertThat(values(page.path("_embedded").path("task"), "due")).as(as)
          .isEqualTo(values(camundas.path("_embedded").path("task"), "due"));
    }
  }

  private JsonNode list(String filterId, String user, Map<String, Object> body, int max) {
    return http.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=" + max, user, body).json();
  }

  private static List<String> values(JsonNode tasks, String field) {
    List<String> values = new ArrayList<>();
    tasks.forEach(task -> values.add(task.path(field).asText()));
    return values;
  }

  private static java.util.Set<String> ids(JsonNode tasks) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    tasks.forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  /** The counts that are not zero, by groups, process and due slot. */
  private Map<String, Long> countRows() {
    Map<String, Long> rows = new java.util.TreeMap<>();
    jdbc.sql("select candidate_groups, process_key, due_slot, tasks from open_task_count where tasks <> 0")
        .query((rs, n) -> rows.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3), rs.getLong(4)))
        .list();
    return rows;
  }

  private long count(Filter filter, String user) {
    return http.get("/engine-rest/filter/" + filter.getId() + "/count", user).json().get("count").asLong();
  }

  private long camundaCount(Filter filter, String user, boolean active) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("withoutTenantId", true));
    if (active) {
      body.put("active", true);
    }
    return http.post("/engine-rest/filter/" + filter.getId() + "/count", user, body).json().get("count").asLong();
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  private Task task(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }
}
