package io.aftercare.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import io.aftercare.process.DeployedModels;
import io.aftercare.process.FormFields;
import org.springframework.stereotype.Service;

/**
 * The values a completed task set, as the timeline shows them. With the task's form known (its
 * {@code camunda:formRef} in the deployed diagram, the form of that deployment): the values of the
 * form's input fields only — not the read-only or disabled fields that show the case, nor
 * variables the form does not have — each with the form's own label ("English / 中文") and a chosen
 * option's label. Without a known form: every value, its name made readable.
 */
@Service
class TaskValues {

  /** The next "name=" of the stored text "name=value, name=value" (ReportingHistory). */
  private static final Pattern NEXT_VALUE = Pattern.compile(", (?=[A-Za-z_$][\\w$.\\-]*=)");
  private static final Pattern CUT_IN_A_NAME = Pattern.compile(", [A-Za-z_$][\\w$.\\-]*…$");
  static final String YES = "Yes / 是";
  static final String NO = "No / 否";

  private final DeployedModels deployed;

  TaskValues(DeployedModels deployed) {
    this.deployed = deployed;
  }

  /**
   * The labelled values of a completed task: {@code outcome} as stored ("name=value, …"), the
   * task's step {@code taskKey} in process definition {@code processDefinitionId} (when still in
   * the history; else the latest version of {@code processKey}).
   */
  List<CaseTimeline.Value> of(String outcome, String processDefinitionId, String processKey, String taskKey) {
    if (outcome == null || outcome.isBlank()) {
      return List.of();
    }
    return label(parse(outcome), deployed.formOfStep(processDefinitionId, processKey, taskKey).orElse(null));
  }

  /** The stored "name=value, name=value" text as names and values, in order; a later value of a name wins. */
  static Map<String, String> parse(String outcome) {
    Map<String, String> values = new LinkedHashMap<>();
    // the text was cut short in a name: that name and its value are lost
    for (String part : NEXT_VALUE.split(CUT_IN_A_NAME.matcher(outcome).replaceFirst(""))) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        values.put(part.substring(0, equals).trim(), part.substring(equals + 1));
      }
    }
    return values;
  }

  /**
   * The values to show: a known form's input fields only, in the form's order, with its labels;
   * else all, in the order they were set, their names made readable. Empty values are left out.
   */
  static List<CaseTimeline.Value> label(Map<String, String> values, FormFields.Form form) {
    List<CaseTimeline.Value> labelled = new ArrayList<>();
    if (form == null) {
      values.forEach((name, raw) -> {
        if (set(raw)) {
          labelled.add(new CaseTimeline.Value(name, humanise(name), display(raw, null)));
        }
      });
      return labelled;
    }
    for (FormFields.Field field : form.fields().values()) {
      String raw = values.get(field.key());
      if (field.input() && set(raw)) {
        String label = field.label() != null && !field.label().isBlank() ? field.label() : humanise(field.key());
        labelled.add(new CaseTimeline.Value(field.key(), label,
            field.options().getOrDefault(raw, display(raw, field.type()))));
      }
    }
    return labelled;
  }

  private static boolean set(String raw) {
    return raw != null && !raw.isEmpty() && !raw.equals("null");
  }

  private static String display(String raw, String type) {
    boolean maybeBoolean = type == null || type.equals("checkbox");
    if (maybeBoolean && raw.equals("true")) {
      return YES;
    }
    if (maybeBoolean && raw.equals("false")) {
      return NO;
    }
    return raw;
  }

  /** A variable name as words: "needsFollowUp" → "Needs follow up", "return_reason" → "Return reason". */
  static String humanise(String name) {
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
        .replaceAll("[_\\-.]+", " ").trim().toLowerCase(Locale.ROOT);
    return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
