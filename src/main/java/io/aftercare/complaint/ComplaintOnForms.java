package io.aftercare.complaint;

import io.aftercare.customer.Market;
import io.aftercare.privacy.TaskFormAdditions;
import io.aftercare.privacy.TaskForm;
import io.aftercare.process.DeployedModels;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What complaint task forms show beside the case's variables: the customer's evidence as links
 * ({@code evidence}, from complaint_attachment, for the triage), and the money: an amount is in the
 * case's currency, and the agent deciding a compensation sees where a supervisor's approval starts
 * ({@code compensationNote}, e.g. "CNY ·
 * 超过 CNY 300 需主管审批 / a supervisor approves above CNY 300". The threshold is read from
 * the latest deployed version of processes/complaint-approval.dmn (the rule for a compensation in
 * that market), so the form says what the decision will do; a process owner who deploys a new
 * threshold changes both (DeployedModels).
 */
@Component
class ComplaintOnForms implements TaskFormAdditions {

  /** The decision's id in processes/complaint-approval.dmn. */
  private static final String DECISION = "complaintApproval";

  private final DeployedModels deployed;
  private final JdbcClient jdbc;

  ComplaintOnForms(DeployedModels deployed, JdbcClient jdbc) {
    this.deployed = deployed;
    this.jdbc = jdbc;
  }


  @Override
  public void addToTaskForm(TaskForm form, VariableMap variables) {
    if (!ComplaintProcess.KEY.equals(form.processDefinitionKey())) {
      return;
    }
    if (form.caseNumber() != null) {
      variables.putValue("evidence", evidence(form.caseNumber()));
    }
    if (!(variables.get("market") instanceof String code)) {
      return;
    }
    Market market;
    try {
      market = Market.valueOf(code);
    } catch (IllegalArgumentException unknown) {
      return;
    }
    Map<Market, BigDecimal> thresholds = deployed.derive(ComplaintOnForms.class,
        latest -> latest.decision(DECISION).map(ComplaintOnForms::thresholds).orElse(Map.of()));
    BigDecimal threshold = thresholds.get(market);
    String currency = market.currency();
    variables.putValue("compensationNote", threshold == null ? currency
        : currency + " · 超过 " + currency + " " + threshold.toPlainString() + " 需主管审批 / a supervisor approves above "
            + currency + " " + threshold.toPlainString());
  }

  /**
   * The customer's evidence as a Markdown list of links (the forms' text lines render it), newest
   * last; null when there is none, so that the form hides the line.
   */
  private String evidence(String caseNumber) {
    record Attachment(String name, String url) {}
    List<Attachment> attachments = jdbc.sql("select name, url from complaint_attachment where case_number = ?"
            + " order by added_at, id").param(caseNumber)
        .query((rs, n) -> new Attachment(rs.getString("name"), rs.getString("url"))).list();
    if (attachments.isEmpty()) {
      return null;
    }
    StringBuilder list = new StringBuilder();
    for (Attachment attachment : attachments) {
      String name = attachment.name() == null || attachment.name().isBlank() ? attachment.url() : attachment.name();
      // only web links become links; the name's Markdown characters are escaped
      String shown = name.replaceAll("([\\\\\\[\\]()*_`#<>])", "\\\\$1");
      list.append("- ").append(attachment.url() != null && attachment.url().matches("https?://[^\\s()<>]+")
          ? "[" + shown + "](" + attachment.url() + ")" : shown).append('\n');
    }
    return list.toString();
  }

  /** Per market, the amount above which the decision's compensation rule asks for approval. */
  static Map<Market, BigDecimal> thresholds(DmnModelInstance model) {
    Map<Market, BigDecimal> thresholds = new EnumMap<>(Market.class);
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      List<Input> inputs = List.copyOf(table.getInputs());
      int resolution = index(inputs, "resolution");
      int amount = index(inputs, "compensationAmount");
      int market = index(inputs, "market");
      if (resolution < 0 || amount < 0 || market < 0) {
        continue;
      }
      for (Rule rule : table.getRules()) {
        List<InputEntry> entries = List.copyOf(rule.getInputEntries());
        String amountText = entries.get(amount).getTextContent().trim();
        if (entries.get(resolution).getTextContent().contains("\"compensation\"") && amountText.startsWith(">")) {
          String marketText = entries.get(market).getTextContent().trim().replace("\"", "");
          try {
            thresholds.putIfAbsent(Market.valueOf(marketText),
                new BigDecimal(amountText.replace(">", "").replace("=", "").trim()));
          } catch (IllegalArgumentException notOne) {
            // a rule for several markets, or a condition other than a plain "> amount": not a threshold to show
          }
        }
      }
    }
    return thresholds;
  }

  private static int index(List<Input> inputs, String variable) {
    for (int i = 0; i < inputs.size(); i++) {
      if (variable.equals(inputs.get(i).getCamundaInputVariable())
          || inputs.get(i).getInputExpression() != null && inputs.get(i).getInputExpression().getText() != null
          && variable.equals(inputs.get(i).getInputExpression().getText().getTextContent().trim())) {
        return i;
      }
    }
    return -1;
  }
}
