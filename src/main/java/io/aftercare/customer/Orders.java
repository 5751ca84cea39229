package io.aftercare.customer;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's orders: stored as they come (an order sent again replaces the earlier copy), and the
 * source of a fed customer's yearly spend and order count over the last twelve months, and so of
 * their tier ({@link TierPolicy}). As orders age out of those twelve months a daily refresh lowers
 * the figures; it is idempotent, so every node may run it.
 */
@Service
public class Orders {

  private static final Logger LOG = LoggerFactory.getLogger(Orders.class);

  /** An order: the shop's id, whose it is, when it was ordered and delivered, its value and lines. */
  public record Order(String externalId, long customerId, LocalDate orderedOn, LocalDate deliveredOn,
      BigDecimal amount, String currency, List<Line> lines) {

    /** The batch of the order's line of this SKU, when the order names exactly one. */
    public Optional<String> batchOf(String sku) {
      List<String> lots = lines.stream().filter(l -> l.sku().equals(sku) && l.batch() != null)
          .map(Line::batch).distinct().toList();
      return lots.size() == 1 ? Optional.of(lots.get(0)) : Optional.empty();
    }

    public boolean contains(String sku) {
      return lines.stream().anyMatch(l -> l.sku().equals(sku));
    }
  }

  public record Line(String sku, String batch, int quantity) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TierPolicy tiers;

  Orders(JdbcClient jdbc, JdbcTemplate template, TierPolicy tiers) {
    this.jdbc = jdbc;
    this.template = template;
    this.tiers = tiers;
  }

  public Optional<Order> find(String externalId) {
    if (externalId == null || externalId.isBlank()) {
      return Optional.empty();
    }
    record Head(long id, Order order) {}
    return jdbc.sql("select id, external_id, customer_id, ordered_on, delivered_on, amount, currency"
            + " from customer_order where external_id = ?").param(externalId.trim())
        .query((rs, n) -> new Head(rs.getLong("id"), new Order(rs.getString("external_id"), rs.getLong("customer_id"),
            rs.getObject("ordered_on", LocalDate.class), rs.getObject("delivered_on", LocalDate.class),
            rs.getBigDecimal("amount"), rs.getString("currency"), List.of())))
        .optional()
        .map(head -> new Order(head.order().externalId(), head.order().customerId(), head.order().orderedOn(),
            head.order().deliveredOn(), head.order().amount(), head.order().currency(),
            jdbc.sql("select sku, lot_number, quantity from order_line where order_external_id = ? order by line_no")
                .param(head.order().externalId())
                .query((rs, n) -> new Line(rs.getString("sku"), rs.getString("lot_number"), rs.getInt("quantity")))
                .list()));
  }

  /**
   * What does not fit when an intake (complaint, return) names this order: it is another
   * customer's, or the product is not in it. Fields as the intake requests name them.
   */
  public static List<io.aftercare.api.ApiExceptionHandler.FieldProblem> problemsOfNaming(Order order, Long customerId,
      String sku) {
    List<io.aftercare.api.ApiExceptionHandler.FieldProblem> problems = new ArrayList<>();
    if (customerId != null && order.customerId() != customerId) {
      problems.add(new io.aftercare.api.ApiExceptionHandler.FieldProblem("purchase.orderNumber",
          "is an order of another customer"));
    }
    if (sku != null && !order.contains(sku.trim().toUpperCase())) {
      problems.add(new io.aftercare.api.ApiExceptionHandler.FieldProblem("product.sku", "is not in order "
          + order.externalId() + " (it has " + order.lines().stream().map(Line::sku).distinct().toList() + ")"));
    }
    return problems;
  }

  /** The problem of an intake that gives no purchase day and names no order the shop sent. */
  public static final String DATE_OR_ORDER = "is required unless purchase.orderNumber names an order the shop has sent";

