package io.aftercare.reporting;

import java.lang.ref.WeakReference;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code report_process} and {@code report_task} up to date from the engine's history
 * events, in the engine's transaction: the backlog and the case timeline read these small tables
 * instead of Camunda's history. Runs beside Camunda's own history handler, for every process and
 * every version a process owner deploys. An open task's groups and due date, as its row holds
 * them, are also counted ({@link OpenTaskCounts}): every change to them here moves the task's count.
 */
class ReportingHistory implements HistoryEventHandler {

  /** The steps a case waits in: the stage the backlog shows. */
  private static final Set<String> WAIT_STATES = Set.of("userTask", "receiveTask", "intermediateTimer",
      "intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional", "eventBasedGateway",
      "callActivity");
  private static final int OUTCOME_LENGTH = 1000;
  private static final int VALUE_LENGTH = 120;
  private static final String COMPLETED = "completed";

  private final JdbcClient jdbc;
  private final OpenTaskCounts openTasks;
  /** Stages by process definition and activity: a deployed definition never changes. */
  private final Map<String, Map<String, String>> stages = new java.util.concurrent.ConcurrentHashMap<>();
  /** What one engine command did before a task completed: the variables it set, the groups it added. */
  private final ThreadLocal<Pending> pending = new ThreadLocal<>();

