package io.aftercare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.DecisionTable;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of processes/complaint-approval.dmn (hit policy FIRST), each market's limit on both
 * sides: the limit itself is within the agent's authority, a cent more is not.
 */
class ComplaintApprovalDecisionTest {

  private static final DecisionTable APPROVAL = new DecisionTable("/processes/complaint-approval.dmn",
      "complaintApproval");

  @ParameterizedTest(name = "{0} {1} in {2}, triage {3}, {4} earlier -> {6} by {5}")
  @CsvSource(nullValues = "null", value = {
      // an order refunded before: told to the approver before anything else, whatever the amount
      "compensation, 10,     CN, false, 1, Rule_OrderRefundedBefore,  true",
      "refund,       null,   EU, true,  3, Rule_OrderRefundedBefore,  true",
      "exchange,     null,   US, false, 1, Rule_OrderRefundedBefore,  true",
      // guidance or a gift for an order refunded before gives no money: the agent decides
      "guidance,     null,   CN, false, 2, Rule_WithinAgentAuthority, false",
      "gift,         null,   CN, true,  0, Rule_TriageMarked,         true",
      "refund,       null,   CN, false, 0, Rule_Refund,               true",
      "compensation, 300,    CN, false, 0, Rule_WithinAgentAuthority, false",
      "compensation, 300.01, CN, false, 0, Rule_CompensationCN,       true",
      "compensation, 50,     EU, false, 0, Rule_WithinAgentAuthority, false",
      "compensation, 50.01,  EU, false, 0, Rule_CompensationEU,       true",
      "compensation, 60,     US, false, 0, Rule_WithinAgentAuthority, false",
      "compensation, 60.01,  US, false, 0, Rule_CompensationUS,       true",
      // a market's limit applies to that market only
      "compensation, 200,    CN, false, 0, Rule_WithinAgentAuthority, false",
      "exchange,     null,   EU, false, 0, Rule_WithinAgentAuthority, false",
      "guidance,     null,   US, null,  0, Rule_WithinAgentAuthority, false"})
  void decidesWhetherASupervisorApproves(String resolution, Double compensation, String market, Boolean triageMarked,
      int earlierRefunds, String rule, boolean needed) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("resolution", resolution);
    inputs.put("compensationAmount", compensation);
    inputs.put("market", market);
    inputs.put("approvalRequired", triageMarked);
    inputs.put("earlierRefunds", earlierRefunds);

    DecisionTable.Result result = APPROVAL.evaluate(inputs);

    assertThat(result.rule()).isEqualTo(rule);
    assertThat((Boolean) result.outputs().getEntry("approvalNeeded")).isEqualTo(needed);
    assertThat((String) result.outputs().getEntry("approvalReason")).isNotBlank();
  }
}
