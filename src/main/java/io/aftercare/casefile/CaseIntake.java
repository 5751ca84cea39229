package io.aftercare.casefile;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.sla.ClockRollups;
import io.aftercare.sla.Escalations;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a case comes in, for every API and start form: a new case for the customer, opened
 * with its intake channel, or the case the request names — which must exist and be this
 * customer's (a case of nobody yet, an enquiry from an unknown caller, becomes theirs). A case
 * never holds two customers.
 */
@Service
public class CaseIntake {

  private static final String NOT_KNOWN = "is not a known case";
  private static final String ANOTHER_CUSTOMER = "is another customer's case; open a new case for this customer"
      + " (relatedCaseNumber links the two)";

  private final CaseFiles cases;
  private final JdbcClient jdbc;
  private final ClockRollups clockRollups;
  private final Escalations escalations;

  CaseIntake(CaseFiles cases, JdbcClient jdbc, ClockRollups clockRollups, Escalations escalations) {
    this.cases = cases;
    this.jdbc = jdbc;
    this.clockRollups = clockRollups;
    this.escalations = escalations;
  }

  /**
   * What is wrong with a request naming {@code caseNumber} for the customer {@code customerId}
   * (null: a customer registered by the request), for a controller to report with the request's
   * other problems; null when nothing is. {@link #openOrJoin} checks again.
   */
  public FieldProblem problem(String caseNumber, String field, Long customerId) {
    if (caseNumber == null || caseNumber.isBlank()) {
      return null;
    }
    List<Long> owner = jdbc.sql("select customer_id from case_file where case_number = ?").param(caseNumber)
        .query((rs, n) -> (Long) rs.getObject("customer_id", Long.class)).list();
    if (owner.isEmpty()) {
      return new FieldProblem(field, NOT_KNOWN);
    }
    Long current = owner.get(0);
    return current != null && (customerId == null || !current.equals(customerId))
        ? new FieldProblem(field, ANOTHER_CUSTOMER) : null;
  }

  /**
   * What is wrong with a request's {@code caseNumber} (for the customer {@code customerId}) and its
   * {@code relatedCaseNumber}, named by those fields; empty when nothing is.
   */
  public List<FieldProblem> problems(String caseNumber, Long customerId, String related) {
    List<FieldProblem> problems = new java.util.ArrayList<>();
    FieldProblem caseProblem = problem(caseNumber, "caseNumber", customerId);
    if (caseProblem != null) {
      problems.add(caseProblem);
    }
    FieldProblem relatedProblem = relatedProblem(related, "relatedCaseNumber");
    if (relatedProblem != null) {
      problems.add(relatedProblem);
    }
    return problems;
  }

  /** What is wrong with a {@code relatedCaseNumber}: it must name a case. Null when nothing is. */
  public FieldProblem relatedProblem(String related, String field) {
    if (related == null || related.isBlank()) {
      return null;
    }
    return jdbc.sql("select count(*) from case_file where case_number = ?").param(related).query(Long.class)
        .single() > 0 ? null : new FieldProblem(field, NOT_KNOWN);
  }

  /**
   * A new case that relates to {@code related} (when given): {@link #openOrJoin}, and the link
   * recorded on the new case, which both timelines show.
   */
  @Transactional
  public String openOrJoin(String caseNumber, String field, Long customerId, String market, IntakeChannel channel,
      String related) {
    String opened = openOrJoin(caseNumber, field, customerId, market, channel);
    if (related != null && !related.isBlank() && !related.equals(opened)) {
      jdbc.sql("update case_file set related_case = coalesce(related_case, ?) where case_number = ?")
          .params(related, opened).update();
    }
    return opened;
  }

  /**
   * The case for a request: {@code caseNumber} when given (checked, and named as the field
   * {@code field} when wrong), else a new one with the customer's market (or {@code market} for a
   * caller not yet known) and the channel.
   */
  @Transactional
  public String openOrJoin(String caseNumber, String field, Long customerId, String market, IntakeChannel channel) {
    String channelCode = channel == null ? null : channel.name();
    if (caseNumber == null || caseNumber.isBlank()) {
      return cases.open(customerId, market, channelCode);
    }
    record Row(Long customerId, String channel, String market) {}
    Row row = jdbc.sql("select customer_id, channel, market from case_file where case_number = ? for update")
        .param(caseNumber)
        .query((rs, n) -> new Row((Long) rs.getObject("customer_id", Long.class), rs.getString("channel"),
            rs.getString("market")))
        .optional().orElseThrow(() -> invalid(field, NOT_KNOWN));
    if (row.customerId() != null && !row.customerId().equals(customerId)) {
      throw invalid(field, ANOTHER_CUSTOMER);
    }
    jdbc.sql("update case_file set customer_id = coalesce(customer_id, ?), channel = coalesce(channel, ?),"
            + " market = coalesce((select market from customer where id = ?), market) where case_number = ?")
        .params(customerId, channelCode, customerId, caseNumber).update();
    if (row.channel() == null && channelCode != null) {
      // the reports count the case's finished clocks under its channel from now on
      clockRollups.channelFilled(caseNumber, channelCode);
    }
    String marketNow = jdbc.sql("select market from case_file where case_number = ?").param(caseNumber)
        .query((rs, n) -> rs.getString(1)).single();
    if (!java.util.Objects.equals(marketNow, row.market())) {
      // the escalation report counts the case's weeks in its new market's zone
      escalations.marketChanged(caseNumber);
    }
    return caseNumber;
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }
}
