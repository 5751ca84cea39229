package io.aftercare.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import io.aftercare.api.FieldLabels;
import org.springframework.stereotype.Component;

/**
 * Codes in the agents' words, in Chinese and English: a complaint's category {@code
 * irritation_allergy} is "Irritation or allergy / 刺激或过敏". The words come from where the code is
 * chosen: the options of the forms' selects (a process owner who adds a category to the triage form
 * labels it there, once); codes no form offers (set by a decision or a system: tier, market,
 * seriousness, a return's or a callback's reason) are labelled here.
 */
@Component
public class CodeLabels implements FieldLabels {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Codes set by decisions and systems, which no form offers. */
  private static final Map<String, Map<String, String>> FIXED = Map.of(
      "customerTier", Map.of("HIGH", "高价值 High-value", "MEDIUM", "中 Mid-value", "LOW", "一般 Standard"),
      "market", Map.of("CN", "中国 China", "EU", "欧盟 European Union", "US", "美国 United States"),
      "seriousness", Map.of("serious", "严重 Serious", "social_impact", "可能引起较大社会影响 Of social impact",
          "general", "一般 General"),
      "requested", Map.of("exchange", "换货 Exchange", "refund", "退款 Refund"),
      // a return's reasons (return-eligibility.dmn) and a callback's (callback-plan.dmn)
      "reason", Map.ofEntries(Map.entry("quality_defect", "质量问题 Quality defect"),
          Map.entry("adverse_reaction", "疑似不良反应 Suspected adverse reaction"),
          Map.entry("wrong_item", "发错商品 Wrong item"), Map.entry("damaged_in_transit", "运输途中损坏 Damaged in transit"),
          Map.entry("changed_mind", "改变主意（无理由退货）Changed mind"),
          Map.entry("complaint_resolved", "投诉已解决 Complaint resolved"),
          Map.entry("return_completed", "退换货完成 Return completed"),
          Map.entry("adverse_followup", "不良反应随访 Adverse-reaction follow-up"), Map.entry("care_call", "关怀回访 Care call")));

  /** By variable, by code: the label. */
  private final Map<String, Map<String, String>> labels = new HashMap<>();
  /** By key: the label of a form field that sets it (the first form read that has one). */
  private final Map<String, String> fieldLabels = new HashMap<>();

  @org.springframework.beans.factory.annotation.Autowired
  CodeLabels(ProcessDeployer.Settings settings) {
    this(ProcessResources.load(settings.location()));
  }

  CodeLabels(ProcessResources resources) {
    resources.files().forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        try {
          collect(JSON.readTree(bytes).path("components"));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read the form " + name, e);
        }
      }
    });
    FIXED.forEach((variable, codes) -> codes.forEach((code, label) ->
        labels.computeIfAbsent(variable, k -> new HashMap<>()).putIfAbsent(code, label)));
  }

  private void collect(JsonNode components) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      String fieldLabel = component.path("label").asText(component.path("dateLabel").asText(null));
      if (key != null && fieldLabel != null && !fieldLabel.isBlank() && !component.path("readonly").asBoolean(false)) {
        fieldLabels.putIfAbsent(key, fieldLabel);
      }
      if (key != null && component.path("values").isArray()) {
        for (JsonNode option : component.path("values")) {
          String value = option.path("value").asText(null);
          String label = option.path("label").asText(null);
          if (value != null && label != null) {
            labels.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(value, label);
          }
        }
      }
      collect(component.path("components"));
    }
  }

  /** The label of the variable's code, when there is one. */
  public Optional<String> of(String variable, Object code) {
    if (code == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(labels.getOrDefault(variable, Map.of()).get(code.toString()));
  }

  /** The label of the form field that sets the variable, when a form has one. */
  @Override
  public Optional<String> of(String field) {
    return Optional.ofNullable(fieldLabels.get(field));
  }

  /** The variables whose codes have labels. */
  public java.util.Set<String> variables() {
    return labels.keySet();
  }
}
