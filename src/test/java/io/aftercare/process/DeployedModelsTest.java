package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.ProcessTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Codes in words and decisions' thresholds follow what a process owner deploys, not the files the
 * application was built with: a new version of a form or a decision counts once it is deployed.
 */
class DeployedModelsTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-test-engine.cfg.xml").build();

  private DeployedModels deployed() {
    ProcessEngine processEngine = engine.getProcessEngine();
    // looked at again on every call (the application waits up to DeployedModels.CHECK_MILLIS)
    return new DeployedModels(new StaticListableBeanFactory(Map.of("engine", processEngine))
        .getBeanProvider(ProcessEngine.class), 0);
  }

  private static BpmnModelInstance triageProcess() {
    return Bpmn.createExecutableProcess("labelled").camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_Triage").camundaFormRef("triage-complaint").camundaFormRefBinding("deployment")
        .endEvent().done();
  }

  private static String file(String path) throws Exception {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  private void deploy(String form, String decision) {
    RepositoryService repository = engine.getRepositoryService();
    var deployment = repository.createDeployment().addModelInstance("labelled.bpmn", triageProcess())
        .addString("triage-complaint.form", form);
    if (decision != null) {
      deployment.addString("complaint-approval.dmn", decision);
    }
    deployment.deploy();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  @Test
  void aNewVersionOfAFormRelabelsItsCodesOnceDeployed() throws Exception {
    String form = file("forms/triage-complaint.form");
    deploy(form, null);
    CodeLabels labels = new CodeLabels(deployed());
    assertThat(labels.of("category", "irritation_allergy")).contains("Irritation or allergy / 刺激/过敏");
    assertThat(labels.of("category")).contains("Category / 类别");
    assertThat(labels.of("category", "packaging_leak")).isEmpty();
    // codes no form offers keep their words
    assertThat(labels.of("customerTier", "HIGH")).contains("高价值 High-value");

    // the process owner adds a category and rewords one, in the Modeler, and deploys
    deploy(form.replace("Irritation or allergy / 刺激/过敏", "Irritation or allergic reaction / 刺激或过敏反应")
        .replace("{\n          \"label\": \"Shade mismatch / 色号不符\",",
            "{\n          \"label\": \"Leaking packaging / 包装漏液\",\n          \"value\": \"packaging_leak\"\n        },\n"
                + "        {\n          \"label\": \"Shade mismatch / 色号不符\","), null);
    assertThat(labels.of("category", "irritation_allergy")).contains("Irritation or allergic reaction / 刺激或过敏反应");
    assertThat(labels.of("category", "packaging_leak")).contains("Leaking packaging / 包装漏液");
  }

  @Test
  void theLatestVersionOfADecisionIsTheOneRead() throws Exception {
    String decision = file("processes/complaint-approval.dmn");
    deploy(file("forms/triage-complaint.form"), decision);
    DeployedModels deployed = deployed();
    assertThat(deployed.derive("CN limit", this::limitInChina)).isEqualTo("> 300");

    deploy(file("forms/triage-complaint.form"), decision.replace("<text>&gt; 300</text>", "<text>&gt; 500</text>"));
    assertThat(deployed.derive("CN limit", this::limitInChina)).isEqualTo("> 500");
  }

  private String limitInChina(DeployedModels.Latest latest) {
    Rule rule = latest.decision("complaintApproval").orElseThrow().getModelElementById("Rule_CompensationCN");
    return rule.getInputEntries().stream().filter(e -> e.getId().equals("Rule_CompensationCN_Compensation"))
        .findFirst().orElseThrow().getTextContent();
  }
}
