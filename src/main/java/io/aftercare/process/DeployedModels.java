package io.aftercare.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What is deployed, as the engine runs it — not the files the application was built with: a
 * process owner's new version from the Modeler counts as soon as it is deployed, on every node.
 * <ul>
 * <li>{@link #formOfStep}: the form of a process step, as the step's {@code camunda:formRef} and
 * its binding find it (the timeline labels what a task set with it);</li>
 * <li>{@link #derive}: something worked out from the latest versions — the forms the latest version
 * of every process uses, the latest version of a decision (codes in words, an approval threshold).
 * The deployments are looked at again at most every {@value #CHECK_MILLIS} ms (a count and the
 * newest one); what was derived is kept until they change.</li>
 * </ul>
 * Reads without the reader's engine permissions: what a model says is not a case's data, and the
 * caller has checked what the reader may see.
 */
@Component
public class DeployedModels {

  private static final Logger LOG = LoggerFactory.getLogger(DeployedModels.class);
  static final long CHECK_MILLIS = 5_000;

  /** The latest versions: the forms their processes use, a decision by key. */
  public interface Latest {
    /** The forms the latest version of every process uses (start and task forms), each once. */
    List<FormFields.Form> forms();

    /** The latest version of the decision (its id in the DMN), if deployed. */
    Optional<DmnModelInstance> decision(String key);
  }

  private record Generation(String stamp, long checkedAt, Map<Object, Object> derived) {}

  private final ObjectProvider<ProcessEngine> engines;
  private final long checkMillis;
  /** Forms by deployment and resource: a deployed resource never changes. */
  private final Map<String, Optional<FormFields.Form>> forms = new ConcurrentHashMap<>();
  private volatile Generation generation = new Generation(null, 0, new ConcurrentHashMap<>());
  /** By key, the last value worked out, for when the deployments cannot be read. */
  private final Map<Object, Object> lastGood = new ConcurrentHashMap<>();

  private static final Latest NOTHING_DEPLOYED = new Latest() {
    @Override
    public List<FormFields.Form> forms() {
      return List.of();
    }

    @Override
    public Optional<DmnModelInstance> decision(String key) {
      return Optional.empty();
    }
  };

  @org.springframework.beans.factory.annotation.Autowired
  DeployedModels(ObjectProvider<ProcessEngine> engines) {
    this(engines, CHECK_MILLIS);
  }

  DeployedModels(ObjectProvider<ProcessEngine> engines, long checkMillis) {
    this.engines = engines;
    this.checkMillis = checkMillis;
  }

  /**
   * What {@code compute} works out from the latest versions, kept per key until a deployment is
   * added or removed. When the deployments cannot be read, the last value worked out stands (else
   * what {@code compute} makes of nothing deployed): a label or a threshold is not worth a task.
   */
  @SuppressWarnings("unchecked")
  public <T> T derive(Object key, Function<Latest, T> compute) {
    try {
      Generation current = current();
      Object known = current.derived().get(key);
      if (known == null) {
        known = privileged(context -> compute.apply(latest(context)));
        current.derived().put(key, known);
        lastGood.put(key, known);
      }
      return (T) known;
    } catch (RuntimeException e) {
      LOG.warn("Could not read what is deployed for {}; the last known value stands: {}", key, e.toString());
      Object last = lastGood.get(key);
      return last != null ? (T) last : compute.apply(NOTHING_DEPLOYED);
    }
  }

  private boolean fresh(Generation generation) {
    return generation.stamp() != null && System.currentTimeMillis() - generation.checkedAt() < checkMillis;
  }

  private Generation current() {
    Generation current = generation;
    if (fresh(current)) {
      return current;
    }
    // one thread looks; the others wait for what it finds rather than writing an older look back
    synchronized (this) {
      current = generation;
      if (fresh(current)) {
        return current;
      }
      String stamp = privileged(context -> {
        RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
        List<Deployment> newest = repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 1);
        return repository.createDeploymentQuery().count() + ":" + (newest.isEmpty() ? "" : newest.get(0).getId());
      });
      long now = System.currentTimeMillis();
      Generation next = stamp.equals(current.stamp())
          ? new Generation(stamp, now, current.derived())
          : new Generation(stamp, now, new ConcurrentHashMap<>());
      generation = next;
      return next;
    }
  }

  private Latest latest(CommandContext context) {
    RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
    DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
    return new Latest() {
      @Override
      public List<FormFields.Form> forms() {
        Set<FormFields.Form> used = new LinkedHashSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion()
            .orderByProcessDefinitionKey().asc().list()) {
          ProcessDefinitionEntity entity = cache.findDeployedProcessDefinitionById(definition.getId());
          BpmnModelInstance model = cache.findBpmnModelInstanceForProcessDefinition(entity);
          for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            form(context, entity, element).ifPresent(used::add);
          }
        }
        return new ArrayList<>(used);
      }

      @Override
      public Optional<DmnModelInstance> decision(String key) {
        DecisionDefinition decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
            .latestVersion().singleResult();
        return decision == null ? Optional.empty() : Optional.of(repository.getDmnModelInstance(decision.getId()));
      }
    };
  }

  /**
   * The form of step {@code stepId} in process definition {@code processDefinitionId} (when still
   * deployed; else in the latest version of {@code processKey}).
   */
  public Optional<FormFields.Form> formOfStep(String processDefinitionId, String processKey, String stepId) {
    if (stepId == null) {
      return Optional.empty();
    }
    try {
      return privileged(context -> {
        ProcessDefinitionEntity definition = definition(context, processDefinitionId, processKey);
        if (definition == null) {
          return Optional.empty();
        }
        BpmnModelInstance model = context.getProcessEngineConfiguration().getDeploymentCache()
            .findBpmnModelInstanceForProcessDefinition(definition);
        ModelElementInstance step = model == null ? null : model.getModelElementById(stepId);
        return step instanceof BaseElement element ? form(context, definition, element) : Optional.empty();
      });
    } catch (ProcessEngineException | IllegalArgumentException e) {
      LOG.debug("No form found for step {} of {} ({})", stepId, processKey, processDefinitionId, e);
      return Optional.empty();
    }
  }

  /** The form a start event or user task shows, found as the engine finds it. */
  private Optional<FormFields.Form> form(CommandContext context, ProcessDefinitionEntity definition,
      BaseElement element) {
    String ref = element.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "formRef");
    if (ref != null && !ref.isBlank() && !ref.contains("${") && !ref.contains("#{")) {
      String binding = element.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "formRefBinding");
      String version = element.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "formRefVersion");
      var definitions = context.getCamundaFormDefinitionManager();
      CamundaFormDefinitionEntity form = switch (binding == null ? "latest" : binding) {
        case "deployment" -> definitions.findDefinitionByDeploymentAndKey(definition.getDeploymentId(), ref);
        case "version" -> version == null || !version.matches("\\d+") ? null
            : definitions.findDefinitionByKeyVersionAndTenantId(ref, Integer.valueOf(version), definition.getTenantId());
        case "versionTag" -> version == null ? null
            : definitions.findDefinitionByKeyVersionTagAndTenantId(ref, version, definition.getTenantId());
        default -> definition.getTenantId() == null ? definitions.findLatestDefinitionByKey(ref)
            : definitions.findLatestDefinitionByKeyAndTenantId(ref, definition.getTenantId());
      };
      return form == null ? Optional.empty() : resource(context, form.getDeploymentId(), form.getResourceName());
    }
    // the older way: camunda:formKey="camunda-forms:deployment:forms/answer.form"
    String key = element.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "formKey");
    String prefix = "camunda-forms:deployment:";
    if (key != null && key.startsWith(prefix)) {
      return resource(context, definition.getDeploymentId(), key.substring(prefix.length()));
    }
    return Optional.empty();
  }

  private static ProcessDefinitionEntity definition(CommandContext context, String processDefinitionId,
      String processKey) {
    DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
    if (processDefinitionId != null) {
      try {
        return cache.findDeployedProcessDefinitionById(processDefinitionId);
      } catch (ProcessEngineException gone) {
        // the version was deleted: its latest one is the best guess
      }
    }
    if (processKey == null) {
      return null;
    }
    try {
      return cache.findDeployedLatestProcessDefinitionByKey(processKey);
    } catch (ProcessEngineException none) {
      return null;
    }
  }

  private Optional<FormFields.Form> resource(CommandContext context, String deploymentId, String name) {
    return forms.computeIfAbsent(deploymentId + "/" + name, id -> {
      ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId,
          name);
      if (resource == null || resource.getBytes() == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(FormFields.parse(resource.getBytes()));
      } catch (IOException e) {
        LOG.warn("Form {} of deployment {} is not valid JSON: {}", name, deploymentId, e.getMessage());
        return Optional.empty();
      }
    });
  }

  /** Runs in the engine (joining the caller's command, if any) without authorization checks. */
  private <T> T privileged(Function<CommandContext, T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engines.getObject().getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      boolean checking = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return work.apply(context);
      } finally {
        if (checking) {
          context.enableAuthorizationCheck();
        }
      }
    });
  }
}