  ReportingHistory(JdbcClient jdbc, OpenTaskCounts openTasks) {
    this.jdbc = jdbc;
    this.openTasks = openTasks;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity process) {
      process(process);
    } else if (event instanceof HistoricTaskInstanceEventEntity task) {
      task(task);
    } else if (event instanceof HistoricIdentityLinkLogEventEntity link) {
      identityLink(link);
    } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
      activity(activity);
    } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
      variable(variable);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void process(HistoricProcessInstanceEventEntity event) {
    if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
      jdbc.sql("insert into report_process (process_instance_id, case_number, process_key, process_name,"
              + " market, channel, started_at, state) values (?, ?, ?, ?,"
              + " (select market from case_file where case_number = ?), (select channel from case_file where case_number = ?),"
              + " ?, 'ACTIVE')")
          .params(event.getProcessInstanceId(), event.getBusinessKey(), event.getProcessDefinitionKey(),
              processName(event), event.getBusinessKey(), event.getBusinessKey(), ts(event.getStartTime()))
          .update();
    } else if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_UPDATE) && event.getBusinessKey() != null) {
      // a process that opened its case itself learns its case number on the way
      String caseNumber = event.getBusinessKey();
      jdbc.sql("update report_process set case_number = ?, market = (select market from case_file where case_number = ?),"
              + " channel = (select channel from case_file where case_number = ?)"
              + " where process_instance_id = ? and (case_number is null or case_number <> ?)")
          .params(caseNumber, caseNumber, caseNumber, event.getProcessInstanceId(), caseNumber).update();
      jdbc.sql("update report_task set case_number = ?, market = (select market from case_file where case_number = ?),"
              + " channel = (select channel from case_file where case_number = ?)"
              + " where process_instance_id = ? and case_number is null")
          .params(caseNumber, caseNumber, caseNumber, event.getProcessInstanceId()).update();
    } else if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
      String state = event.getState() != null && event.getState().contains("TERMINATED") ? "CANCELLED" : "COMPLETED";
      List<String> cancelled = pending().cancelledTasks.remove(event.getProcessInstanceId());
      if (cancelled != null) {
        String why = "CANCELLED".equals(state)
            ? "process cancelled" + (event.getDeleteReason() == null ? "" : ": " + event.getDeleteReason())
            : "process ended";
        for (String taskId : cancelled) {
          jdbc.sql("update report_task set ended_why = ? where task_id = ? and ended_why = 'its step was cancelled'")
              .params(cut(why, 255), taskId).update();
        }
      }
      jdbc.sql("update report_process set ended_at = ?, state = ?, stage = null, stage_since = null"
              + " where process_instance_id = ?")
          .params(ts(event.getEndTime()), state, event.getProcessInstanceId()).update();
    }
  }

  private static String processName(HistoryEvent event) {
    if (event.getProcessDefinitionName() != null) {
      return event.getProcessDefinitionName();
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(event.getProcessDefinitionId());
    return definition == null || definition.getName() == null ? event.getProcessDefinitionKey() : definition.getName();
  }

  private void activity(HistoricActivityInstanceEventEntity event) {
    if (event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START) && interrupts(event.getActivityType())) {
      // a boundary or event-subprocess event: a task it cancels in this command was ended by it
      String why = "ended by " + label(event.getActivityName(), event.getActivityId());
      pending().interruptedBy.put(event.getProcessInstanceId(), why);
      for (String taskId : pending().cancelledTasks.getOrDefault(event.getProcessInstanceId(), List.of())) {
        jdbc.sql("update report_task set ended_why = ? where task_id = ?").params(cut(why, 255), taskId).update();
      }
    }
    if (event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START) && WAIT_STATES.contains(event.getActivityType())) {
      jdbc.sql("update report_process set stage = ?, stage_since = ? where process_instance_id = ?")
          .params(cut(stageOf(event.getProcessDefinitionId(), event.getActivityId()), 255), ts(event.getStartTime()),
              event.getProcessInstanceId())
          .update();
    }
  }

  /** Events that can end a waiting task before it is completed: boundary events and event-subprocess starts. */
  private static boolean interrupts(String activityType) {
    return activityType != null && (activityType.startsWith("boundary")
        || activityType.endsWith("StartEvent") || activityType.equals("startTimerEvent"));
  }

  /**
   * The stage of a step, as its diagram names it in the extension property {@code stage}
   * ({@link Stages}); a step without one (a diagram deployed without the model check) counts
   * under its id, never under its display name, which a process owner may change at will.
   */
  private String stageOf(String definitionId, String activityId) {
    if (definitionId == null || activityId == null) {
      return activityId;
    }
    return stages.computeIfAbsent(definitionId, ReportingHistory::stagesOf).getOrDefault(activityId, activityId);
  }

  /** The {@code stage} properties of a deployed process definition, by activity id. */
  static Map<String, String> stagesOf(String definitionId) {
    BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(definitionId);
    return model == null ? Map.of() : Stages.of(model);
  }


  /**
   * A step's name without the values of the case, for the timeline's "why": "No parcel in time"
   * of a timer, "Resolve" of "Resolve ${caseNumber} · S${severity}".
   */
  static String label(String name, String activityId) {
    if (name == null || name.isBlank()) {
      return activityId;
    }
    int expression = name.indexOf("${");
    String label = (expression < 0 ? name : name.substring(0, expression)).replaceAll("[\\s·:\\-–,]+$", "").trim();
    return label.isEmpty() ? activityId : label;
  }

  private void task(HistoricTaskInstanceEventEntity event) {
    if (event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)) {
      Set<String> groups = pending().groups.getOrDefault(event.getTaskId(), new LinkedHashSet<>());
      String groupList = groups.isEmpty() ? null : String.join(",", groups);
      // the task's stage is its step's, from the diagram
      jdbc.sql("insert into report_task (task_id, process_instance_id, case_number, process_key, task_key, name,"
              + " stage, team, candidate_groups, created_for, assignee, market, channel, created_at, due_at)"
              + " select ?, ?, p.case_number, ?, ?, ?, ?, ?, ?, ?, ?, p.market, p.channel, ?, ?"
              + " from (select 1 as one) o left join report_process p on p.process_instance_id = ?")
          .params(event.getTaskId(), event.getProcessInstanceId(), event.getProcessDefinitionKey(),
              event.getTaskDefinitionKey(), cut(event.getName(), 255),
              cut(stageOf(event.getProcessDefinitionId(), event.getTaskDefinitionKey()), 255),
              groups.stream().findFirst().orElse(null), groupList,
              cut(groupList != null ? groupList : event.getAssignee(), 255),
              event.getAssignee(), ts(event.getStartTime()), ts(event.getDueDate()),
              event.getProcessInstanceId())
          .update();
      openTasks.count(groups, event.getProcessDefinitionKey(), instant(event.getDueDate()), 1);
      pending().groups.remove(event.getTaskId());
    } else if (event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_UPDATE)) {
      Instant due = instant(event.getDueDate());
      openRow(event.getTaskId()).filter(row -> !Objects.equals(row.due(), due)).ifPresent(row -> {
        openTasks.count(row.groups(), row.process(), row.due(), -1);
        openTasks.count(row.groups(), row.process(), due, 1);
      });
      jdbc.sql("update report_task set name = ?, assignee = ?, due_at = ? where task_id = ?")
          .params(cut(event.getName(), 255), event.getAssignee(), ts(event.getDueDate()), event.getTaskId()).update();
    } else if (event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
        || event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE)) {
      // the engine reports a task cancelled with its step (a timer, the process's end) as "complete"
      // too, with a delete reason other than "completed"
      boolean completed = event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
          && (event.getDeleteReason() == null || COMPLETED.equals(event.getDeleteReason()));
      CommandContext command = Context.getCommandContext();
      String user = command == null ? null : command.getAuthenticatedUserId();
      String why = null;
      if (!completed) {
        why = pending().interruptedBy.get(event.getProcessInstanceId());
        if (why == null) {
          why = "deleted".equals(event.getDeleteReason()) ? "its step was cancelled" : event.getDeleteReason();
          pending().cancelledTasks.computeIfAbsent(event.getProcessInstanceId(), id -> new ArrayList<>())
              .add(event.getTaskId());
        }
      }
      List<HistoricVariableUpdateEventEntity> values = pending().variables.remove(event.getProcessInstanceId());
      openRow(event.getTaskId()).ifPresent(row -> openTasks.count(row.groups(), row.process(), row.due(), -1));
      jdbc.sql("update report_task set ended_at = ?, end_reason = ?, ended_why = ?, assignee = ?, completed_by = ?,"
              + " outcome = ? where task_id = ?")
          .params(ts(event.getEndTime()), completed ? COMPLETED : "cancelled", cut(why, 255),
              event.getAssignee(), completed ? (user != null ? user : event.getAssignee()) : null,
              completed && values != null ? outcome(values) : null,
              event.getTaskId())
          .update();
    }
  }

  private void identityLink(HistoricIdentityLinkLogEventEntity event) {
    if (event.getTaskId() == null || event.getGroupId() == null || !"candidate".equals(event.getType())) {
      return;
    }
    boolean add = event.isEventOfType(HistoryEventTypes.IDENTITY_LINK_ADD);
    Optional<TaskRow> row = row(event.getTaskId());
    if (row.isEmpty()) {
      // the engine adds a new task's candidates before it reports the task as created
      Set<String> groups = pending().groups.computeIfAbsent(event.getTaskId(), id -> new LinkedHashSet<>());
      if (add) {
        groups.add(event.getGroupId());
      } else {
        groups.remove(event.getGroupId());
      }
      return;
    }
    TaskRow before = row.get();
    Set<String> groups = new LinkedHashSet<>(before.groupList());
    if (add) {
      groups.add(event.getGroupId());
    } else {
      groups.remove(event.getGroupId());
    }
    if (before.open() && !groups.equals(new LinkedHashSet<>(before.groupList()))) {
      openTasks.count(before.groups(), before.process(), before.due(), -1);
      openTasks.count(groups, before.process(), before.due(), 1);
    }
    jdbc.sql("update report_task set candidate_groups = ?, team = coalesce(team, ?) where task_id = ?")
        .params(groups.isEmpty() ? null : cut(String.join(",", groups), 255), add ? event.getGroupId() : null,
            event.getTaskId())
        .update();
  }

  /** A task's row as the open-task counts know it: its candidate groups in order, process, due date, whether open. */
  private record TaskRow(List<String> groupList, String process, Instant due, boolean open) {
    Set<String> groups() {
      return new LinkedHashSet<>(groupList);
    }
  }

  private static TaskRow taskRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    String groups = rs.getString("candidate_groups");
    Timestamp due = rs.getTimestamp("due_at");
    return new TaskRow(groups == null || groups.isEmpty() ? List.of() : List.of(groups.split(",")),
        rs.getString("process_key"), due == null ? null : due.toInstant(), rs.getTimestamp("ended_at") == null);
  }

  private Optional<TaskRow> row(String taskId) {
    return jdbc.sql("select candidate_groups, process_key, due_at, ended_at from report_task where task_id = ?")
        .param(taskId).query(ReportingHistory::taskRow).optional();
  }

  /** The task's row while it is open. */
  private Optional<TaskRow> openRow(String taskId) {
    return row(taskId).filter(TaskRow::open);
  }

  /** Variables set in the command that completes a task are the task's outcome (form fields, decisions). */
  private void variable(HistoricVariableUpdateEventEntity event) {
    if (event.getProcessInstanceId() == null || event.getVariableName() == null) {
      return;
    }
    // kept as they are; only a task's completion turns them into text
    pending().variables.computeIfAbsent(event.getProcessInstanceId(), id -> new ArrayList<>()).add(event);
  }

  private static String outcome(List<HistoricVariableUpdateEventEntity> values) {
    return cut(values.stream().map(v -> v.getVariableName() + "=" + cut(value(v), VALUE_LENGTH))
        .collect(Collectors.joining(", ")), OUTCOME_LENGTH);
  }

  private static String value(HistoricVariableUpdateEventEntity event) {
    String serializer = event.getSerializerName() == null ? "" : event.getSerializerName();
    return switch (serializer) {
      case "null" -> "null";
      case "boolean" -> String.valueOf(event.getLongValue() != null && event.getLongValue() == 1);
      case "date" -> event.getLongValue() == null ? "null" : Instant.ofEpochMilli(event.getLongValue()).toString();
      case "integer", "long", "short" -> String.valueOf(event.getLongValue());
      case "double" -> String.valueOf(event.getDoubleValue());
      default -> event.getTextValue() != null ? event.getTextValue() : "(" + serializer + ")";
    };
  }

  private Pending pending() {
    CommandContext command = Context.getCommandContext();
    Pending current = pending.get();
    if (current == null || current.command.get() != command) {
      current = new Pending(new WeakReference<>(command));
      pending.set(current);
    }
    return current;
  }

  /**
   * What one engine command did so far: variables set and candidate groups added before a task's
   * completion or creation; per process instance, the event that interrupted a step and the
   * tasks cancelled before the cause was known.
   */
  private record Pending(WeakReference<CommandContext> command,
      Map<String, List<HistoricVariableUpdateEventEntity>> variables,
      Map<String, Set<String>> groups, Map<String, String> interruptedBy, Map<String, List<String>> cancelledTasks) {
    Pending(WeakReference<CommandContext> command) {
      this(command, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
