package io.aftercare.reporting;

import camundajar.impl.com.google.gson.JsonObject;
import io.aftercare.security.EngineCommands;
import io.aftercare.security.TasklistFilters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.Task;
import org.joda.time.DateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers what Tasklist asks of the teams' shared filters (my groups' tasks, due today, overdue,
 * each team's) without reading every matching task: the count from the open-task counts
 * ({@link OpenTaskCounts}), the page by an index walk that stops at it. Tasklist asks for a page
 * and the filter's count with every click; Camunda counted every open task of the group (80–120
 * ms at 50,000), and on PostgreSQL 15 its page of a group's tasks either started parallel workers
 * or sorted every matching task (README, TaskListBenchmark).
 * <p>
 * Same answers as Camunda's, through every door that counts or lists a filter (Tasklist, {@code
 * /engine-rest/filter/{id}/count} and {@code /list}, the Java API): the filter must be read by the
 * user (Camunda's own check), its query exactly as {@link TasklistFilters} shares it, and what a
 * request adds to it only the order and "active" (Tasklist's page); anything else, a filter edited
 * in Tasklist, no user, a page in another order — Camunda answers. A task counts when the user may
 * read it as Camunda's task query decides (READ on every task, or READ_TASK on its process
 * definition; a grant on one task makes Camunda answer). Where the counts cannot answer alone,
 * Camunda's queries count the rest, each over a few tasks: the quarter hour a due-date limit falls
 * in, the user's tasks not offered to their groups, suspended tasks when some exist.
 */
@Component
class SharedFilterQueries extends AbstractProcessEnginePlugin {

  private static final String ORDERING = JsonTaskQueryConverter.ORDERING_PROPERTIES;
  private static final long SLOT_MILLIS = OpenTaskCounts.SLOT_SECONDS * 1000;

  private final OpenTaskCounts openTasks;
  private final JdbcClient jdbc;
  /** The shared filters' queries as Camunda stores them, by what counts them. */
  private final Map<JsonObject, TasklistFilters.Counted> counted;
  /** What a request's own query may hold and still be counted here: the order, "active". */
  private final JsonObject bare;

  SharedFilterQueries(OpenTaskCounts openTasks, JdbcClient jdbc) {
    this.openTasks = openTasks;
    this.jdbc = jdbc;
    JsonTaskQueryConverter converter = new JsonTaskQueryConverter();
    this.counted = TasklistFilters.shared().stream().filter(f -> f.counted() != null)
        .collect(Collectors.toMap(f -> converter.toJsonObject(f.query()), TasklistFilters.Shared::counted));
    this.bare = withoutOrderAndState(converter.toJsonObject(new TaskQueryImpl()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineCommands.addPostInterceptor(configuration, new FilterInterceptor());
  }

  private final class FilterInterceptor extends CommandInterceptor {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (command instanceof ExecuteFilterCountCmd || command instanceof ExecuteFilterListPageCmd) {
        Asked asked = asked(Context.getCommandContext(), (String) EngineCommands.field(command, "filterId"),
            (Query<?, ?>) EngineCommands.field(command, "extendingQuery"));
        Object answer = asked == null ? null : command instanceof ExecuteFilterCountCmd ? count(asked)
            : page(asked, (Integer) EngineCommands.field(command, "firstResult"),
                (Integer) EngineCommands.field(command, "maxResults"));
        if (answer != null) {
          return (T) answer;
        }
      }
      return next.execute(command);
    }
  }

  /**
   * A shared filter asked for by a user, as it stands now: its groups, the processes whose tasks
   * the user reads (null: all), its due-date limit, and what the request adds (active only, the
   * order).
   */
  record Asked(CommandContext context, Authentication user, FilterEntity filter, TasklistFilters.Counted how,
      List<String> groups, Set<String> processes, Date before, boolean activeOnly, TaskQueryImpl extending) {}

  /** The filter as asked for, or null where Camunda answers. */
  Asked asked(CommandContext context, String filterId, Query<?, ?> extending) {
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
    Readable readable = readable(context, user);
    if (groups == null || groups.isEmpty() || readable.camundaAnswers()) {
      return null;
    }
    return new Asked(context, user, filter, how, groups, readable.processes(),
        how.dueBefore() == null ? null : date(how.dueBefore()), activeOnly, (TaskQueryImpl) extending);
  }

  /** The filter's count. */
  private Long count(Asked asked) {
    CommandContext context = asked.context();
    Authentication user = asked.user();
    TasklistFilters.Counted how = asked.how();
    List<String> groups = asked.groups();
    Set<String> processes = asked.processes();
    Date before = asked.before();
    long count;
    if (before == null) {
      count = openTasks.offered(groups, processes, null);
    } else {
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
      if (before != null) {
        mine.dueBefore(before);
        mineOffered.dueBefore(before);
      }
      count += camunda(context, mine) - camunda(context, mineOffered);
    }
    if (asked.activeOnly() && anySuspended(context)) {
      FilterEntity suspended = (FilterEntity) asked.filter().extend(new TaskQueryImpl().suspended());
      count -= camunda(context, suspended.getQuery());
    }
    return count;
  }

  /** The largest page read here (Tasklist's are 15); larger ones Camunda reads, not by a list of ids. */
  private static final int LARGEST_PAGE = 1000;

  /** Columns a page can be sorted by here (Tasklist's created, due and follow-up dates, priority). */
  private static final Map<String, String> SORTABLE = Map.of(TaskQueryProperty.CREATE_TIME.getName(), "CREATE_TIME_",
      TaskQueryProperty.DUE_DATE.getName(), "DUE_DATE_", TaskQueryProperty.FOLLOW_UP_DATE.getName(), "FOLLOW_UP_DATE_",
      TaskQueryProperty.PRIORITY.getName(), "PRIORITY_");

  /**
   * A page of the filter's tasks, or null where Camunda lists them (another order, or more than
   * one). Camunda's list of a filter joins the offers and removes duplicates ({@code select
   * distinct} over every column); PostgreSQL 15 then reads the page through the sort column's
   * index only in parallel workers, 30 ms to start on this machine, and otherwise sorts every
   * matching task. Here the page's tasks are found by an index walk that stops at the page (the
   * offer an {@code exists}), and Camunda's own query then reads them by id, with its
   * authorization check, in the same order.
   */
  private List<Task> page(Asked asked, int firstResult, int maxResults) {
    List<QueryOrderingProperty> order = asked.extending() == null ? List.of()
        : asked.extending().getOrderingProperties();
    if (order.size() != 1 || order.get(0).getRelation() != null
        || !SORTABLE.containsKey(order.get(0).getQueryProperty().getName()) || maxResults > LARGEST_PAGE) {
      return null;
    }
    if (asked.processes() != null && asked.processes().isEmpty()) {
      return List.of();
    }
    String column = SORTABLE.get(order.get(0).getQueryProperty().getName());
    boolean descending = order.get(0).getDirection() == Direction.DESCENDING;
    String direction = descending ? " desc" : " asc";
    String prefix = prefix(asked.context());
    List<Object> params = new ArrayList<>();
    String offered = "exists (select 1 from " + prefix + "ACT_RU_IDENTITYLINK I where I.TASK_ID_ = T.ID_"
        + " and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + marks(asked.groups().size()) + "))";
    int rows = (int) Math.min((long) firstResult + maxResults, Integer.MAX_VALUE);
    String sql = branch(asked, prefix, column, direction, offered, asked.groups(), rows, params);
    if (asked.how().orAssignedToMe()) {
      // "mine or offered to my groups" as two index walks: with the "or", PostgreSQL would read
      // every offer of the groups into a hash first
      sql = "select ID_ from ((" + sql + ") union (" + branch(asked, prefix, column, direction, "T.ASSIGNEE_ = ?",
          List.of(asked.user().getUserId()), rows, params) + ")) P order by SORTED" + direction
          + " offset ? rows fetch next ? rows only";
    } else {
      sql = "select ID_ from (" + sql + ") P order by SORTED" + direction + " offset ? rows fetch next ? rows only";
    }
    params.add(firstResult);
    params.add(maxResults);
    List<String> ids = jdbc.sql(sql).params(params).query(String.class).list();
    if (ids.isEmpty()) {
      return List.of();
    }
    TaskQueryImpl tasks = (TaskQueryImpl) new TaskQueryImpl().taskIdIn(ids.toArray(String[]::new))
        .initializeFormKeys();
    tasks.getOrderingProperties().add(order.get(0));
    return tasks.evaluateExpressionsAndExecuteList(asked.context(), null);
  }

  /** The filter's first {@code rows} tasks that meet {@code condition}, with the sort column's value. */
  private static String branch(Asked asked, String prefix, String column, String direction, String condition,
      List<String> conditionParams, int rows, List<Object> params) {
    StringBuilder sql = new StringBuilder("select T.ID_, T.").append(column).append(" as SORTED from ").append(prefix)
        .append("ACT_RU_TASK T");
    if (asked.processes() != null) {
      sql.append(" join ").append(prefix).append("ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_");
    }
    sql.append(" where ").append(condition);
    params.addAll(conditionParams);
    if (asked.processes() != null) {
      sql.append(" and D.KEY_ in (").append(marks(asked.processes().size())).append(")");
      params.addAll(asked.processes());
    }
    if (asked.before() != null) {
      sql.append(" and T.DUE_DATE_ < ?");
      params.add(new java.sql.Timestamp(asked.before().getTime()));
    }
    if (asked.activeOnly()) {
      sql.append(" and T.SUSPENSION_STATE_ = 1");
    }
    sql.append(" order by T.").append(column).append(direction).append(" fetch first ? rows only");
    params.add(rows);
    return sql.toString();
  }

  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
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
   * The tasks a user reads: every task (null processes) or those of some processes; or Camunda
   * answers (single tasks granted, permissions disabled).
   */
  private record Readable(boolean camundaAnswers, Set<String> processes) {}

  /**
   * The processes whose tasks the user may read, as Camunda's task query decides: READ on every
   * task, or READ_TASK on the process definition (or on all), granted to the user or one of
   * their groups, or to everyone (a global authorization); revoking authorizations are not
   * looked at (TaskAccessPlugin). Read in one query instead of Camunda's check per process.
   * Null processes: all (no check for this command, or READ on every task).
   */
  private Readable readable(CommandContext context, Authentication user) {
    ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
    if (!configuration.isAuthorizationEnabled() || !context.isAuthorizationCheckEnabled()) {
      return new Readable(false, null);
    }
    if (configuration.getDisabledPermissions() != null && !configuration.getDisabledPermissions().isEmpty()) {
      return new Readable(true, null);
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    List<Object> params = new ArrayList<>(List.of(Resources.PROCESS_DEFINITION.resourceType(),
        Resources.TASK.resourceType(), Authorization.AUTH_TYPE_GRANT, user.getUserId()));
    params.addAll(groups);
    params.add(Authorization.AUTH_TYPE_GLOBAL);
    record Grant(int type, String id, int permissions) {}
    List<Grant> grants = jdbc.sql("select RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from " + prefix(context)
            + "ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ in (?, ?) and ((TYPE_ = ? and (USER_ID_ = ?"
            + (groups.isEmpty() ? "" : " or GROUP_ID_ in (" + marks(groups.size()) + ")") + "))"
            + " or (TYPE_ = ? and USER_ID_ = '*'))")
        .params(params).query((rs, n) -> new Grant(rs.getInt(1), rs.getString(2), rs.getInt(3))).list();
    Set<String> processes = new java.util.HashSet<>();
    boolean singleTasks = false;
    for (Grant grant : grants) {
      if (grant.type() == Resources.TASK.resourceType()) {
        if (!Authorization.ANY.equals(grant.id())) {
          singleTasks = true;
        } else if (has(grant.permissions(), Permissions.READ)) {
          return new Readable(false, null);
        }
      } else if (has(grant.permissions(), Permissions.READ_TASK)) {
        if (Authorization.ANY.equals(grant.id())) {
          return new Readable(false, null);
        }
        processes.add(grant.id());
      }
    }
    return new Readable(singleTasks, processes);
  }

  private static boolean has(int permissions, Permissions permission) {
    return (permissions & permission.getValue()) == permission.getValue();
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
