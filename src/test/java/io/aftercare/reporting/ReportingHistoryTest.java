package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The backlog's stages: a step's name from the diagram, without the values of the case. */
class ReportingHistoryTest {

  @Test
  void stageIsTheStepNameWithoutTheCaseValues() {
    assertThat(ReportingHistory.stage("Resolve ${caseNumber} · S${severity} · ${customerTier}", "Task_Resolve"))
        .isEqualTo("Resolve");
    assertThat(ReportingHistory.stage("Review batch signal ${batch} · ${batchReports} reports", "Task_ReviewSignal"))
        .isEqualTo("Review batch signal");
    assertThat(ReportingHistory.stage("Wait for the return's outcome", "Receive_ReturnSettled"))
        .isEqualTo("Wait for the return's outcome");
  }

  @Test
  void stepWithoutAFixedNameIsItsId() {
    assertThat(ReportingHistory.stage(null, "Timer_Callback")).isEqualTo("Timer_Callback");
    assertThat(ReportingHistory.stage("${taskName}", "Task_Generic")).isEqualTo("Task_Generic");
  }
}
