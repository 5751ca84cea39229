package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The build fails when a diagram in processes/ refers to something that does not exist. */
class ModelCheckTest {

  private static final Map<String, Class<?>> BEANS = ApplicationBeans.scan("io.aftercare");
  private static final Set<String> SLA_TARGETS = ShippedSla.targets();
  /** Messages sent to processes that are not built yet (none: every message has its receiver). */
  private static final Set<String> AWAITED_RECEIVERS = Set.of();

  @Test
  void processesAndFormsOfTheRepositoryAreConsistent() {
    ProcessResources repository = ProcessResources.load("file:./");
    assertThat(repository.names()).as("processes/ and forms/ are read").isNotEmpty();

    List<String> violations = ModelCheck.check(repository, BEANS, SLA_TARGETS, AWAITED_RECEIVERS);

    assertThat(violations).as("model check of processes/ and forms/").isEmpty();
  }

  /** The diagrams' message names are exactly those of {@link Messages}, which the code correlates with. */
  @Test
  void messageNamesAreThoseOfMessages() throws Exception {
    Set<String> named = new java.util.TreeSet<>();
    for (java.lang.reflect.Field field : Messages.class.getFields()) {
      named.add((String) field.get(null));
    }
    Set<String> inDiagrams = new java.util.TreeSet<>();
    ProcessResources repository = ProcessResources.load("file:./");
    for (String name : repository.names()) {
      if (name.endsWith(".bpmn")) {
        repository.bpmn(name).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class)
            .forEach(message -> inDiagrams.add(message.getName()));
      }
    }
    assertThat(inDiagrams).isEqualTo(named);
  }

  /**
   * Every diagram of processes/ is deployed by a process test on the coverage engine, which fails
   * unless that class passes all its flow nodes and sequence flows (ProcessTest.newEngine).
   */
  @Test
  void everyDiagramHasAProcessTestHoldingFullCoverage() throws Exception {
    String tests;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of("src/test/java"))) {
      tests = files.filter(f -> f.toString().endsWith("ProcessTest.java")).map(f -> {
        try {
          String source = java.nio.file.Files.readString(f);
          return source.contains("newEngine()") ? source : "";
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(java.util.stream.Collectors.joining("\n"));
    }
    try (java.util.stream.Stream<Path> diagrams = java.nio.file.Files.list(Path.of("processes"))) {
      for (Path diagram : diagrams.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        assertThat(tests).as(diagram + " is deployed by a process test on the coverage engine")
            .contains("\"processes/" + diagram.getFileName() + "\"");
      }
    }
  }

  /** The reports count by the stage properties, never by a step's display name or id. */
  @Test
  void reportsDependOnNoDisplayNameOrStepId() throws Exception {
    java.util.regex.Pattern byName = java.util.regex.Pattern.compile("(task_key|\\bname|activity_id)\\s*(=|in)\\s*\\(?'");
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("src/main/java/io/aftercare/reporting"))) {
      for (Path file : files.toList()) {
        String source = java.nio.file.Files.readString(file);
        assertThat(byName.matcher(source).find()).as(file + " compares a step's name or id in SQL").isFalse();
        assertThat(source).as(file + " names a step id").doesNotContainPattern("['\"](Task|Receive|Timer|Gateway)_[A-Z]");
      }
    }
  }

  @Test
  void elementTemplatesAreAppliedWithTheirChoices() throws Exception {
    assertThat(ModelCheck.checkTemplatesApplied(ProcessResources.load("file:./"),
        Path.of("processes/.camunda/element-templates"), SLA_TARGETS)).isEmpty();
    assertThat(ModelCheck.checkTemplatesApplied(ProcessResources.load("classpath:modelcheck/broken/"),
        Path.of("processes/.camunda/element-templates"), SLA_TARGETS))
        .anySatisfy(v -> assertThat(v).contains("Task_MissingTemplate",
            "calls ${notifyCustomer} without its element template 'io.aftercare.notifyCustomer'"))
        .anySatisfy(v -> assertThat(v).contains("Task_UnknownStage", "a case waits here without an element template"))
        .anySatisfy(v -> assertThat(v).contains("Task_OldTemplate", "uses version 1 of 'io.aftercare.slaClock'"))
        .anySatisfy(v -> assertThat(v).contains("Task_OldTemplate", "Action 'halt' is not one of the choices"));
  }

  @Test
  void elementTemplatesNameExistingBeans() throws Exception {
    assertThat(ModelCheck.checkElementTemplates(Path.of("processes/.camunda/element-templates"), BEANS)).isEmpty();
    assertThat(ModelCheck.checkElementTemplates(Path.of("src/test/resources/modelcheck/broken/templates"), BEANS))
        .singleElement().asString().contains("names no bean 'notifyEveryone'");
  }

  @Test
  void findsEveryKindOfBrokenReference() {
    ProcessResources broken = ProcessResources.load("classpath:modelcheck/broken/");

    List<String> violations = ModelCheck.check(broken, BEANS, SLA_TARGETS, AWAITED_RECEIVERS);

    assertThat(violations).anySatisfy(v -> assertThat(v).contains("Task_MissingBean", "names no bean 'noSuchBean'"))
        .anySatisfy(v -> assertThat(v).contains("Task_NotADelegate", "bean 'caseFiles' is no JavaDelegate"))
        .anySatisfy(v -> assertThat(v).contains("Task_MissingForm", "'no-such-form' names no form id"))
        .anySatisfy(v -> assertThat(v).contains("Task_MissingDecision", "'noSuchDecision' names no decision"))
        .anySatisfy(v -> assertThat(v).contains("Call_MissingProcess", "'noSuchProcess' names no process"))
        .anySatisfy(v -> assertThat(v).contains("Throw_NoReceiver", "'NobodyListens' has no receiver"))
        .anySatisfy(v -> assertThat(v).contains("broken.bpmn broken: process has no camunda:historyTimeToLive"))
        .anySatisfy(v -> assertThat(v).contains("End_NotLaidOut", "has no shape in the diagram"))
        .anySatisfy(v -> assertThat(v).contains("broken.bpmn", "'Camunda Platform 7.21.0'"))
        .anySatisfy(v -> assertThat(v).contains("brokenDecision", "decision has no camunda:historyTimeToLive"))
        .anySatisfy(v -> assertThat(v).contains("brokenDecision", "no shape in the decision requirements diagram"))
        .anySatisfy(v -> assertThat(v).contains("old.form", "'Camunda Platform 7.15.0'"))
        .anySatisfy(v -> assertThat(v).contains("broken.bpmn", "SLA clock 'complaint.resolve.someday'"))
        .anySatisfy(v -> assertThat(v).contains("template 'no-such-template', which has no en text"))
        .anySatisfy(v -> assertThat(v).contains("template 'no-such-template', which has no zh-CN text"))
        .anySatisfy(v -> assertThat(v).contains("'nothing-${kind}', but no template starts with 'nothing-'"))
        .anySatisfy(v -> assertThat(v).contains("Task_MissingForm", "a case waits here, but the step names no stage"))
        .anySatisfy(v -> assertThat(v).contains("Task_UnknownStage", "stage 'Somewhere' is not one of the stages"))
        .anySatisfy(v -> assertThat(v).contains("options.form category: offers other values than broken.dmn#Input_Category",
            "only in the form [texture_change], only in the decision [efficacy]"));
    assertThat(violations).noneMatch(v -> v.contains("Start:"));
  }
}
