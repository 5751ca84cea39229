package io.aftercare.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The values a completed task set, as the timeline shows them. With the task's form known (its
 * {@code camunda:formRef} in the deployed diagram, the form of that deployment): the values of the
 * form's input fields only — not the read-only or disabled fields that show the case, nor
 * variables the form does not have — each with the form's own label ("English / 中文") and a chosen
 * option's label. Without a known form: every value, its name made readable.
 */
@Service
class TaskValues {

  private static final Logger LOG = LoggerFactory.getLogger(TaskValues.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** The next "name=" of the stored text "name=value, name=value" (ReportingHistory). */
  private static final Pattern NEXT_VALUE = Pattern.compile(", (?=[A-Za-z_$][\\w$.\\-]*=)");
  private static final Pattern CUT_IN_A_NAME = Pattern.compile(", [A-Za-z_$][\\w$.\\-]*…$");
  /** Form-js components that hold a value under their key. */
  private static final List<String> INPUTS = List.of("textfield", "textarea", "number", "checkbox", "checklist",
      "radio", "select", "taglist", "datetime", "filepicker");
  static final String YES = "Yes / 是";
  static final String NO = "No / 否";

  /** One field of a form: its label, whether the user fills it in, its type, its options' labels by value. */
  record Field(String key, String label, boolean input, String type, Map<String, String> options) {}

  /** A form's fields by key. */
  record Form(String id, Map<String, Field> fields) {}

  private final ProcessEngineConfigurationImpl engine;
  /** Forms by deployment and resource: a deployed resource never changes. */
  private final Map<String, Optional<Form>> forms = new ConcurrentHashMap<>();

  TaskValues(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /**
   * The labelled values of a completed task: {@code outcome} as stored ("name=value, …"), the
   * task's step {@code taskKey} in process definition {@code processDefinitionId} (when still in
   * the history; else the latest version of {@code processKey}).
   */
  List<CaseTimeline.Value> of(String outcome, String processDefinitionId, String processKey, String taskKey) {
    if (outcome == null || outcome.isBlank()) {
      return List.of();
    }
    return label(parse(outcome), form(processDefinitionId, processKey, taskKey).orElse(null));
  }

  /** The stored "name=value, name=value" text as names and values, in order; a later value of a name wins. */
  static Map<String, String> parse(String outcome) {
    Map<String, String> values = new LinkedHashMap<>();
    // the text was cut short in a name: that name and its value are lost
    for (String part : NEXT_VALUE.split(CUT_IN_A_NAME.matcher(outcome).replaceFirst(""))) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        values.put(part.substring(0, equals).trim(), part.substring(equals + 1));
      }
    }
    return values;
  }

  /**
   * The values to show: a known form's input fields only, in the form's order, with its labels;
   * else all, in the order they were set, their names made readable. Empty values are left out.
   */
  static List<CaseTimeline.Value> label(Map<String, String> values, Form form) {
    List<CaseTimeline.Value> labelled = new ArrayList<>();
    if (form == null) {
      values.forEach((name, raw) -> {
        if (set(raw)) {
          labelled.add(new CaseTimeline.Value(name, humanise(name), display(raw, null)));
        }
      });
      return labelled;
    }
    for (Field field : form.fields().values()) {
      String raw = values.get(field.key());
      if (field.input() && set(raw)) {
        String label = field.label() != null && !field.label().isBlank() ? field.label() : humanise(field.key());
        labelled.add(new CaseTimeline.Value(field.key(), label,
            field.options().getOrDefault(raw, display(raw, field.type()))));
      }
    }
    return labelled;
  }

  private static boolean set(String raw) {
    return raw != null && !raw.isEmpty() && !raw.equals("null");
  }

  private static String display(String raw, String type) {
    boolean maybeBoolean = type == null || type.equals("checkbox");
    if (maybeBoolean && raw.equals("true")) {
      return YES;
    }
    if (maybeBoolean && raw.equals("false")) {
      return NO;
    }
    return raw;
  }

