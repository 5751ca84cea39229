package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What travels with a changed file so that forms bound by deployment are found. */
class ProcessResourcesTest {

  private final ProcessResources repository = ProcessResources.load("file:./");

  @Test
  void readsDiagramsDecisionsAndFormsWithTheirIds() {
    assertThat(repository.names()).contains("general-enquiry.bpmn", "enquiry-routing.dmn",
        "register-enquiry.form", "answer-enquiry.form");
    assertThat(repository.formsById()).containsEntry("answer-enquiry", "answer-enquiry.form");
    assertThat(repository.formRefs("general-enquiry.bpmn")).containsExactly("answer-enquiry", "enquiry-follow-up",
        "register-complaint", "register-enquiry");
  }

  /** The enquiry shares the complaint's registration form: a change to either takes the other along. */
  private static final String[] ENQUIRY_AND_COMPLAINT = {"general-enquiry.bpmn", "register-enquiry.form",
      "answer-enquiry.form", "enquiry-follow-up.form", "register-complaint.form", "complaint-handling.bpmn",
      "triage-complaint.form", "resolve-complaint.form", "approve-resolution.form"};

  @Test
  void changedDiagramTakesItsFormsAlong() {
    assertThat(repository.withCompanions(Set.of("general-enquiry.bpmn"))).containsExactlyInAnyOrder(ENQUIRY_AND_COMPLAINT);
  }

  @Test
  void changedFormTakesTheDiagramsThatUseItAndTheirOtherForms() {
    assertThat(repository.withCompanions(Set.of("answer-enquiry.form"))).containsExactlyInAnyOrder(ENQUIRY_AND_COMPLAINT);
    assertThat(repository.withCompanions(Set.of("review-return.form"))).contains("return-exchange.bpmn")
        .doesNotContain("general-enquiry.bpmn");
  }

  @Test
  void changedDecisionTravelsAlone() {
    assertThat(repository.withCompanions(Set.of("enquiry-routing.dmn"))).containsExactly("enquiry-routing.dmn");
  }
}
