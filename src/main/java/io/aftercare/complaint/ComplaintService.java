package io.aftercare.complaint;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.casefile.CaseIntake;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import io.aftercare.product.Product;
import io.aftercare.product.ProductCatalogue;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers complaints — matching or creating the customer, opening the case, flagging repeats —
 * and records their triage, resolution and outcome. Runs in the caller's transaction (the
 * engine's), so a complaint is stored exactly when its process step commits.
 */
@Service
public class ComplaintService {

  /** What registration found out, for the process. */
  public record Registered(String caseNumber, Customer customer, Product product, boolean repeatCustomer,
      boolean repeatBatch, long batchComplaints) {}

  private final JdbcClient jdbc;
  private final CaseIntake intake;
  private final CustomerService customers;
  private final ProductCatalogue catalogue;
  private final ComplaintSettings settings;

  private final io.aftercare.customer.Orders orders;

  ComplaintService(io.aftercare.customer.Orders orders, JdbcClient jdbc, CaseIntake intake, CustomerService customers,
      ProductCatalogue catalogue,
      ComplaintSettings settings) {
    this.orders = orders;
    this.jdbc = jdbc;
    this.intake = intake;
    this.customers = customers;
    this.catalogue = catalogue;
    this.settings = settings;
  }

  /** The references a complaint makes that must exist: customer id, product, batch. */
  public List<FieldProblem> checkReferences(ComplaintRegistration complaint) {
    List<FieldProblem> problems = new ArrayList<>(customers.checkReference(complaint.customerId()));
    problems.addAll(catalogue.checkReference(complaint.sku(), complaint.batch()));
    java.util.Optional<io.aftercare.customer.Orders.Order> order = shopOrder(complaint);
    order.ifPresent(o -> problems.addAll(io.aftercare.customer.Orders.problemsOfNaming(o, complaint.customerId(),
        complaint.sku())));
    if (complaint.purchaseDate() == null) {
      problems.add(new FieldProblem("purchase.date", io.aftercare.customer.Orders.DATE_OR_ORDER));
    }
    return problems;
  }

  /**
   * The shop's order the complaint names, for a customer known by id only: a caller not yet
   * identified learns nothing of an order by its number.
   */
  private java.util.Optional<io.aftercare.customer.Orders.Order> shopOrder(ComplaintRegistration c) {
    return c.customerId() == null ? java.util.Optional.empty() : orders.find(c.orderNumber());
  }

  /**
   * The complaint completed from the order it names, when the shop sent that order: its day of
   * purchase and the batch of the product's line, where the complaint left them out.
   */
  public ComplaintRegistration withOrder(ComplaintRegistration c) {
    return shopOrder(c).map(order -> new ComplaintRegistration(c.intakeChannel(), c.customerId(),
            c.customerName(), c.customerEmail(), c.customerPhone(), c.market(), c.locale(), c.sku(),
            c.batch() != null && !c.batch().isBlank() ? c.batch() : order.batchOf(c.sku()).orElse(null),
            c.orderNumber(), c.purchaseChannel(), c.purchaseDate() != null ? c.purchaseDate() : order.orderedOn(),
            c.description(), c.attachments()))
        .orElse(c);
  }

  @Transactional
  public Registered register(ComplaintRegistration complaint, Instant now) {
    return register(complaint, null, now);
  }

