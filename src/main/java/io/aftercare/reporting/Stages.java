package io.aftercare.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The stages the reports count cases and tasks in: each step where a case waits carries its stage
 * as the extension property {@code stage} ({@code <camunda:property name="stage" value="Resolve"/>},
 * the "Stage (reports)" field of the Modeler's element templates), so that renaming a step or
 * changing its id in the Modeler does not change the reports. The model check fails on a wait
 * state without a stage or with a stage not listed here for its process.
 */
public final class Stages {

  /** The extension property's name. */
  public static final String PROPERTY = "stage";

  /** The safety report's open batch signals. */
  public static final String REVIEW_BATCH_SIGNAL = "Review batch signal";

  /** Every stage, by process key, in the order a case meets them. */
  public static final Map<String, List<String>> BY_PROCESS = Map.of(
      "complaintHandling", List.of("Triage", "Wait for evidence", "Resolve", "Approve", "Wait for the return's outcome"),
      "returnExchange", List.of("Review return", "Receive parcel", "Inspect"),
      "adverseReactionReport", List.of("Case details", "Assess", "Submit", REVIEW_BATCH_SIGNAL, "Follow up",
          "Submit follow-up"),
      "callbackFollowUp", List.of("Wait for the callback date", "Call", "Wait for the next slot", "Wait for the answers",
          "Review dissatisfaction"),
      "generalEnquiry", List.of("Answer enquiry", "Register the complaint", "Hand over to the team"));

  /** The {@code stage} properties of a diagram, by the id of the step that carries each. */
  public static Map<String, String> of(BpmnModelInstance model) {
    Map<String, String> byActivity = new HashMap<>();
    for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
      ModelElementInstance extensions = property.getParentElement() == null ? null
          : property.getParentElement().getParentElement();
      ModelElementInstance element = extensions == null ? null : extensions.getParentElement();
      if (PROPERTY.equals(property.getCamundaName()) && element instanceof BaseElement step
          && property.getCamundaValue() != null) {
        byActivity.put(step.getId(), property.getCamundaValue());
      }
    }
    return byActivity;
  }

  private Stages() {}
}