  /** A variable name as words: "needsFollowUp" → "Needs follow up", "return_reason" → "Return reason". */
  static String humanise(String name) {
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
        .replaceAll("[_\\-.]+", " ").trim().toLowerCase(Locale.ROOT);
    return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A Camunda Form's fields by key, from its JSON (components nested in groups included). */
  static Form parseForm(byte[] json) throws IOException {
    JsonNode root = JSON.readTree(json);
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new Form(root.path("id").asText(null), fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String key = component.path("key").asText(null);
      if (key != null && INPUTS.contains(type)) {
        // a read-only of "=…" depends on the case: the field may have been filled in
        JsonNode readonly = component.path("readonly");
        boolean shown = component.path("disabled").asBoolean(false)
            || readonly.isBoolean() && readonly.asBoolean() || readonly.isTextual() && !readonly.asText().startsWith("=");
        String label = component.path("label").asText(null);
        if (label == null && type.equals("datetime")) {
          label = component.path("dateLabel").asText(component.path("timeLabel").asText(null));
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode option : component.path("values")) {
          if (option.hasNonNull("value") && option.hasNonNull("label")) {
            options.put(option.get("value").asText(), option.get("label").asText());
          }
        }
        fields.putIfAbsent(key, new Field(key, label, !shown, type, options));
      }
      collect(component.path("components"), fields);
    }
  }

  /** The form of a task's step, looked up without the reader's engine permissions (the API checked the reader). */
  Optional<Form> form(String processDefinitionId, String processKey, String taskKey) {
    if (taskKey == null) {
      return Optional.empty();
    }
    try {
      return engine.getCommandExecutorTxRequired().execute(context -> {
        boolean checking = context.isAuthorizationCheckEnabled();
        context.disableAuthorizationCheck();
        try {
          return lookUp(context, processDefinitionId, processKey, taskKey);
        } finally {
          if (checking) {
            context.enableAuthorizationCheck();
          }
        }
      });
    } catch (ProcessEngineException | IllegalArgumentException e) {
      LOG.debug("No form found for step {} of {} ({})", taskKey, processKey, processDefinitionId, e);
      return Optional.empty();
    }
  }

  private Optional<Form> lookUp(CommandContext context, String processDefinitionId, String processKey,
      String taskKey) {
    ProcessDefinitionEntity definition = definition(context, processDefinitionId, processKey);
    if (definition == null) {
      return Optional.empty();
    }
    DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
    BpmnModelInstance model = cache.findBpmnModelInstanceForProcessDefinition(definition);
    ModelElementInstance step = model == null ? null : model.getModelElementById(taskKey);
    if (!(step instanceof UserTask task)) {
      return Optional.empty();
    }
    String ref = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
    if (ref != null && !ref.isBlank() && !ref.contains("${") && !ref.contains("#{")) {
      String binding = task.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
      String version = task.getAttributeValueNs(CAMUNDA_NS, "formRefVersion");
      CamundaFormDefinitionEntity form = switch (binding == null ? "latest" : binding) {
        case "deployment" -> context.getCamundaFormDefinitionManager()
            .findDefinitionByDeploymentAndKey(definition.getDeploymentId(), ref);
        case "version" -> version == null || !version.matches("\\d+") ? null : context
            .getCamundaFormDefinitionManager().findDefinitionByKeyVersionAndTenantId(ref, Integer.valueOf(version),
                definition.getTenantId());
        case "versionTag" -> version == null ? null : context.getCamundaFormDefinitionManager()
            .findDefinitionByKeyVersionTagAndTenantId(ref, version, definition.getTenantId());
        default -> definition.getTenantId() == null
            ? context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(ref)
            : context.getCamundaFormDefinitionManager().findLatestDefinitionByKeyAndTenantId(ref,
                definition.getTenantId());
      };
      return form == null ? Optional.empty() : resource(context, form.getDeploymentId(), form.getResourceName());
    }
    // the older way: camunda:formKey="camunda-forms:deployment:forms/answer.form"
    String key = task.getCamundaFormKey();
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

  private Optional<Form> resource(CommandContext context, String deploymentId, String name) {
    return forms.computeIfAbsent(deploymentId + "/" + name, id -> {
      ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId,
          name);
      if (resource == null || resource.getBytes() == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(parseForm(resource.getBytes()));
      } catch (IOException e) {
        LOG.warn("Form {} of deployment {} is not valid JSON: {}", name, deploymentId, e.getMessage());
        return Optional.empty();
      }
    });
  }
}
