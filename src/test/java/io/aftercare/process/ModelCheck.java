package io.aftercare.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import io.aftercare.reporting.Stages;

/**
 * Checks the process owner's files against each other and against the application: every bean,
 * form, decision, called process and message a diagram names must exist; every process and
 * decision keeps history for a set time; every flow node is laid out; every file is made for
 * Camunda Platform 7.24.0. Returns what is wrong as readable lines.
 */
final class ModelCheck {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final String PLATFORM = "Camunda Platform";
  static final String PLATFORM_VERSION = "7.24.0";

  private static final Pattern EXPRESSION_ROOT = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

  private final ProcessResources resources;
  /** Bean name to bean type, of the application's components. */
  private final Map<String, Class<?>> beans;
  /** The SLA targets of the configuration, which clock names in diagrams must be. */
  private final Set<String> slaTargets;
  /** Messages whose receiving process is announced but not built yet (their contract is tested). */
  private final Set<String> awaitedReceivers;
  private final List<String> violations = new ArrayList<>();

  private ModelCheck(ProcessResources resources, Map<String, Class<?>> beans, Set<String> slaTargets,
      Set<String> awaitedReceivers) {
    this.resources = resources;
    this.beans = beans;
    this.slaTargets = slaTargets;
    this.awaitedReceivers = awaitedReceivers;
  }

  static List<String> check(ProcessResources resources, Map<String, Class<?>> beans, Set<String> slaTargets,
      Set<String> awaitedReceivers) {
    ModelCheck check = new ModelCheck(resources, beans, slaTargets, awaitedReceivers);
    check.run();
    return check.violations;
  }

