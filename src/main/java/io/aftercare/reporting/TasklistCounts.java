package io.aftercare.reporting;

import camundajar.impl.com.google.gson.JsonObject;
import io.aftercare.security.EngineCommands;
import io.aftercare.security.TasklistFilters;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;
import org.joda.time.DateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the tasks of the teams' shared Tasklist filters (my groups' tasks, due today, overdue,
 * each team's) from the open-task counts ({@link OpenTaskCounts}) instead of counting every
 * matching task: Tasklist asks for the count with every page it shows (Camunda's filter list
 * request counts too), and a count read every open task of the group, 80–120 ms at 50,000.
 * <p>
 * Same answer as Camunda's, through every door that counts a filter (Tasklist, {@code
 * /engine-rest/filter/{id}/count} and {@code /list}, the Java API): the filter must be read by the
 * user (Camunda's own check), its query exactly as {@link TasklistFilters} shares it, and what a
 * request adds to it only the order and "active" (Tasklist's page); anything else, a filter edited
 * in Tasklist, no user — Camunda counts. A task counts when the user may read it as Camunda's task
 * query decides (READ on every task, or READ_TASK on its process definition; a grant on one
 * task makes Camunda count). Where the counts cannot answer alone, Camunda's queries count the
 * rest, each over a few tasks: the quarter hour a due-date limit falls in, the user's tasks not
 * offered to their groups, suspended tasks when some exist.
 */
@Component
class TasklistCounts extends AbstractProcessEnginePlugin {

  private static final String ORDERING = JsonTaskQueryConverter.ORDERING_PROPERTIES;
  private static final long SLOT_MILLIS = OpenTaskCounts.SLOT_SECONDS * 1000;

  private final OpenTaskCounts openTasks;
  private final JdbcClient jdbc;
  /** The shared filters' queries as Camunda stores them, by what counts them. */
  private final Map<JsonObject, TasklistFilters.Counted> counted;
  /** What a request's own query may hold and still be counted here: the order, "active". */
  private final JsonObject bare;

  TasklistCounts(OpenTaskCounts openTasks, JdbcClient jdbc) {
    this.openTasks = openTasks;
    this.jdbc = jdbc;
    JsonTaskQueryConverter converter = new JsonTaskQueryConverter();
    this.counted = TasklistFilters.shared().stream().filter(f -> f.counted() != null)
        .collect(Collectors.toMap(f -> converter.toJsonObject(f.query()), TasklistFilters.Shared::counted));
    this.bare = withoutOrderAndState(converter.toJsonObject(new TaskQueryImpl()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineCommands.addPostInterceptor(configuration, new CountInterceptor());
  }

  private final class CountInterceptor extends CommandInterceptor {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (command instanceof ExecuteFilterCountCmd) {
        Long count = count(Context.getCommandContext(), (String) EngineCommands.field(command, "filterId"),
            (Query<?, ?>) EngineCommands.field(command, "extendingQuery"));
        if (count != null) {
          return (T) count;
        }
      }
      return next.execute(command);
    }
  }

  /** The filter's count, or null where Camunda counts. */
  Long count(CommandContext context, String filterId, Query<?, ?> extending) {
    Authentication user = context.getAuthentication();
    if (filterId == null || user == null || user.getUserId() == null) {
      return null;
    }
    // Camunda's check that the user may read the filter
    FilterEntity filter = context.getFilterManager().findFilterById(filterId);
    if (filter == null || !(filter.getQuery() instanceof TaskQueryImpl stored)) {
      return null;
    }
    TasklistFilters.Counted how = counted.get(new JsonTaskQueryConverter().toJsonObject(stored));
    Boolean activeOnly = activeOnly(extending);
    if (how == null || activeOnly == null) {
      return null;
    }
    List<String> groups = how.team() != null ? List.of(how.team()) : context.getAuthenticatedGroupIds();
    if (groups == null || groups.isEmpty() || taskGrants(context)) {
      return null;
    }
    Set<String> processes = readable(context, user);
    long count;
    if (how.dueBefore() == null) {
      count = openTasks.offered(groups, processes, null);
    } else {
      Date before = date(how.dueBefore());
      long slot = OpenTaskCounts.slot(before.toInstant());
      Date slotStart = new Date(slot * SLOT_MILLIS);
      count = openTasks.offered(groups, processes, slot);
      if (before.after(slotStart)) {
        // the quarter hour the limit falls in, from the tasks due in it
        count += camunda(context, offeredTo(groups).dueAfter(new Date(slotStart.getTime() - 1)).dueBefore(before));
      }
    }
    if (how.orAssignedToMe()) {
      // the user's own tasks not offered to their groups
      TaskQueryImpl mine = new TaskQueryImpl().taskAssignee(user.getUserId());
      TaskQueryImpl mineOffered = (TaskQueryImpl) offeredTo(groups).taskAssignee(user.getUserId());
      if (how.dueBefore() != null) {
        Date before = date(how.dueBefore());
        mine.dueBefore(before);
        mineOffered.dueBefore(before);
      }
      count += camunda(context, mine) - camunda(context, mineOffered);
    }
    if (activeOnly && anySuspended(context)) {
      FilterEntity suspended = (FilterEntity) filter.extend(new TaskQueryImpl().suspended());
      count -= camunda(context, suspended.getQuery());
    }
    return count;
  }

  /**
   * Whether a request's own query only orders the tasks (null: it asks for more), and whether it
   * asks for active tasks only (Tasklist's page does).
   */
  private Boolean activeOnly(Query<?, ?> extending) {
    if (extending == null) {
      return false;
    }
    if (!(extending instanceof TaskQueryImpl query)) {
      return null;
    }
    JsonObject json = new JsonTaskQueryConverter().toJsonObject(query);
    boolean suspended = json.has(JsonTaskQueryConverter.SUSPENDED);
    boolean active = json.has(JsonTaskQueryConverter.ACTIVE);
    return suspended || !withoutOrderAndState(json).equals(bare) ? null : active;
  }

  private static JsonObject withoutOrderAndState(JsonObject json) {
    JsonObject copy = json.deepCopy();
    copy.remove(ORDERING);
    copy.remove(JsonTaskQueryConverter.ORDER_BY);
    copy.remove(JsonTaskQueryConverter.ACTIVE);
    copy.remove(JsonTaskQueryConverter.SUSPENDED);
    return copy;
  }

  private static TaskQueryImpl offeredTo(List<String> groups) {
    return (TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupIn(groups).includeAssignedTasks();
  }

  /**
   * The processes whose tasks the user may read, as Camunda's task query decides; null: all (no
   * check for this command, or READ on every task).
   */
  private Set<String> readable(CommandContext context, Authentication user) {
    ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
    if (!configuration.isAuthorizationEnabled() || !context.isAuthorizationCheckEnabled()) {
      return null;
    }
    AuthorizationManager authorizations = context.getAuthorizationManager();
    if (authorizations.isAuthorized(user.getUserId(), user.getGroupIds(), Permissions.READ, Resources.TASK, "*")) {
      return null;
    }
    return openTasks.processes().stream()
        .filter(key -> authorizations.isAuthorized(user.getUserId(), user.getGroupIds(), Permissions.READ_TASK,
            Resources.PROCESS_DEFINITION, key))
        .collect(Collectors.toSet());
  }

  /** Whether anyone has been granted a single task (Camunda's own query then counts it for them). */
  private boolean taskGrants(CommandContext context) {
    return !jdbc.sql("select 1 from " + prefix(context) + "ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ?"
            + " and RESOURCE_ID_ <> '*' fetch first 1 rows only")
        .param(Resources.TASK.resourceType()).query((rs, n) -> 1).list().isEmpty();
  }

  private boolean anySuspended(CommandContext context) {
    return !jdbc.sql("select 1 from " + prefix(context) + "ACT_RU_TASK where SUSPENSION_STATE_ = 2"
            + " fetch first 1 rows only")
        .query((rs, n) -> 1).list().isEmpty();
  }

  private static String prefix(CommandContext context) {
    String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
    return prefix == null ? "" : prefix;
  }

  /** Camunda's count of a task query, with its authorization check, in this command. */
  private static long camunda(CommandContext context, Query<?, ?> query) {
    return ((AbstractQuery<?, ?>) query).evaluateExpressionsAndExecuteCount(context);
  }

  /** A filter's due-date limit, evaluated as Camunda evaluates the filter's expression. */
  private static Date date(String expression) {
    Object value = Context.getProcessEngineConfiguration().getExpressionManager().createExpression(expression)
        .getValue(null);
    return value instanceof DateTime time ? time.toDate() : (Date) value;
  }
}
