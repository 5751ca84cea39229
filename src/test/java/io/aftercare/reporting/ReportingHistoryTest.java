package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The backlog's stages come from the diagram's stage properties; the timeline's "why" from step names. */
class ReportingHistoryTest {

  @Test
  void stagesAreTheDiagramsStagePropertiesNotItsNames() {
    BpmnModelInstance complaint = Bpmn.readModelFromFile(Path.of("processes/complaint-handling.bpmn").toFile());
    assertThat(Stages.of(complaint)).containsEntry("Task_Resolve", "Resolve")
        .containsEntry("Receive_ReturnSettled", "Wait for the return's outcome")
        .doesNotContainKey("Task_RecordResolution");
    // a renamed step keeps its stage
    complaint.getModelElementById("Task_Resolve").setAttributeValue("name", "Settle ${caseNumber}");
    assertThat(Stages.of(complaint)).containsEntry("Task_Resolve", "Resolve");
  }

  @Test
  void labelIsTheStepNameWithoutTheCaseValues() {
    assertThat(ReportingHistory.label("Resolve ${caseNumber} · S${severity} · ${customerTier}", "Task_Resolve"))
        .isEqualTo("Resolve");
    assertThat(ReportingHistory.label("No parcel in time", "Timer_ParcelTimeout")).isEqualTo("No parcel in time");
    assertThat(ReportingHistory.label(null, "Timer_Callback")).isEqualTo("Timer_Callback");
    assertThat(ReportingHistory.label("${taskName}", "Task_Generic")).isEqualTo("Task_Generic");
  }
}
