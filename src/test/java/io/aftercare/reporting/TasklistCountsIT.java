package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
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

/**
 * Tasklist's counts of the shared filters, read from the open-task counts, are Camunda's own
 * counts, for every user and filter, through each door that counts a filter (Tasklist's page
 * request, {@code /engine-rest/filter/{id}/count}, the Java API), while tasks are created with
 * various groups and due dates, claimed, assigned outside their groups, escalated to another
 * group, moved to another due date, completed, cancelled and suspended. Camunda's own count is
 * asked for by adding a criterion the counts do not answer ({@code withoutTenantId}: no task
 * here has a tenant).
 */
@AftercareIT
class TasklistCountsIT {

  private static final String PROCESS = "tasklistCountsCheck";
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
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(PROCESS);
      grant.addPermission(Permissions.READ);
      grant.addPermission(Permissions.READ_TASK);
      grants.add(authorizations.saveAuthorization(grant).getId());
    }
  }

  @AfterEach
  void tearDown() {
    grants.forEach(authorizations::deleteAuthorization);
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void countsAreCamundasOwnThroughEveryDoorAsTasksChange() {
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

  private void assertCountsAreCamundas(String when) {
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
      }
    }
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
