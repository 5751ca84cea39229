package io.aftercare.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * How urgent a task is, decided by {@code processes/task-priority.dmn} when the task is created:
 * a serious (or hospitalised) adverse reaction, a severity-1 complaint, the regulator's deadline within two days or a high-value
 * customer raise the task's priority (never lower it: the complaint triage's own priority stands
 * when higher). Tasklist shows the priority as a number, so every task also carries it in words,
 * the task variable {@value #URGENCY}, and the customer's tier in words, {@value #TIER}: the
 * filters' columns (TasklistFilters). Both are kept in step when the priority changes later (an
 * escalation at breach raises it).
 */
@Component
public class TaskUrgency extends AbstractProcessEnginePlugin {

  public static final String URGENCY = "urgency";
  public static final String TIER = "tier";
  static final String DECISION = "taskPriority";

  private final CodeLabels labels;

  TaskUrgency(CodeLabels labels) {
    this.labels = labels;
  }
  private static final String REGULATORY_PROCESS = "adverseReactionReport";
  /** Results kept, by decision and inputs (a few hundred combinations in practice). */
  private static final int DECIDED_KEPT = 2_000;
  private final Map<List<Object>, Optional<Integer>> decided = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Set<String> REGULATORY_TASKS = java.util.Set.of("Task_Submit", "Task_SubmitFollowUp");
  /** A DMN engine without the process engine's history listener, on the same FEEL engine (texts parsed once). */
  private static final org.camunda.bpm.dmn.engine.DmnEngine PLAIN_DMN = plainDmn();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskUrgency.class);

  private static org.camunda.bpm.dmn.engine.DmnEngine plainDmn() {
    org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration dmn =
        (org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
            org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(FeelParsedOnce.factory(dmn));
    return dmn.buildEngine();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskUrgency.this::decide);
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, TaskUrgency.this::describe);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The task's priority from the decision, at creation (its due date is set by then). */
  void decide(DelegateTask task) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("seriousness", task.getVariable("seriousness"));
    inputs.put("hospitalised", task.getVariable("hospitalised"));
    inputs.put("severity", task.getVariable("severity"));
    inputs.put("customerTier", task.getVariable("customerTier"));
    // the submissions to the regulator are due when the regulator's deadline is; other tasks' due
    // dates are internal or service times, which this rule does not follow
    boolean regulatory = task.getProcessDefinitionId() != null
        && task.getProcessDefinitionId().startsWith(REGULATORY_PROCESS + ":")
        && REGULATORY_TASKS.contains(task.getTaskDefinitionKey());
    inputs.put("hoursLeft", !regulatory || task.getDueDate() == null ? null
        : Duration.between(ClockUtil.getCurrentTime().toInstant(), task.getDueDate().toInstant()).toHours());
    try {
      // the latest deployed decision, evaluated by the DMN engine itself: no decision history per task
      // created (its inputs are cases' data, outside any case's erasure) and no permission asked
      ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
      DecisionDefinitionEntity decision = (DecisionDefinitionEntity) engine.getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(DECISION);
      Integer priority = priority(decision, inputs);
      if (priority != null && priority > task.getPriority()) {
        task.setPriority(priority);
      }
    } catch (RuntimeException e) {
      // a priority is not worth a case: the task keeps its model's priority, the log says why
      LOG.warn("Task {} ({}): no priority from decision {}: {}", task.getId(), task.getTaskDefinitionKey(),
          DECISION, e.getMessage());
    }
    describe(task);
  }

  /**
   * The decision's priority for these inputs, or null when no rule applies. The table's rules are
   * a function of its inputs (the time left is one of them), so a result is kept per deployed
   * decision and inputs: a task created evaluated up to 30 cells (14 % of the application's CPU
   * at intake with FEEL 1.19.3, which built its whole context for every cell; IntakeBenchmark).
   * A new version of the decision has another id: its results are new.
   */
  private Integer priority(DecisionDefinitionEntity decision, Map<String, Object> inputs) {
    List<Object> key = java.util.Arrays.asList(decision.getId(), inputs.get("seriousness"), inputs.get("hospitalised"),
        inputs.get("severity"), inputs.get("customerTier"), inputs.get("hoursLeft"));
    Optional<Integer> known = decided.get(key);
    if (known == null) {
      DmnDecisionResult result = PLAIN_DMN.evaluateDecision(decision, inputs);
      Number priority = result.isEmpty() ? null : result.getSingleResult().getEntry("priority");
      known = Optional.ofNullable(priority == null ? null : priority.intValue());
      if (decided.size() >= DECIDED_KEPT) {
        decided.clear();
      }
      decided.put(key, known);
    }
    return known.orElse(null);
  }

  /** The priority and the customer's tier in words, in both of the agents' languages. */
  void describe(DelegateTask task) {
    String urgency = words(task.getPriority());
    if (!urgency.equals(task.getVariableLocal(URGENCY))) {
      task.setVariableLocal(URGENCY, urgency);
    }
    Object tier = task.getVariable("customerTier");
    String tierWords = tier == null ? null : tierWords(tier.toString());
    if (tierWords != null && !tierWords.equals(task.getVariableLocal(TIER))) {
      task.setVariableLocal(TIER, tierWords);
    }
  }

  /** 80 and above urgent, 60 and above high, else normal (the words of task-priority.dmn's description). */
  public static String words(int priority) {
    return priority >= 80 ? "紧急 urgent" : priority >= 60 ? "高 high" : "普通 normal";
  }

  private String tierWords(String tier) {
    return labels.of("customerTier", tier).orElse(null);
  }
}
