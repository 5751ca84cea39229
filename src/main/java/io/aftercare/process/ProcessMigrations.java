package io.aftercare.process;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/**
 * Moves running cases of a process from its older versions to the latest, with Camunda's
 * migration API (Cockpit's migration screen is not in the community edition). For each older
 * version that has running instances: a plan of the activities that are the same in both versions
 * (same id and kind; timers and messages updated to the new version's), what cannot be mapped
 * (a wait state the new version removed or changed in kind) with how many cases wait there, and —
 * when asked to run it — one batch that migrates every instance of that version not waiting in an
 * unmapped activity. Runs as the calling user: Camunda checks MIGRATE_INSTANCE on both versions
 * and CREATE_BATCH_MIGRATE_PROCESS_INSTANCES.
 */
@Service
public class ProcessMigrations {

  /** One activity of the old version mapped onto the new one. */
  public record Mapping(String from, String to) {}

  /** A wait state of the old version with no counterpart: {@code waiting} cases stay on the old version. */
  public record Unmapped(String activity, String name, long waiting) {}

  /** An older version: its instances, the mapping, and what cannot be mapped. */
  public record Source(String definitionId, int version, long instances, List<Mapping> mapped,
      List<Unmapped> unmapped, List<String> problems, long migratable, String batchId) {

    Source withBatch(String id) {
      return new Source(definitionId, version, instances, mapped, unmapped, problems, migratable, id);
    }
  }

  /** The plan (or what was started) for a process: the latest version and each older one with cases. */
  public record Report(String process, String targetDefinitionId, int targetVersion, List<Source> sources) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;

  public ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
  }

  /** What migrating the process's older versions to its latest would do; nothing is changed. */
  public Report plan(String processKey) {
    ProcessDefinition target = latest(processKey);
    List<Source> sources = new ArrayList<>();
    for (ProcessDefinition source : olderWithInstances(processKey, target)) {
      sources.add(plan(source, target));
    }
    return new Report(processKey, target.getId(), target.getVersion(), sources);
  }

  /**
   * Starts one migration batch per older version (or only {@code sourceVersion}): every instance
   * not waiting in an unmapped activity. A version whose plan is invalid is reported, not started.
   */
  public Report migrate(String processKey, Integer sourceVersion) {
    ProcessDefinition target = latest(processKey);
    List<Source> sources = new ArrayList<>();
    for (ProcessDefinition source : olderWithInstances(processKey, target)) {
      if (sourceVersion != null && source.getVersion() != sourceVersion) {
        continue;
      }
      Source planned = plan(source, target);
      if (!planned.problems().isEmpty() || planned.migratable() == 0) {
        sources.add(planned);
        continue;
      }
      MigrationPlan plan = buildPlan(source, target);
      Set<String> stuck = stuckInstances(source, planned.unmapped());
      List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list().stream()
          .map(ProcessInstance::getId).filter(id -> !stuck.contains(id)).toList();
      Batch batch = runtime.newMigration(plan).processInstanceIds(ids).executeAsync();
      sources.add(planned.withBatch(batch.getId()));
    }
    if (sourceVersion != null && sources.isEmpty()) {
      throw new InvalidRequestException(List.of(new FieldProblem("sourceVersion", "version " + sourceVersion
          + " of " + processKey + " has no running cases, or is not older than the latest, "
          + target.getVersion())));
    }
    return new Report(processKey, target.getId(), target.getVersion(), sources);
  }

  private Source plan(ProcessDefinition source, ProcessDefinition target) {
    long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
    Map<String, Long> waiting = new TreeMap<>();
    for (ActivityStatistics statistics : management.createActivityStatisticsQuery(source.getId()).list()) {
      waiting.put(statistics.getId(), (long) statistics.getInstances());
    }
    MigrationPlan plan;
    try {
      plan = buildPlan(source, target);
    } catch (MigrationPlanValidationException e) {
      return new Source(source.getId(), source.getVersion(), instances, List.of(), List.of(),
          problems(e.getValidationReport()), 0, null);
    }
    Set<String> mappedFrom = new LinkedHashSet<>();
    List<Mapping> mapped = new ArrayList<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      mappedFrom.add(instruction.getSourceActivityId());
      mapped.add(new Mapping(instruction.getSourceActivityId(), instruction.getTargetActivityId()));
    }
    mapped.sort(Comparator.comparing(Mapping::from));
    BpmnModelInstance model = repository.getBpmnModelInstance(source.getId());
    List<Unmapped> unmapped = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean waitState = isWaitState(node) || waiting.containsKey(node.getId());
      if (waitState && !mappedFrom.contains(node.getId())) {
        unmapped.add(new Unmapped(node.getId(), node.getName(), waiting.getOrDefault(node.getId(), 0L)));
      }
    }
    unmapped.sort(Comparator.comparing(Unmapped::activity));
    long stuck = stuckInstances(source, unmapped).size();
    return new Source(source.getId(), source.getVersion(), instances, mapped, unmapped, List.of(),
        instances - stuck, null);
  }

  private MigrationPlan buildPlan(ProcessDefinition source, ProcessDefinition target) {
    return runtime.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities()
        .updateEventTriggers()
        .build();
  }

  /** Instances with a token in an activity the plan does not map: they stay on their version. */
  private Set<String> stuckInstances(ProcessDefinition source, List<Unmapped> unmapped) {
    String[] activities = unmapped.stream().filter(u -> u.waiting() > 0).map(Unmapped::activity).toArray(String[]::new);
    if (activities.length == 0) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).activityIdIn(activities).list()
        .forEach(instance -> ids.add(instance.getId()));
    return ids;
  }

  /** Where a case can wait: a task a person or a message completes, or an event it waits for. */
  static boolean isWaitState(FlowNode node) {
    return node instanceof UserTask || node instanceof ReceiveTask || node instanceof IntermediateCatchEvent
        || node instanceof EventBasedGateway
        || (node instanceof Activity activity && (activity.isCamundaAsyncBefore() || activity.isCamundaAsyncAfter()));
  }

  private static List<String> problems(MigrationPlanValidationReport report) {
    List<String> problems = new ArrayList<>();
    report.getInstructionReports().forEach(instruction -> instruction.getFailures().forEach(failure ->
        problems.add(instruction.getMigrationInstruction().getSourceActivityId() + " -> "
            + instruction.getMigrationInstruction().getTargetActivityId() + ": " + failure)));
    report.getVariableReports().forEach((name, variable) -> variable.getFailures().forEach(failure ->
        problems.add("variable " + name + ": " + failure)));
    return problems;
  }

  private ProcessDefinition latest(String processKey) {
    ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    if (target == null) {
      throw new NotFoundException("process", processKey);
    }
    return target;
  }

  private List<ProcessDefinition> olderWithInstances(String processKey, ProcessDefinition target) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).orderByProcessDefinitionVersion()
        .asc().list().stream()
        .filter(d -> d.getVersion() < target.getVersion())
        .filter(d -> runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count() > 0)
        .toList();
  }
}
