package io.aftercare.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return records: the request, the eligibility and decision, the parcel, the inspection and the
 * settlement. Runs in the caller's transaction (the engine's, from a process step).
 */
@Service
public class Returns {

  /** What a return is registered with. Enumerations in lower case, as the API and DMN name them. */
  public record Registration(String caseNumber, long customerId, String origin, String sku, String lotNumber,
      String orderNumber, String purchaseChannel, LocalDate purchaseDate, LocalDate deliveredOn, String reason,
      boolean opened, Boolean sealConfirmed, boolean expired, String requested, LocalDate requestedOn) {

    /** Days since delivery, counted from the day after delivery (or after purchase when not delivered). */
    public long daysSinceDelivery() {
      return Returns.daysSinceDelivery(deliveredOn != null ? deliveredOn : purchaseDate, requestedOn);
    }
  }

  /** A return as recorded. */
  public record Return(String rmaNumber, String caseNumber, long customerId, String origin, String sku,
      String lotNumber, String orderNumber, String purchaseChannel, LocalDate purchaseDate, LocalDate deliveredOn,
      String reason, boolean opened, Boolean sealConfirmed, boolean expired, String requested,
      int daysSinceDelivery, Boolean eligible, String eligibilityBasis, Boolean reviewNeeded, Boolean approved,
      String settlement, String shippingPaidBy, String decisionNote, String decidedBy, LocalDate receivedOn,
      String receivedCondition, String receivedLot, Boolean conditionMatches, String inspectedLot,
      String inspectionNote, String refundReference, String shipmentReference, String outcome, Instant requestedAt,
      Instant closedAt) {}

  private final JdbcClient jdbc;

  Returns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * How many refunds were made or are under way for an order (by its number, or, without one, on
   * the case): approved returns settled by refund that were not rejected, cancelled or sent back.
   */
  public int refundsOfOrder(String orderNumber, String caseNumber) {
    return jdbc.sql("select count(*) from return_request where settlement = 'REFUND' and approved"
            + " and (outcome is null or outcome = 'REFUNDED')"
            + " and (order_number = :order or (cast(:order as varchar(64)) is null and case_number = :case))")
        .param("order", orderNumber == null || orderNumber.isBlank() ? null : orderNumber.trim())
        .param("case", caseNumber).query(Integer.class).single();
  }

  /** The RMA number of a case's first return: AC-2026-000123 returns under RMA-2026-000123. */
  public static String rmaNumber(String caseNumber) {
    return "RMA" + caseNumber.substring(caseNumber.indexOf('-'));
  }

  /** The RMA number of the case's next return: the first as {@link #rmaNumber}, later ones -2, -3, ... */
  public String nextRmaNumber(String caseNumber) {
    long earlier = jdbc.sql("select count(*) from return_request where case_number = ?").param(caseNumber)
        .query(Long.class).single();
    return rmaNumber(caseNumber) + (earlier == 0 ? "" : "-" + (earlier + 1));
  }

  /**
   * Days a return period has run on the day of the request, counted from the day after delivery:
   * delivered on 1 November, requested on 8 November, is day 7.
   */
  public static long daysSinceDelivery(LocalDate deliveredOn, LocalDate requestedOn) {
    return ChronoUnit.DAYS.between(deliveredOn, requestedOn);
  }

