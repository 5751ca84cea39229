package io.aftercare.reporting;

import io.aftercare.customer.ContactMask;
import io.aftercare.notification.Notification;
import io.aftercare.notification.Outbox;
import io.aftercare.sla.Escalations;
import io.aftercare.sla.SlaClocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A case's timeline: every process, user task, clock event, escalation and message of the case
 * across all its processes, in the order they happened.
 */
@Service
public class CaseTimeline {

  /**
   * One thing that happened. {@code process} names the process it belongs to (when known),
   * {@code who} the user or group, {@code detail} the outcome, due date or state; a completed
   * task's {@code values} are those its form set, labelled ({@link TaskValues}), and its {@code
   * detail} says them as "Label: value; …". Instants are ISO-8601 in UTC, also within a detail.
   */
  public record Entry(Instant at, String type, String process, String title, String who, String detail,
      List<Value> values) {

    Entry(Instant at, String type, String process, String title, String who, String detail) {
      this(at, type, process, title, who, detail, null);
    }
  }

  /** A value a task set: the variable {@code name}, the form's {@code label} for it, the value as shown. */
  public record Value(String name, String label, String value) {}

  /** Order of things that happen in the same instant: a process starts before its tasks, a task ends before the next. */
  private static final List<String> ORDER = List.of("CASE_LINKED", "PROCESS_STARTED", "CLOCK_STARTED", "TASK_COMPLETED",
      "TASK_CANCELLED", "CLOCK_MET", "CLOCK_CANCELLED", "CLOCK_PAUSED", "CLOCK_RESUMED", "CLOCK_WARNED",
      "CLOCK_BREACHED", "ESCALATION", "TASK_CREATED", "MESSAGE_QUEUED", "MESSAGE_SENT", "MESSAGE_FAILED",
      "PROCESS_COMPLETED", "PROCESS_CANCELLED");

  /** The process whose tasks' values are health data. */
  static final String HEALTH_PROCESS = "adverseReactionReport";

  private final CaseActivity activity;
  private final TaskValues taskValues;
  private final SlaClocks clocks;
  private final Escalations escalations;
  private final Outbox outbox;

  CaseTimeline(CaseActivity activity, TaskValues taskValues, SlaClocks clocks, Escalations escalations,
      Outbox outbox) {
    this.activity = activity;
    this.taskValues = taskValues;
    this.clocks = clocks;
    this.escalations = escalations;
    this.outbox = outbox;
  }

  /** The timeline as a reader who sees every task's values (supervisors, the safety team). */
  public List<Entry> of(String caseNumber) {
    return of(caseNumber, true);
  }

  /**
   * The timeline; {@code healthVisible}: whether the reader may see the values an adverse-reaction
   * task set (seriousness criteria, the health follow-up), which are health data.
   */
  public List<Entry> of(String caseNumber, boolean healthVisible) {
    List<Entry> entries = new ArrayList<>();
    for (CaseActivity.Link link : activity.links(caseNumber)) {
      boolean outgoing = link.from().equals(caseNumber);
      entries.add(new Entry(link.at(), "CASE_LINKED", null,
          outgoing ? "Related to case " + link.to() : "Case " + link.from() + " opened, related to this case",
          null, outgoing ? link.to() : link.from()));
    }
    Map<String, String> processNames = new HashMap<>();
    for (CaseActivity.ProcessRun run : activity.processes(caseNumber)) {
      String name = run.processName() != null ? run.processName() : run.processKey();
      processNames.put(run.processInstanceId(), name);
      entries.add(new Entry(run.startedAt(), "PROCESS_STARTED", name, name + " started", null,
          run.endedAt() == null && run.stage() != null ? "now at: " + run.stage() : null));
      if (run.endedAt() != null) {
        entries.add(new Entry(run.endedAt(), "PROCESS_" + run.state(), name,
            name + ("CANCELLED".equals(run.state()) ? " cancelled" : " completed"), null, null));
      }
    }
    for (CaseActivity.TaskRun task : activity.tasks(caseNumber)) {
      String process = processNames.get(task.processInstanceId());
      // whom it was created for then, not who ended up with it
      String createdFor = task.createdFor() != null ? task.createdFor() : task.team();
      entries.add(new Entry(task.createdAt(), "TASK_CREATED", process, task.name(), createdFor,
          task.dueAt() == null ? null : "due " + task.dueAt()));
      if (task.endedAt() != null && task.completed()) {
        List<Value> values = healthVisible || !HEALTH_PROCESS.equals(task.processKey())
            ? taskValues.of(task.outcome(), task.processDefinitionId(), task.processKey(), task.taskKey())
            : List.of();
        entries.add(new Entry(task.endedAt(), "TASK_COMPLETED", process, task.name(), task.completedBy(),
            values.isEmpty() ? null : values.stream().map(v -> v.label() + ": " + v.value())
                .collect(Collectors.joining("; ")),
            values.isEmpty() ? null : values));
      } else if (task.endedAt() != null) {
        entries.add(new Entry(task.endedAt(), "TASK_CANCELLED", process, task.name(), null,
            task.endedWhy() != null ? task.endedWhy() : task.endReason()));
      }
    }
    for (SlaClocks.Event event : clocks.events(caseNumber)) {
      entries.add(new Entry(event.occurredAt(), "CLOCK_" + event.type(), null, event.target(), null,
          "due " + event.dueAt() + (event.detail() == null ? "" : "; " + event.detail())));
    }
    for (Escalations.Escalation escalation : escalations.forCase(caseNumber)) {
      entries.add(new Entry(escalation.occurredAt(), "ESCALATION", null,
          "Level " + escalation.level() + " · " + escalation.target()
              + (escalation.taskName() == null ? "" : " · " + escalation.taskName()),
          escalation.candidateGroups(), escalation.assignee() == null ? null : "assignee " + escalation.assignee()));
    }
    for (Notification message : outbox.forCase(caseNumber)) {
      String who = message.audience().equals("CUSTOMER") ? "customer" : "staff";
      String how = (message.channel() == null ? "no channel" : message.channel().name()) + ", " + message.language();
      entries.add(new Entry(message.createdAt(), "MESSAGE_QUEUED", null, message.template(), who, how));
      if (message.sentAt() != null) {
        entries.add(new Entry(message.sentAt(), "MESSAGE_SENT", null, message.template(), who,
            how + ", to " + ContactMask.contact(message.recipient())));
      } else if (message.state() == Notification.State.FAILED) {
        entries.add(new Entry(message.nextAttemptAt(), "MESSAGE_FAILED", null, message.template(), who,
            message.lastErrorMasked()));
      }
    }
    entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(e -> ORDER.indexOf(e.type())));
    return entries;
  }

}
