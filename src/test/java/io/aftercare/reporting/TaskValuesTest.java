package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.process.FormFields;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The timeline shows the values a task's form set, with the form's labels: not the read-only or
 * disabled fields that only show the case, nor variables the form does not have.
 */
class TaskValuesTest {

  private static FormFields.Form form(String name) throws Exception {
    return FormFields.parse(Files.readAllBytes(Path.of("forms", name + ".form")));
  }

  @Test
  void aKnownFormsInputFieldsWithItsLabelsAndOptionLabels() throws Exception {
    // in the order the command set them; shown in the form's order
    String outcome = "caseNumber=AC-2024-000123, followUp=none, answer=Unopened within 14 days: yes, refunded, or"
        + " exchanged. Reply=soon, needsFollowUp=false, question=Can I use it?";
    assertThat(TaskValues.label(TaskValues.parse(outcome), form("answer-enquiry"))).containsExactly(
        new CaseTimeline.Value("answer", "Answer given to the customer / 答复内容",
            "Unopened within 14 days: yes, refunded, or exchanged. Reply=soon"),
        new CaseTimeline.Value("followUp", "Does the customer need another case? / 是否需要另开工单", "No / 不需要"));
  }

  @Test
  void checkboxesSayYesOrNoAndReadOnlyAndEmptyFieldsAreLeftOut() throws Exception {
    FormFields.Form details = form("adverse-case-details");
    assertThat(details.fields().get("caseNumber").input()).as("read-only").isFalse();
    assertThat(TaskValues.label(TaskValues.parse("reportNumber=AR-1, hospitalised=false, death=true, age=34,"
        + " outcome=null, bodyArea="), details)).containsExactly(
        new CaseTimeline.Value("age", "Age / 年龄", "34"),
        new CaseTimeline.Value("death", "Death / 死亡", TaskValues.YES),
        new CaseTimeline.Value("hospitalised", "Hospitalised (inpatient) / 住院治疗", TaskValues.NO));
  }

  @Test
  void aDateFieldIsLabelledByItsDateLabel() throws Exception {
    FormFields.Form submission = form("regulatory-submission");
    assertThat(submission.fields().get("submittedOn").input()).isTrue();
    assertThat(submission.fields().get("submittedOn").label()).isEqualTo("Submitted on / 提交日期");
  }

  @Test
  void withoutAFormEveryValueWithItsNameMadeReadable() {
    assertThat(TaskValues.label(TaskValues.parse("needsFollowUp=true, return_reason=damaged, csat=4"), null))
        .containsExactly(new CaseTimeline.Value("needsFollowUp", "Needs follow up", TaskValues.YES),
            new CaseTimeline.Value("return_reason", "Return reason", "damaged"),
            new CaseTimeline.Value("csat", "Csat", "4"));
    assertThat(TaskValues.humanise("rmaNumber")).isEqualTo("Rma number");
    assertThat(TaskValues.humanise("NPSScore")).isEqualTo("Nps score");
  }

  @Test
  void aValueCutShortStaysAndAnOutcomeCutInANameIsDropped() {
    assertThat(TaskValues.parse("answer=Long text…, cau…")).containsExactly(java.util.Map.entry("answer", "Long text…"));
    assertThat(TaskValues.parse("")).isEmpty();
  }
}
