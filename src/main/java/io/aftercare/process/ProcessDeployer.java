package io.aftercare.process;

import io.aftercare.security.StartupOrder;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} at start as one deployment of the changed files
 * and their companions ({@link ProcessResources#withCompanions}); an unchanged file is not
 * deployed again, so a restart adds no new versions. The engine's duplicate filter runs under its
 * deployment lock, so several nodes starting together deploy once.
 */
@Component
@Order(StartupOrder.DEPLOYMENT)
public class ProcessDeployer implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);

  /** Where the deployment's files are read from, and the deployment's name. */
  @ConfigurationProperties("aftercare.deployment")
  public record Settings(String name, String location) {
    public Settings {
      name = name == null ? "aftercare" : name;
      location = location == null ? "classpath:" : location;
    }
  }

  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl engine;
  private final Settings settings;

  ProcessDeployer(RepositoryService repository, ProcessEngineConfigurationImpl engine, Settings settings) {
    this.repository = repository;
    this.engine = engine;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    deploy();
  }

  /** Deploys what changed; returns the names deployed (empty when all was up to date). */
  public Set<String> deploy() {
    ProcessResources resources = ProcessResources.load(settings.location());
    Map<String, byte[]> files = resources.files();
    Map<String, ResourceEntity> deployed = engine.getCommandExecutorTxRequired().execute(context ->
        context.getResourceManager().findLatestResourcesByDeploymentName(
            settings.name(), files.keySet(), settings.name(), null));
    Set<String> changed = new TreeSet<>();
    files.forEach((name, bytes) -> {
      ResourceEntity previous = deployed.get(name);
      if (previous == null || !Arrays.equals(previous.getBytes(), bytes)) {
        changed.add(name);
      }
    });
    if (changed.isEmpty()) {
      LOG.info("Processes and forms are up to date ({} files)", files.size());
      return Set.of();
    }
    Set<String> toDeploy = resources.withCompanions(changed);
    DeploymentBuilder builder = repository.createDeployment()
        .name(settings.name())
        .source(settings.name())
        // Checked again inside the engine's deployment lock: if another node deployed the same
        // files meanwhile, nothing is deployed here.
        .enableDuplicateFiltering(false);
    toDeploy.forEach(name -> builder.addInputStream(name, new ByteArrayInputStream(files.get(name))));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    LOG.info("Deployed {} (changed: {}) as deployment {}", toDeploy, changed, deployment.getId());
    return toDeploy;
  }
}
