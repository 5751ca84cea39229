package io.aftercare.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda Form's fields, read from its JSON: the one reader of forms for everything that labels
 * what a form set (the timeline's values, codes in words, a refused field's name).
 */
public final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Form-js components that hold a value under their key. */
  private static final List<String> INPUTS = List.of("textfield", "textarea", "number", "checkbox", "checklist",
      "radio", "select", "taglist", "datetime", "filepicker");

  private FormFields() {}

  /**
   * One field of a form: its label ("English / 中文"), whether the user fills it in (not a
   * read-only or disabled field that shows the case), its type, its options' labels by value.
   */
  public record Field(String key, String label, boolean input, String type, Map<String, String> options) {}

  /** A form's fields by key, in the form's order. */
  public record Form(String id, Map<String, Field> fields) {}

  /** The form's fields by key (components nested in groups included; the first of a key wins). */
  public static Form parse(byte[] json) throws IOException {
    JsonNode root = JSON.readTree(json);
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new Form(root.path("id").asText(null), fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String key = component.path("key").asText(null);
      if (key != null && INPUTS.contains(type)) {
        // a read-only of "=…" depends on the case: the field may have been filled in
        JsonNode readonly = component.path("readonly");
        boolean shown = component.path("disabled").asBoolean(false)
            || readonly.isBoolean() && readonly.asBoolean() || readonly.isTextual() && !readonly.asText().startsWith("=");
        String label = component.path("label").asText(null);
        if (label == null && type.equals("datetime")) {
          label = component.path("dateLabel").asText(component.path("timeLabel").asText(null));
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode option : component.path("values")) {
          if (option.hasNonNull("value") && option.hasNonNull("label")) {
            options.put(option.get("value").asText(), option.get("label").asText());
          }
        }
        fields.putIfAbsent(key, new Field(key, label, !shown, type, options));
      }
      collect(component.path("components"), fields);
    }
  }
}
