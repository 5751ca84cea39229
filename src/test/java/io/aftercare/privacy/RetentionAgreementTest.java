package io.aftercare.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Camunda's history cleanup agrees with the retention policy: a process's history lives as long
 * as the longest period of its data category, no longer (the reports and the timeline read it).
 */
class RetentionAgreementTest {

  /** Process → its category's periods in application.yaml. */
  static final Map<String, String> CATEGORY = Map.of("complaint-handling.bpmn", "contact",
      "return-exchange.bpmn", "contact", "callback-follow-up.bpmn", "contact", "general-enquiry.bpmn", "contact",
      "adverse-reaction-report.bpmn", "adverse-reaction");

  @Test
  void everyProcessKeepsItsHistoryAsLongAsItsLongestRetention() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    for (Map.Entry<String, String> process : CATEGORY.entrySet()) {
      Map<String, Period> periods = Binder.get(environment)
          .bind("aftercare.retention." + process.getValue(), Bindable.mapOf(String.class, Period.class)).get();
      int longest = periods.values().stream().mapToInt(p -> p.getYears() * 365 + p.getMonths() * 30 + p.getDays())
          .max().orElseThrow();
      Collection<Process> processes = Bpmn.readModelFromStream(
          Files.newInputStream(Path.of("processes", process.getKey()))).getModelElementsByType(Process.class);
      String ttl = processes.iterator().next().getCamundaHistoryTimeToLiveString();
      assertThat(Integer.parseInt(ttl.replace("P", "").replace("D", "")))
          .as(process.getKey() + " historyTimeToLive against aftercare.retention." + process.getValue())
          .isEqualTo(longest);
    }
  }
}