  /**
   * Camunda Modeler element templates: each must parse, and every expression it writes into a
   * diagram must name an existing bean.
   */
  static List<String> checkElementTemplates(Path folder, Map<String, Class<?>> beans) throws IOException {
    ModelCheck check = new ModelCheck(null, beans, Set.of(), Set.of());
    if (!Files.isDirectory(folder)) {
      return check.violations;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (JsonNode template : root.isArray() ? root : List.of(root)) {
          String name = file.getFileName() + " " + text(template, "id");
          if (!template.hasNonNull("id") || !template.hasNonNull("appliesTo")) {
            check.violation(name, "-", "element template needs an id and appliesTo");
          }
          for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            String value = property.path("value").asText("");
            if ("property".equals(binding.path("type").asText()) && value.matches("^\\s*[$#]\\{.*")) {
              check.checkBean(name, binding.path("name").asText(), value,
                  "camunda:delegateExpression".equals(binding.path("name").asText()) ? JavaDelegate.class : Object.class);
            }
          }
        }
      }
    }
    return check.violations;
  }

  /**
   * The element templates are applied where their delegate is used, and what a diagram fills in is
   * what the template offers: every step calling a templated delegate names that template
   * ({@code camunda:modelerTemplate}, current version); every step where a case waits carries the
   * stage template; a dropdown's value in a diagram is one of the template's choices (a stage,
   * a level, a clock, a notification template); the stage dropdown lists exactly the stages of
   * {@link Stages}, and the clock dropdown every SLA target.
   */
  static List<String> checkTemplatesApplied(ProcessResources resources, Path folder, Set<String> slaTargets)
      throws IOException {
    ModelCheck check = new ModelCheck(resources, Map.of(), slaTargets, Set.of());
    Map<String, JsonNode> templates = new HashMap<>();
    Map<String, String> templateOfBean = new HashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode template = new ObjectMapper().readTree(file.toFile());
        templates.put(text(template, "id"), template);
        for (JsonNode property : template.path("properties")) {
          if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
            Matcher bean = EXPRESSION_ROOT.matcher(property.path("value").asText());
            if (bean.find()) {
              templateOfBean.put(bean.group(1), text(template, "id"));
            }
          }
          checkChoices(check, file.getFileName().toString(), property, slaTargets);
        }
      }
    }
    for (String name : resources.names()) {
      if (!name.endsWith(".bpmn")) {
        continue;
      }
      BpmnModelInstance model = resources.bpmn(name);
      Map<String, String> stages = Stages.of(model);
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        String applied = node.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "modelerTemplate");
        Matcher bean = EXPRESSION_ROOT.matcher(String.valueOf(
            node.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "delegateExpression")));
        String expected = bean.find() ? templateOfBean.get(bean.group(1)) : null;
        boolean waits = node instanceof UserTask || node instanceof ReceiveTask || node instanceof IntermediateCatchEvent;
        if (expected != null && !expected.equals(applied)) {
          check.violation(name, node.getId(), "calls ${" + bean.group(1) + "} without its element template '"
              + expected + "' (apply it in the Modeler)");
        } else if (waits && applied == null) {
          check.violation(name, node.getId(), "a case waits here without an element template naming its stage"
              + " (io.aftercare.slaUserTask or io.aftercare.waitingStep)");
        }
        if (applied == null) {
          continue;
        }
        JsonNode template = templates.get(applied);
        if (template == null) {
          check.violation(name, node.getId(), "names the element template '" + applied + "', which "
              + folder + " lacks");
          continue;
        }
        String version = node.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "modelerTemplateVersion");
        if (!template.path("version").asText().equals(version)) {
          check.violation(name, node.getId(), "uses version " + version + " of '" + applied + "', the template is at "
              + template.path("version").asText() + " (update it in the Modeler)");
        }
        for (JsonNode property : template.path("properties")) {
          if (!"Dropdown".equals(property.path("type").asText())) {
            continue;
          }
          String binding = property.path("binding").path("type").asText();
          String key = property.path("binding").path("name").asText();
          String value = "camunda:property".equals(binding) ? stages.get(node.getId())
              : "camunda:inputParameter".equals(binding) ? inputParameter(node, key) : null;
          Set<String> choices = new HashSet<>();
          property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
          if (value != null && !choices.contains(value)) {
            check.violation(name, node.getId(), property.path("label").asText() + " '" + value
                + "' is not one of the choices of '" + applied + "'");
          }
        }
      }
    }
    return check.violations;
  }

  private static void checkChoices(ModelCheck check, String file, JsonNode property, Set<String> slaTargets) {
    Set<String> choices = new java.util.TreeSet<>();
    property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
    String key = property.path("binding").path("name").asText();
    if ("stage".equals(key) && "camunda:property".equals(property.path("binding").path("type").asText())) {
      Set<String> known = new java.util.TreeSet<>();
      Stages.BY_PROCESS.values().forEach(known::addAll);
      if (!choices.equals(known)) {
        check.violation(file, "stage", "offers the stages " + choices + ", io.aftercare.reporting.Stages has " + known);
      }
    }
    if ("clock".equals(key) && "Dropdown".equals(property.path("type").asText()) && !choices.containsAll(slaTargets)) {
      Set<String> missing = new java.util.TreeSet<>(slaTargets);
      missing.removeAll(choices);
      check.violation(file, "clock", "offers no choice for the SLA targets " + missing);
    }
  }

  /** The text of an element's input parameter (null when absent or not plain text). */
  private static String inputParameter(FlowNode node, String name) {
    for (org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter parameter : node.getModelInstance()
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter.class)) {
      ModelElementInstance owner = parameter.getParentElement() == null ? null
          : parameter.getParentElement().getParentElement() == null ? null
          : parameter.getParentElement().getParentElement().getParentElement();
      if (owner == node && name.equals(parameter.getCamundaName())) {
        return parameter.getTextContent() == null ? null : parameter.getTextContent().trim();
      }
    }
    return null;
  }

  private void run() {
    Set<String> decisions = new HashSet<>();
    Set<String> processes = new HashSet<>();
    Map<String, BpmnModelInstance> diagrams = new HashMap<>();
    for (String name : resources.names()) {
      if (name.endsWith(".dmn")) {
        decisions.addAll(checkDmn(name));
      } else if (name.endsWith(".bpmn")) {
        BpmnModelInstance model = resources.bpmn(name);
        diagrams.put(name, model);
        model.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()));
      } else if (name.endsWith(".form")) {
        checkForm(name);
      }
    }
    Set<String> receivedMessages = new HashSet<>(awaitedReceivers);
    Map<String, String> startMessages = new HashMap<>();
    diagrams.forEach((name, model) -> collectReceivers(name, model, receivedMessages, startMessages));
    diagrams.forEach((name, model) -> checkBpmn(name, model, decisions, processes, receivedMessages));
    checkOptionsAgainstDecisions();
  }

  /** A decision input's listed values, by the variable it reads: "decision file#input" to values. */
  private final Map<String, Map<String, Set<String>>> decisionValues = new HashMap<>();
  /** A form field's fixed options, by its key: "form file" to values. */
  private final Map<String, Map<String, Set<String>>> formOptions = new HashMap<>();

  /**
   * Where a form offers fixed options for a variable a decision reads with listed input values
   * (a complaint's category, a resolution), both list the same values: a category a process owner
   * adds to the triage form needs its place in every decision that reads it, and the other way round.
   */
  private void checkOptionsAgainstDecisions() {
    decisionValues.forEach((variable, byDecision) -> formOptions.getOrDefault(variable, Map.of())
        .forEach((form, options) -> byDecision.forEach((decision, values) -> {
          if (!options.equals(values)) {
            Set<String> onlyForm = new java.util.TreeSet<>(options);
            onlyForm.removeAll(values);
            Set<String> onlyDecision = new java.util.TreeSet<>(values);
            onlyDecision.removeAll(options);
            violation(form, variable, "offers other values than " + decision + " reads: only in the form "
                + onlyForm + ", only in the decision " + onlyDecision);
          }
        })));
  }

  private void checkBpmn(String file, BpmnModelInstance model, Set<String> decisions,
      Set<String> processes, Set<String> receivedMessages) {
    checkPlatform(file, model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatform"),
        model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatformVersion"));

    checkSlaTargets(file);
    checkTemplates(file);
    checkStages(file, model);

    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
        violation(file, process.getId(), "process has no camunda:historyTimeToLive");
      }
    }

    Set<String> laidOut = new HashSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null) {
        laidOut.add(shape.getBpmnElement().getId());
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!laidOut.contains(node.getId())) {
        violation(file, node.getId(), "has no shape in the diagram (BPMN DI); lay it out in the Modeler");
      }
    }

    for (ModelElementInstance element : model.getModelElementsByType(
        model.getModel().getType(org.camunda.bpm.model.bpmn.instance.BaseElement.class))) {
      String expression = element.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "delegateExpression");
      checkBean(file, id(element), expression, JavaDelegate.class);
      String formRef = element.getAttributeValueNs(ProcessResources.CAMUNDA_NS, "formRef");
      if (!blank(formRef) && !resources.formsById().containsKey(formRef)) {
        violation(file, id(element), "camunda:formRef '" + formRef + "' names no form id in forms/");
      }
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      checkBean(file, id(listener.getParentElement().getParentElement()),
          listener.getCamundaDelegateExpression(), ExecutionListener.class);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      checkBean(file, id(listener.getParentElement().getParentElement()),
          listener.getCamundaDelegateExpression(), TaskListener.class);
    }

    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String ref = task.getCamundaDecisionRef();
      if (blank(ref) && blank(task.getCamundaDelegateExpression()) && blank(task.getCamundaClass())) {
        violation(file, task.getId(), "business rule task has no camunda:decisionRef");
      } else if (!blank(ref) && !isExpression(ref) && !decisions.contains(ref)) {
        violation(file, task.getId(), "camunda:decisionRef '" + ref + "' names no decision in processes/");
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String called = call.getCalledElement();
      if (!blank(called) && !isExpression(called) && !processes.contains(called)) {
        violation(file, call.getId(), "calledElement '" + called + "' names no process in processes/");
      }
    }

    for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
      ModelElementInstance event = definition.getParentElement();
      String messageRef = definition.getAttributeValue("messageRef");
      Message message = definition.getMessage();
      if (!blank(messageRef) && message == null) {
        violation(file, id(event), "messageRef '" + messageRef + "' names no message definition");
      } else if (message == null || blank(message.getName())) {
        violation(file, id(event), "message event has no message with a name");
      } else if (event instanceof ThrowEvent && !receivedMessages.contains(message.getName())) {
        violation(file, id(event), "message '" + message.getName() + "' has no receiver in processes/");
      }
      if (event instanceof ThrowEvent) {
        checkBean(file, id(event), definition.getCamundaDelegateExpression(), JavaDelegate.class);
      }
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      Message message = task.getMessage();
      if (message != null && !blank(message.getName()) && !receivedMessages.contains(message.getName())) {
        violation(file, task.getId(), "message '" + message.getName() + "' has no receiver in processes/");
      }
    }
  }

  /**
   * Every step where a case waits names its stage for the reports (extension property
   * {@code stage}), one of {@link Stages#BY_PROCESS} for its process: the reports never count by
   * a display name or id a process owner may change.
   */
  private void checkStages(String file, BpmnModelInstance model) {
    Map<String, String> stages = Stages.of(model);
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!(node instanceof UserTask || node instanceof ReceiveTask || node instanceof IntermediateCatchEvent
          || node instanceof CallActivity)) {
        continue;
      }
      ModelElementInstance scope = node.getParentElement();
      while (scope != null && !(scope instanceof Process)) {
        scope = scope.getParentElement();
      }
      String processKey = scope == null ? "?" : ((Process) scope).getId();
      List<String> known = Stages.BY_PROCESS.getOrDefault(processKey, List.of());
      String stage = stages.get(node.getId());
      if (stage == null) {
        violation(file, node.getId(), "a case waits here, but the step names no stage for the reports"
            + " (extension property 'stage', one of " + known + ")");
      } else if (!known.contains(stage)) {
        violation(file, node.getId(), "stage '" + stage + "' is not one of the stages of " + processKey + " "
            + known + " (io.aftercare.reporting.Stages)");
      }
    }
  }

  private static final Pattern SLA_EXPRESSION =
      Pattern.compile("sla\\.(?:due|warn|escalation|fromNow)\\(\\s*execution\\s*,\\s*'([^']+)'\\s*\\)");
  private static final Pattern CLOCK_PARAMETER =
      Pattern.compile("<camunda:inputParameter name=\"clock\">\\s*([^<$#]+?)\\s*</camunda:inputParameter>");

  /** Every clock a diagram names (in sla.* expressions and clock parameters) is a configured target. */
  private void checkSlaTargets(String file) {
    String xml = new String(resources.files().get(file), StandardCharsets.UTF_8);
    for (Pattern pattern : List.of(SLA_EXPRESSION, CLOCK_PARAMETER)) {
      Matcher matcher = pattern.matcher(xml);
      while (matcher.find()) {
        if (!slaTargets.contains(matcher.group(1))) {
          violation(file, "-", "names the SLA clock '" + matcher.group(1) + "', which aftercare.sla.targets lacks");
        }
      }
    }
  }

  private static final Pattern TEMPLATE_PARAMETER =
      Pattern.compile("<camunda:inputParameter name=\"template\">\\s*([^<]+?)\\s*</camunda:inputParameter>");
  private static final String[] TEMPLATE_LANGUAGES = {"en", "zh-CN"};

  /**
   * Every notification template a diagram names exists in every language; a name built with an
   * expression ({@code return-${returnOutcome}}) needs at least one template with its fixed prefix.
   */
  private void checkTemplates(String file) {
    String xml = new String(resources.files().get(file), StandardCharsets.UTF_8);
    Matcher matcher = TEMPLATE_PARAMETER.matcher(xml);
    while (matcher.find()) {
      String name = matcher.group(1);
      if (isExpression(name)) {
        String prefix = name.substring(0, name.indexOf(name.contains("${") ? "${" : "#{"));
        if (prefix.isEmpty() || templates().stream().noneMatch(t -> t.startsWith(prefix))) {
          violation(file, "-", "names notification templates '" + name + "', but no template starts with '"
              + prefix + "'");
        }
        continue;
      }
      for (String language : TEMPLATE_LANGUAGES) {
        if (ModelCheck.class.getResource("/templates/notifications/" + name + "." + language + ".txt") == null) {
          violation(file, "-", "names the notification template '" + name + "', which has no " + language
              + " text in templates/notifications");
        }
      }
    }
  }

  private static Set<String> templateNames;

  /** The names of the templates in templates/notifications (without language and extension). */
  private static Set<String> templates() {
    if (templateNames == null) {
      try {
        Set<String> names = new HashSet<>();
        for (org.springframework.core.io.Resource resource : new org.springframework.core.io.support
            .PathMatchingResourcePatternResolver().getResources("classpath*:templates/notifications/*.txt")) {
          names.add(resource.getFilename().replaceAll("\\.(en|zh-CN)\\.txt$", ""));
        }
        templateNames = names;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return templateNames;
  }

  /** Message names some diagram waits for; two start events may not share a message name. */
  private void collectReceivers(String file, BpmnModelInstance model, Set<String> received,
      Map<String, String> startMessages) {
    for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
      ModelElementInstance event = definition.getParentElement();
      Message message = definition.getMessage();
      if (event instanceof CatchEvent && message != null && !blank(message.getName())) {
        received.add(message.getName());
        if (event instanceof StartEvent) {
          String previous = startMessages.put(message.getName(), file + "#" + id(event));
          if (previous != null) {
            violation(file, id(event), "message start '" + message.getName() + "' is also the start of "
                + previous + "; message start names must be unique");
          }
        }
      }
    }
    for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
      if (task.getMessage() != null && !blank(task.getMessage().getName())) {
        received.add(task.getMessage().getName());
      }
    }
  }

  private Set<String> checkDmn(String file) {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(resources.files().get(file)));
    checkPlatform(file, model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatform"),
        model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatformVersion"));
    Set<String> ids = new HashSet<>();
    Set<String> laidOut = dmnShapes(resources.files().get(file));
    for (org.camunda.bpm.model.dmn.instance.Input input : model.getModelElementsByType(
        org.camunda.bpm.model.dmn.instance.Input.class)) {
      if (input.getInputValues() == null || input.getInputExpression() == null
          || input.getInputExpression().getText() == null) {
        continue;
      }
      String variable = input.getInputExpression().getText().getTextContent().trim();
      Set<String> values = new HashSet<>();
      Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(input.getInputValues().getText().getTextContent());
      while (quoted.find()) {
        values.add(quoted.group(1));
      }
      decisionValues.computeIfAbsent(variable, v -> new HashMap<>()).put(file + "#" + input.getId(), values);
    }
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    for (Decision decision : decisions) {
      ids.add(decision.getId());
      if (blank(decision.getCamundaHistoryTimeToLiveString())) {
        violation(file, decision.getId(), "decision has no camunda:historyTimeToLive");
      }
      if (!laidOut.contains(decision.getId())) {
        violation(file, decision.getId(), "has no shape in the decision requirements diagram (DMN DI)");
      }
    }
    return ids;
  }

  /** The elements a DMN file lays out (DMN DI shapes), read from the XML itself. */
  private static Set<String> dmnShapes(byte[] dmn) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList shapes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(dmn))
          .getElementsByTagNameNS("*", "DMNShape");
      Set<String> laidOut = new HashSet<>();
      for (int i = 0; i < shapes.getLength(); i++) {
        laidOut.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
      }
      return laidOut;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read DMN: " + e.getMessage(), e);
    }
  }

  private void collectOptions(String file, JsonNode components) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && component.path("values").isArray() && !component.path("values").isEmpty()) {
        Set<String> options = new HashSet<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        formOptions.computeIfAbsent(component.path("key").asText(), k -> new HashMap<>()).put(file, options);
      }
      collectOptions(file, component.path("components"));
    }
  }

  private void checkForm(String file) {
    try {
      JsonNode form = new ObjectMapper().readTree(resources.files().get(file));
      checkPlatform(file, text(form, "executionPlatform"), text(form, "executionPlatformVersion"));
      collectOptions(file, form.path("components"));
    } catch (IOException e) {
      violation(file, "-", "is not valid JSON: " + e.getMessage());
    }
  }

  private void checkPlatform(String file, String platform, String version) {
    if (!PLATFORM.equals(platform) || !PLATFORM_VERSION.equals(version)) {
      violation(file, "-", "declares execution platform '" + platform + " " + version
          + "', expected '" + PLATFORM + " " + PLATFORM_VERSION + "'");
    }
  }

  private void checkBean(String file, String element, String expression, Class<?> expectedType) {
    if (blank(expression)) {
      return;
    }
    Matcher root = EXPRESSION_ROOT.matcher(expression);
    if (!root.find()) {
      violation(file, element, "delegate expression '" + expression + "' is not an expression");
      return;
    }
    String bean = root.group(1);
    Class<?> type = beans.get(bean);
    if (type == null) {
      violation(file, element, "delegate expression '" + expression + "' names no bean '" + bean + "'");
    } else if (expression.matches("^\\s*\\$\\{\\s*" + bean + "\\s*}\\s*$") && !expectedType.isAssignableFrom(type)) {
      violation(file, element, "bean '" + bean + "' is no " + expectedType.getSimpleName());
    }
  }

  private void violation(String file, String element, String problem) {
    violations.add(file + " " + element + ": " + problem);
  }

  private static String id(ModelElementInstance element) {
    String id = element == null ? null : element.getAttributeValue("id");
    return id == null ? "-" : id;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