  /** Records a new return of the case under its next RMA number and returns it. */
  @Transactional
  public Return register(Registration r, Instant now) {
    String rma = nextRmaNumber(r.caseNumber());
    jdbc.sql("""
            insert into return_request (rma_number, case_number, customer_id, origin, sku, lot_number, order_number,
              purchase_channel, purchase_date, delivered_on, reason, opened, seal_confirmed, expired, requested,
              days_since_delivery, requested_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(rma, r.caseNumber(), r.customerId(), upper(r.origin()), r.sku(), blank(r.lotNumber()),
            blank(r.orderNumber()), upper(r.purchaseChannel()), r.purchaseDate(), r.deliveredOn(), upper(r.reason()),
            r.opened(), r.sealConfirmed(), r.expired(), upper(r.requested()), (int) r.daysSinceDelivery(),
            Timestamp.from(now))
        .update();
    return find(rma).orElseThrow();
  }

  /** Locks the return's row for the caller's transaction (two parcel scans at once: one after the other). */
  public boolean lock(String rmaNumber) {
    return !jdbc.sql("select rma_number from return_request where rma_number = ? for update").param(rmaNumber)
        .query(String.class).list().isEmpty();
  }

  public Optional<Return> find(String rmaNumber) {
    return jdbc.sql("select * from return_request where rma_number = ?").param(rmaNumber)
        .query(Returns::row).optional();
  }

  /** The case's open return (not yet refunded, replaced, rejected, cancelled or sent back), if any. */
  public Optional<Return> findOpen(String caseNumber) {
    return jdbc.sql("select * from return_request where case_number = ? and outcome is null").param(caseNumber)
        .query(Returns::row).optional();
  }

  public void recordEligibility(String rma, boolean eligible, String basis, boolean reviewNeeded) {
    update(rma, "eligible = ?, eligibility_basis = ?, review_needed = ?", eligible, basis, reviewNeeded);
  }

  public void recordDecision(String rma, boolean approved, String settlement, String shippingPaidBy, String note,
      String decidedBy) {
    update(rma, "approved = ?, settlement = ?, shipping_paid_by = ?, decision_note = ?, decided_by = ?", approved,
        upper(settlement), upper(shippingPaidBy), blank(note), decidedBy);
  }

  public void recordReceipt(String rma, LocalDate receivedOn, String condition, String lot) {
    update(rma, "received_on = ?, received_condition = ?, received_lot = ?", receivedOn, upper(condition), blank(lot));
  }

  public void recordInspection(String rma, boolean conditionMatches, String lot, String note) {
    update(rma, "condition_matches = ?, inspected_lot = ?, inspection_note = ?", conditionMatches, blank(lot),
        blank(note));
  }

  public void recordRefund(String rma, String reference) {
    update(rma, "refund_reference = ?", reference);
  }

  public void recordShipment(String rma, String reference) {
    update(rma, "shipment_reference = ?", reference);
  }

  public void close(String rma, String outcome, Instant at) {
    update(rma, "outcome = ?, closed_at = ?", upper(outcome), Timestamp.from(at));
  }

  private void update(String rma, String assignments, Object... values) {
    Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
    params[values.length] = rma;
    int rows = jdbc.sql("update return_request set " + assignments + " where rma_number = ?").params(params).update();
    if (rows != 1) {
      throw new IllegalStateException("No return " + rma);
    }
  }

  private static Return row(ResultSet rs, int n) throws SQLException {
    return new Return(rs.getString("rma_number"), rs.getString("case_number"), rs.getLong("customer_id"),
        lower(rs.getString("origin")), rs.getString("sku"), rs.getString("lot_number"), rs.getString("order_number"),
        lower(rs.getString("purchase_channel")), rs.getObject("purchase_date", LocalDate.class),
        rs.getObject("delivered_on", LocalDate.class), lower(rs.getString("reason")), rs.getBoolean("opened"),
        (Boolean) rs.getObject("seal_confirmed"), rs.getBoolean("expired"), lower(rs.getString("requested")),
        rs.getInt("days_since_delivery"), (Boolean) rs.getObject("eligible"), rs.getString("eligibility_basis"),
        (Boolean) rs.getObject("review_needed"), (Boolean) rs.getObject("approved"),
        lower(rs.getString("settlement")), lower(rs.getString("shipping_paid_by")), rs.getString("decision_note"),
        rs.getString("decided_by"), rs.getObject("received_on", LocalDate.class),
        lower(rs.getString("received_condition")), rs.getString("received_lot"),
        (Boolean) rs.getObject("condition_matches"), rs.getString("inspected_lot"), rs.getString("inspection_note"),
        rs.getString("refund_reference"), rs.getString("shipment_reference"), lower(rs.getString("outcome")),
        instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("closed_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String upper(String value) {
    return value == null || value.isBlank() ? null : value.trim().toUpperCase();
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
