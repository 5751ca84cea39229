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
    assertThat(repository.formRefs("general-enquiry.bpmn")).containsExactly("answer-enquiry", "register-enquiry");
  }

  @Test
  void changedDiagramTakesItsFormsAlong() {
    assertThat(repository.withCompanions(Set.of("general-enquiry.bpmn")))
        .containsExactlyInAnyOrder("general-enquiry.bpmn", "register-enquiry.form", "answer-enquiry.form");
  }

  @Test
  void changedFormTakesTheDiagramsThatUseItAndTheirOtherForms() {
    assertThat(repository.withCompanions(Set.of("answer-enquiry.form")))
        .containsExactlyInAnyOrder("general-enquiry.bpmn", "register-enquiry.form", "answer-enquiry.form");
  }

  @Test
  void changedDecisionTravelsAlone() {
    assertThat(repository.withCompanions(Set.of("enquiry-routing.dmn"))).containsExactly("enquiry-routing.dmn");
  }
}