  /**
   * Stores the orders (replacing an earlier copy of the same external id, lines and all) and
   * brings their customers' figures up to date; answers the external ids that were new.
   */
  @Transactional
  public java.util.Set<String> save(List<Order> orders, IntConsumer progress) {
    // every look-up before the first write: inside the one transaction of a large import, the
    // planner's statistics do not know the rows written so far (a look-up after them scans)
    java.util.Set<String> stored = new java.util.HashSet<>();
    for (var chunk : io.aftercare.imports.Chunks.of(orders, 1000)) {
      stored.addAll(idsOf(chunk).keySet());
    }
    java.util.Set<String> created = new java.util.HashSet<>();
    java.util.Set<Long> customers = new java.util.HashSet<>();
    int done = 0;
    for (var chunk : io.aftercare.imports.Chunks.of(orders, 500)) {
      List<Order> known = chunk.stream().filter(o -> stored.contains(o.externalId())).toList();
      template.batchUpdate("update customer_order set customer_id = ?, ordered_on = ?, delivered_on = ?, amount = ?,"
              + " currency = ?, received_at = ? where external_id = ?",
          known.stream().map(o -> new Object[] {o.customerId(), o.orderedOn(), o.deliveredOn(), o.amount(),
              o.currency(), Timestamp.from(Instant.now()), o.externalId()}).toList());
      template.batchUpdate("delete from order_line where order_external_id = ?",
          known.stream().map(o -> new Object[] {o.externalId()}).toList());
      List<Order> fresh = chunk.stream().filter(o -> !stored.contains(o.externalId())).toList();
      template.batchUpdate("insert into customer_order (external_id, customer_id, ordered_on, delivered_on, amount,"
              + " currency) values (?, ?, ?, ?, ?, ?)",
          fresh.stream().map(o -> new Object[] {o.externalId(), o.customerId(), o.orderedOn(), o.deliveredOn(),
              o.amount(), o.currency()}).toList());
      fresh.forEach(o -> created.add(o.externalId()));
      List<Object[]> lines = new ArrayList<>();
      for (Order order : chunk) {
        for (int i = 0; i < order.lines().size(); i++) {
          Line line = order.lines().get(i);
          lines.add(new Object[] {order.externalId(), i + 1, line.sku(), line.batch(), line.quantity()});
        }
        customers.add(order.customerId());
      }
      template.batchUpdate("insert into order_line (order_external_id, line_no, sku, lot_number, quantity)"
          + " values (?, ?, ?, ?, ?)", lines);
      done += chunk.size();
      progress.accept(done);
    }
    refresh(customers);
    return created;
  }


  /** Sets each customer's yearly spend, order count and tier from their orders of the last twelve months. */
  @Transactional
  public void refresh(java.util.Collection<Long> customerIds) {
    List<Object[]> updates = new ArrayList<>();
    List<Long> all = List.copyOf(customerIds);
    for (var chunk : io.aftercare.imports.Chunks.of(all, 1000)) {
      jdbc.sql("select c.id, c.market, coalesce(sum(o.amount), 0) as spend, count(o.id) as orders"
              // orders in the market's currency only (a customer moved to another market keeps theirs)
              + " from customer c left join customer_order o on o.customer_id = c.id and o.ordered_on > :since"
              + " and o.currency = c.currency"
              + " where c.id in (:ids) group by c.id, c.market")
          .param("since", yearAgo())
          .param("ids", chunk)
          .query(rs -> {
            BigDecimal spend = rs.getBigDecimal("spend");
            int orders = rs.getInt("orders");
            updates.add(new Object[] {spend, orders,
                tiers.tierOf(Market.valueOf(rs.getString("market")), spend, orders).name(), rs.getLong("id")});
          });
    }
    template.batchUpdate("update customer set yearly_spend = ?, orders_per_year = ?, tier = ? where id = ?", updates);
  }

  /** Every night: the figures of every customer with orders, as orders age out of the twelve months. */
  @Scheduled(cron = "${aftercare.customer.tier-refresh-cron:0 10 3 * * *}")
  void refreshAll() {
    List<Long> ids = jdbc.sql("select distinct customer_id from customer_order").query(Long.class).list();
    for (var chunk : io.aftercare.imports.Chunks.of(ids, 1000)) {
      refresh(chunk);
    }
    LOG.info("Tiers refreshed from orders for {} customers", ids.size());
  }

  /**
   * The day twelve months ago: orders after it count. Counted in Shanghai's calendar, the markets'
   * latest, so that a day never counts for longer than twelve months anywhere.
   */
  private Map<String, Long> idsOf(List<Order> orders) {
    Map<String, Long> ids = new HashMap<>();
    if (!orders.isEmpty()) {
      jdbc.sql("select external_id, id from customer_order where external_id in (:ids)")
          .param("ids", orders.stream().map(Order::externalId).toList())
          .query(rs -> {
            ids.put(rs.getString("external_id"), rs.getLong("id"));
          });
    }
    return ids;
  }

  private static LocalDate yearAgo() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Market.CN.zone()).minusYears(1);
  }
}
