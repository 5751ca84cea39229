package io.aftercare.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every working group sees: my tasks, my groups' tasks, due today, overdue,
 * and one per team. Created at start, brought back to this definition if edited, shared by READ
 * authorizations with the groups. Names and columns in Chinese and English (filters are data, not
 * part of the webapps' translations); columns show the case at a glance, urgency and the customer's
 * tier in words (io.aftercare.process.TaskUrgency).
 */
@Component
@Order(StartupOrder.TASKLIST_FILTERS)
public class TasklistFilters implements ApplicationRunner {

  /** Owner of the shared filters, so that they can be told apart from a user's own. */
  static final String OWNER = "aftercare";

  private static final List<AftercareGroup> WORKING_GROUPS = List.of(
      AftercareGroup.AGENT, AftercareGroup.RETURNS, AftercareGroup.SAFETY, AftercareGroup.SUPERVISOR);

  /** Task variables shown as columns in Tasklist (set by the processes on every user task). */
  private static final Map<String, String> COLUMNS = columns();

  private final FilterService filters;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, AuthorizationService authorizations) {
    this.filters = filters;
    this.authorizations = authorizations;
  }

  /**
   * How a shared filter's tasks are counted from the open-task counts instead of by Camunda
   * ({@code io.aftercare.reporting.SharedFilterQueries}): the tasks offered to the user's groups
   * ({@code team} null) or to one team, or else assigned to the user ({@code orAssignedToMe}),
   * due before {@code dueBefore} (an expression; null: whatever their due date).
   */
  public record Counted(String team, boolean orAssignedToMe, String dueBefore) {}

  /** A filter as Aftercare shares it; {@code counted} null where Camunda's own count is quick (my tasks). */
  public record Shared(String name, String formerName, String description, int priority, String color,
      TaskQuery query, List<String> readers, Counted counted) {}

  /** Every shared filter, in Tasklist's order. */
  public static List<Shared> shared() {
    List<String> everyone = WORKING_GROUPS.stream().map(AftercareGroup::id).toList();
    String today = "${dateTime().plusDays(1).withTimeAtStartOfDay()}";
    String now = "${now()}";
    List<Shared> shared = new java.util.ArrayList<>();
    shared.add(new Shared("我的任务 My tasks", "My tasks", "分配给我的任务 · Tasks assigned to me", -20, "#2d7ff9",
        new TaskQueryImpl().taskAssigneeExpression("${currentUser()}"), everyone, null));
    shared.add(new Shared("我组的任务 My groups' tasks", "My groups' tasks",
        "我所在组的待办任务（含已认领）· Open tasks of my teams, claimed or not", -15, "#1aa36f",
        new TaskQueryImpl().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(), everyone,
        new Counted(null, false, null)));
    shared.add(new Shared("今天到期 Due today", "Due today", "今天午夜前到期 · My and my teams' tasks due before midnight",
        -10, "#f0a000", myAndMyGroups().dueBeforeExpression(today), everyone, new Counted(null, true, today)));
    shared.add(new Shared("已超期 Overdue", "Overdue", "已过到期日 · My and my teams' tasks past their due date", -5,
        "#d9342b", myAndMyGroups().dueBeforeExpression(now), everyone, new Counted(null, true, now)));
    int priority = 0;
    for (AftercareGroup group : WORKING_GROUPS) {
      shared.add(new Shared("团队 Team: " + group.displayName(), "Team: " + group.displayName(),
          "Open tasks of the " + group.id() + " group", priority++, "#777777",
          new TaskQueryImpl().taskCandidateGroup(group.id()).includeAssignedTasks(),
          List.of(group.id(), AftercareGroup.SUPERVISOR.id()), new Counted(group.id(), false, null)));
    }
    return shared;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Shared filter : shared()) {
      ensure(filter);
    }
  }

  /** Tasks assigned to me or offered to one of my groups. */
  private static TaskQuery myAndMyGroups() {
    return new TaskQueryImpl()
        .or()
          .taskAssigneeExpression("${currentUser()}")
          .taskCandidateGroupInExpression("${currentUserGroups()}")
          .includeAssignedTasks()
        .endOr();
  }

  /** The filter {@code name}, found by it or by the name an earlier version gave it ({@code formerName}). */
  private void ensure(Shared shared) {
    String name = shared.name();
    String formerName = shared.formerName();
    Filter filter = filters.createFilterQuery().filterName(name).filterOwner(OWNER).singleResult();
    if (filter == null) {
      filter = filters.createFilterQuery().filterName(formerName).filterOwner(OWNER).singleResult();
    }
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setOwner(OWNER);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", shared.description());
    properties.put("priority", shared.priority());
    properties.put("color", shared.color());
    properties.put("refresh", true);
    properties.put("variables", COLUMNS.entrySet().stream()
        .map(c -> Map.of("name", c.getKey(), "label", c.getValue())).toList());
    filter.setName(name);
    filter.setProperties(properties);
    filter.setQuery(shared.query());
    filters.saveFilter(filter);
    for (String group : shared.readers()) {
      boolean granted = authorizations.createAuthorizationQuery()
          .resourceType(Resources.FILTER).resourceId(filter.getId()).groupIdIn(group)
          .hasPermission(Permissions.READ).count() > 0;
      if (!granted) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
  }

  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("caseNumber", "工单 Case");
    // task variables every task gets at creation (io.aftercare.process.TaskUrgency)
    columns.put("urgency", "紧急程度 Urgency");
    columns.put("tier", "客户等级 Customer");
    columns.put("product", "产品 Product");
    return columns;
  }
}
