package io.aftercare.customer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules an order from the shop keeps, the same for {@code POST /api/orders} and the CSV import,
 * checked against what the database holds (read once for many orders): its customer is known and
 * not erased, it is in the customer's market's currency, delivered on or after the day it was
 * ordered and neither in the future, stays the order of the customer it was first sent for, and each line names a product of the catalogue and, when it
 * gives one, a batch of that product.
 */
final class OrderRules {

  /** An order as the shop sends it, its customer by the shop's id. */
  record FedOrder(String externalId, String customerExternalId, LocalDate orderedOn, LocalDate deliveredOn,
      java.math.BigDecimal amount, String currency, List<Orders.Line> lines) {}

  /** A broken rule: the field ({@code customerExternalId}, {@code currency}, …) and, for a line's, its index. */
  interface Problem {
    void at(String field, int lineIndex, String message);
  }

  private record KnownCustomer(long id, Market market, boolean anonymised) {}

  private final Map<String, KnownCustomer> customers = new HashMap<>();
  private final Set<String> skus = new HashSet<>();
  /** The customer (shop id) of each order already stored. */
  private final Map<String, String> owners = new HashMap<>();
  private final Set<String> batches = new HashSet<>();

  OrderRules(JdbcClient jdbc, Collection<FedOrder> orders) {
    List<String> customerIds = orders.stream().map(FedOrder::customerExternalId).distinct().toList();
    for (var chunk : io.aftercare.imports.Chunks.of(customerIds, 1000)) {
      jdbc.sql("select id, external_id, market, anonymised_at from customer where external_id in (:ids)")
          .param("ids", chunk)
          .query(rs -> {
            customers.put(rs.getString("external_id"), new KnownCustomer(rs.getLong("id"),
                Market.valueOf(rs.getString("market")), rs.getTimestamp("anonymised_at") != null));
          });
    }
    List<String> orderIds = orders.stream().map(FedOrder::externalId).distinct().toList();
    for (var chunk : io.aftercare.imports.Chunks.of(orderIds, 1000)) {
      jdbc.sql("select o.external_id, c.external_id as customer from customer_order o join customer c"
              + " on c.id = o.customer_id where o.external_id in (:ids)")
          .param("ids", chunk)
          .query(rs -> {
            owners.put(rs.getString("external_id"), rs.getString("customer"));
          });
    }
    skus.addAll(jdbc.sql("select sku from product").query(String.class).list());
    jdbc.sql("select sku, lot_number from batch").query(rs -> {
      batches.add(rs.getString("sku") + "\u0000" + rs.getString("lot_number"));
    });
  }

  /** The customer's id, once {@link #check} found no problem with it. */
  long customerId(FedOrder order) {
    return customers.get(order.customerExternalId()).id();
  }

  void check(FedOrder order, Problem problem) {
    KnownCustomer customer = customers.get(order.customerExternalId());
    if (customer == null) {
      problem.at("customerExternalId", -1, "is not a customer the shop has sent (send the customer first)");
    } else if (customer.anonymised()) {
      problem.at("customerExternalId", -1, "is a customer whose data was erased: their orders are not taken");
    } else if (!customer.market().currency().equals(order.currency())) {
      problem.at("currency", -1, "must be " + customer.market().currency() + ", the currency of the customer's market "
          + customer.market());
    }
    String owner = owners.get(order.externalId());
    if (owner != null && !owner.equals(order.customerExternalId())) {
      problem.at("externalId", -1, "is an order of another customer (" + owner + "); an order does not move between"
          + " customers");
    }
    LocalDate today = LocalDate.now(customer == null ? Market.CN.zone() : customer.market().zone());
    if (order.orderedOn() != null && order.orderedOn().isAfter(today)) {
      problem.at("orderedOn", -1, "must not be in the future");
    }
    if (order.deliveredOn() != null) {
      if (order.deliveredOn().isAfter(today)) {
        problem.at("deliveredOn", -1, "must not be in the future");
      } else if (order.orderedOn() != null && order.deliveredOn().isBefore(order.orderedOn())) {
        problem.at("deliveredOn", -1, "must not be before orderedOn " + order.orderedOn());
      }
    }
    for (int i = 0; i < order.lines().size(); i++) {
      Orders.Line line = order.lines().get(i);
      if (!skus.contains(line.sku())) {
        problem.at("sku", i, line.sku() + " is not a product of the catalogue");
      } else if (line.batch() != null && !batches.contains(line.sku() + "\u0000" + line.batch())) {
        problem.at("batch", i, line.batch() + " is not a batch of " + line.sku());
      }
    }
  }
}
