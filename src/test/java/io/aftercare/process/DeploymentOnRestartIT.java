package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.AftercareApplication;
import io.aftercare.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarting on the same database deploys nothing new; changing a form deploys that form again
 * with the diagrams that use it (their forms bound by deployment), and leaves the rest alone.
 */
class DeploymentOnRestartIT {

  @TempDir
  Path repository;

  @Test
  void restartAddsNoVersionsAndAChangedFormRedeploysOnlyWhatUsesIt() throws IOException {
    copy(Path.of("processes"), repository.resolve("processes"));
    copy(Path.of("forms"), repository.resolve("forms"));
    String deployment = "restart-" + UUID.randomUUID();
    List<String> properties = new ArrayList<>(List.of(
        "aftercare.deployment.location=file:" + repository.toAbsolutePath() + "/",
        "aftercare.deployment.name=" + deployment,
        // its own engine name, so that it never stands in for another test's engine
        "camunda.bpm.process-engine-name=restart",
        "server.port=0"));
    if (!TestDatabase.isPostgres()) {
      properties.add("spring.datasource.url=jdbc:h2:mem:" + deployment + ";DB_CLOSE_DELAY=-1");
    }

    String firstDefinition;
    try (ConfigurableApplicationContext first = start(properties)) {
      RepositoryService repositoryService = first.getBean(RepositoryService.class);
      assertThat(deployments(repositoryService, deployment)).isEqualTo(1);
      firstDefinition = latest(repositoryService, deployment).getId();
    }

    try (ConfigurableApplicationContext second = start(properties)) {
      RepositoryService repositoryService = second.getBean(RepositoryService.class);
      assertThat(deployments(repositoryService, deployment)).as("deployments after restart").isEqualTo(1);
      assertThat(latest(repositoryService, deployment).getId()).isEqualTo(firstDefinition);

      Path form = repository.resolve("forms/answer-enquiry.form");
      Files.writeString(form, Files.readString(form).replace("Answer given to the customer", "Answer sent"));
      // the enquiry shares the complaint's registration form: both go, with their forms; nothing else
      String[] enquiryAndComplaint = {"general-enquiry.bpmn", "answer-enquiry.form", "register-enquiry.form",
          "enquiry-follow-up.form", "register-complaint.form", "complaint-handling.bpmn", "triage-complaint.form",
          "resolve-complaint.form", "approve-resolution.form"};
      assertThat(second.getBean(ProcessDeployer.class).deploy()).containsExactlyInAnyOrder(enquiryAndComplaint);

      assertThat(deployments(repositoryService, deployment)).isEqualTo(2);
      ProcessDefinition newVersion = latest(repositoryService, deployment);
      assertThat(newVersion.getId()).isNotEqualTo(firstDefinition);
      assertThat(repositoryService.getDeploymentResourceNames(newVersion.getDeploymentId()))
          .containsExactlyInAnyOrder(enquiryAndComplaint);
    }
  }

  private static ConfigurableApplicationContext start(List<String> properties) {
    return new SpringApplicationBuilder(AftercareApplication.class)
        .profiles(new TestDatabase().resolve(DeploymentOnRestartIT.class))
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }

  private static long deployments(RepositoryService repository, String name) {
    return repository.createDeploymentQuery().deploymentName(name).count();
  }

  private static ProcessDefinition latest(RepositoryService repository, String deploymentName) {
    List<String> ids = repository.createDeploymentQuery().deploymentName(deploymentName).list().stream()
        .map(d -> d.getId()).toList();
    return repository.createProcessDefinitionQuery().processDefinitionKey("generalEnquiry")
        .orderByProcessDefinitionVersion().desc().list().stream()
        .filter(d -> ids.contains(d.getDeploymentId())).findFirst().orElseThrow();
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
