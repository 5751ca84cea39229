package io.aftercare.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import io.aftercare.api.FieldLabels;
import org.springframework.stereotype.Component;

/**
 * Codes in the agents' words, in Chinese and English: a complaint's category {@code
 * irritation_allergy} is "Irritation or allergy / 刺激或过敏". The words come from where the code is
 * chosen: the options of the selects in the forms deployed now (a process owner who adds a category
 * to the triage form labels it there, once, and the label counts from its deployment:
 * {@link DeployedModels}); codes no form offers (set by a decision or a system: tier, market,
 * seriousness, a return's or a callback's reason) are labelled here.
 */
@Component
public class CodeLabels implements FieldLabels {

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

  /** By variable, by code: the label; by key, the label of a form field that sets it (the first form that has one). */
  private record Labels(Map<String, Map<String, String>> codes, Map<String, String> fields) {}

  private final DeployedModels deployed;

  CodeLabels(DeployedModels deployed) {
    this.deployed = deployed;
  }

  /** The labels of the forms deployed now (the latest version of every process), kept until a deployment changes. */
  private Labels labels() {
    return deployed.derive(CodeLabels.class, latest -> labels(latest.forms()));
  }

  private static Labels labels(Collection<FormFields.Form> forms) {
    Map<String, Map<String, String>> codes = new HashMap<>();
    Map<String, String> fields = new HashMap<>();
    for (FormFields.Form form : forms) {
      for (FormFields.Field field : form.fields().values()) {
        if (field.input() && field.label() != null && !field.label().isBlank()) {
          fields.putIfAbsent(field.key(), field.label());
        }
        field.options().forEach((code, label) ->
            codes.computeIfAbsent(field.key(), k -> new HashMap<>()).putIfAbsent(code, label));
      }
    }
    FIXED.forEach((variable, fixed) -> fixed.forEach((code, label) ->
        codes.computeIfAbsent(variable, k -> new HashMap<>()).putIfAbsent(code, label)));
    return new Labels(codes, fields);
  }

  /** The label of the variable's code, when there is one. */
  public Optional<String> of(String variable, Object code) {
    if (code == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(labels().codes().getOrDefault(variable, Map.of()).get(code.toString()));
  }

  /** The label of the form field that sets the variable, when a form has one. */
  @Override
  public Optional<String> of(String field) {
    return Optional.ofNullable(labels().fields().get(field));
  }

  /** The variables whose codes have labels. */
  public java.util.Set<String> variables() {
    return labels().codes().keySet();
  }
}