  /**
   * Registers a complaint on the case {@code caseNumber} (an enquiry that turned out to be a
   * complaint, the same customer's), or on a new case when null.
   */
  @Transactional
  public Registered register(ComplaintRegistration complaint, String caseNumber, Instant now) {
    List<FieldProblem> problems = checkReferences(complaint);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Customer customer = customers.findOrRegister(complaint.customerId(), complaint.customerName(),
        complaint.customerEmail(), complaint.customerPhone(), complaint.market(), complaint.locale());
    Product product = catalogue.find(complaint.sku()).orElseThrow();
    String lot = complaint.batch() == null || complaint.batch().isBlank() ? null : complaint.batch();
    boolean repeatCustomer = jdbc.sql("select count(*) from complaint where customer_id = ? and received_at >= ?")
        .params(customer.id(), ts(now.atOffset(ZoneOffset.UTC).minus(settings.repeatCustomerWindow()).toInstant()))
        .query(Long.class).single() > 0;
    long batchComplaints = lot == null ? 0 : 1 + jdbc.sql(
            "select count(*) from complaint where sku = ? and lot_number = ? and received_at >= ?")
        .params(product.sku(), lot, ts(now.atOffset(ZoneOffset.UTC).minus(settings.batchWindow()).toInstant()))
        .query(Long.class).single();
    boolean repeatBatch = batchComplaints >= settings.batchThreshold();

    caseNumber = intake.openOrJoin(caseNumber, "caseNumber", customer.id(), null,
        IntakeChannel.of(complaint.intakeChannel()));
    jdbc.sql("""
            insert into complaint (case_number, customer_id, intake_channel, sku, lot_number, order_number,
              purchase_channel, purchase_date, description, repeat_customer, repeat_batch, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(caseNumber, customer.id(), complaint.intakeChannel().toUpperCase(), product.sku(), lot,
            complaint.orderNumber(), complaint.purchaseChannel().toUpperCase(), complaint.purchaseDate(),
            complaint.description(), repeatCustomer, repeatBatch, ts(now))
        .update();
    addAttachments(caseNumber, complaint.attachments(), now);
    return new Registered(caseNumber, customer, product, repeatCustomer, repeatBatch, batchComplaints);
  }

  /** What a reopened complaint carries back into triage. */
  public record Reopened(long customerId, String customerName, String market, String tier, String sku,
      String batch, String product, String description, String orderNumber, String purchaseChannel,
      LocalDate purchaseDate) {}

  /** Opens a closed complaint again (outcome cleared) and returns what triage shows. */
  @Transactional
  public Reopened reopen(String caseNumber) {
    Reopened reopened = jdbc.sql("select k.customer_id, c.name, c.market, c.tier, k.sku, k.lot_number,"
            + " p.name as product_name, k.description, k.order_number, k.purchase_channel, k.purchase_date"
            + " from complaint k join customer c on c.id = k.customer_id"
            + " join product p on p.sku = k.sku where k.case_number = ?")
        .param(caseNumber)
        .query((rs, n) -> new Reopened(rs.getLong("customer_id"), rs.getString("name"), rs.getString("market"),
            rs.getString("tier"), rs.getString("sku"), rs.getString("lot_number"),
            rs.getString("sku") + " " + rs.getString("product_name"), rs.getString("description"),
            rs.getString("order_number"), rs.getString("purchase_channel").toLowerCase(),
            rs.getObject("purchase_date", LocalDate.class)))
        .optional().orElseThrow(() -> new IllegalStateException("No complaint " + caseNumber + " to reopen"));
    jdbc.sql("update complaint set outcome = null, closed_at = null, reopened = reopened + 1 where case_number = ?").param(caseNumber).update();
    return reopened;
  }

  /**
   * Locks the complaint's row for the caller's transaction: of two requests on one complaint at
   * once (the customer's evidence sent twice), the second waits and then sees what the first did.
   */
  public boolean lock(String caseNumber) {
    return !jdbc.sql("select case_number from complaint where case_number = ? for update").param(caseNumber)
        .query(String.class).list().isEmpty();
  }

  public boolean exists(String caseNumber) {
    return jdbc.sql("select count(*) from complaint where case_number = ?").param(caseNumber)
        .query(Long.class).single() > 0;
  }

  public void addAttachments(String caseNumber, List<ComplaintRegistration.Attachment> attachments, Instant now) {
    if (attachments == null) {
      return;
    }
    for (ComplaintRegistration.Attachment attachment : attachments) {
      jdbc.sql("insert into complaint_attachment (case_number, name, url, added_at) values (?, ?, ?, ?)")
          .params(caseNumber, attachment.name(), attachment.url(), ts(now)).update();
    }
  }

  public void recordTriage(String caseNumber, String category, int severity) {
    jdbc.sql("update complaint set category = ?, severity = ? where case_number = ?")
        .params(category.toUpperCase(), severity, caseNumber).update();
  }

  /** The resolution, and the team that worked it (triage's decision), for the reports by team. */
  public void recordResolution(String caseNumber, String resolution, BigDecimal compensation, String team) {
    jdbc.sql("update complaint set resolution = ?, compensation = ?, team = ? where case_number = ?")
        .params(resolution.toUpperCase(), compensation, team, caseNumber).update();
  }

  public void recordOutcome(String caseNumber, String outcome, Instant at) {
    jdbc.sql("update complaint set outcome = ?, closed_at = ? where case_number = ?")
        .params(outcome.toUpperCase(), ts(at), caseNumber).update();
  }



  /** What the exchange or refund of the complaint came to (refunded, replaced, rejected, ...). */
  public void recordReturnOutcome(String caseNumber, String outcome) {
    jdbc.sql("update complaint set return_outcome = ? where case_number = ?")
        .params(outcome == null ? null : outcome.toUpperCase(), caseNumber).update();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
