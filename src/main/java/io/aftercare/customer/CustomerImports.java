package io.aftercare.customer;

import io.aftercare.imports.Csv;
import io.aftercare.imports.Fields;
import io.aftercare.imports.ImportKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shop's CSV imports (back-office systems and administrators only: the files hold customers'
 * contact data), with the same rules as {@code PUT /api/customers/external/…} and
 * {@code POST /api/orders}.
 */
final class CustomerImports {

  private static final Set<String> GROUPS = Set.of("integration", "camunda-admin");

  private CustomerImports() {}

  /**
   * {@code customers}: {@code external_id, name, market, locale} and optionally {@code country,
   * email, phone, consent_email, consent_sms, consent_phone} (true/false, blank false),
   * {@code consent_recorded_at} (an ISO instant) and {@code preferred_channel}.
   */
  @Component
  static class Customers implements ImportKind<CustomerFeed.FedCustomer> {

    private final CustomerFeed feed;

    Customers(CustomerFeed feed) {
      this.feed = feed;
    }

    @Override
    public Spec spec() {
      return new Spec("customers", List.of("external_id", "name", "market", "locale"),
          List.of("country", "email", "phone", "consent_email", "consent_sms", "consent_phone",
          "consent_recorded_at", "preferred_channel"), GROUPS);
    }

    @Override
    public CustomerFeed.FedCustomer parse(Csv.Row row, Problems problems) {
      Fields fields = new Fields(row, problems);
      String id = fields.text("external_id", true, 64, CustomerFeed.EXTERNAL_ID, CustomerFeed.EXTERNAL_ID_MESSAGE);
      String name = fields.text("name", true, 200);
      Market market = fields.choice("market", Market.class, true);
      String localeText = fields.text("locale", true, 5);
      CustomerLocale locale = null;
      if (localeText != null) {
        try {
          locale = CustomerLocale.of(localeText);
        } catch (IllegalArgumentException e) {
          fields.problem("locale", "must be zh-CN or en (is \"" + localeText + "\")");
        }
      }
      String country = fields.text("country", false, 2, CustomerFeed.COUNTRY,
          "must be an ISO 3166-1 alpha-2 country code, e.g. FR");
      String email = fields.text("email", false, 254, CustomerFeed.EMAIL, "must be an e-mail address");
      String phone = fields.text("phone", false, 20, CustomerFeed.PHONE, "must be a phone number, e.g. +8613800000001");
      Boolean consentEmail = fields.bool("consent_email", false);
      Boolean consentSms = fields.bool("consent_sms", false);
      Boolean consentPhone = fields.bool("consent_phone", false);
      Instant recordedAt = null;
      String recordedText = fields.text("consent_recorded_at", false, 40);
      if (recordedText != null) {
        try {
          recordedAt = Instant.parse(recordedText);
        } catch (DateTimeParseException e) {
          fields.problem("consent_recorded_at", "must be an instant such as 2026-03-31T08:00:00Z");
        }
      }
      Customer.ContactChannel preferred = fields.choice("preferred_channel", Customer.ContactChannel.class, false);
      if (id == null || name == null || market == null || locale == null || consentEmail == null
          || consentSms == null || consentPhone == null) {
        return null;
      }
      CustomerFeed.FedCustomer customer = new CustomerFeed.FedCustomer(id, name, market, locale, country, email,
          phone == null ? null : phone.replaceAll("[\\s-]", ""), new Customer.Consent(consentEmail, consentSms,
          consentPhone), recordedAt, preferred);
      CustomerFeed.check(customer, (field, message) -> fields.problem(column(field), message));
      return customer;
    }

    private static String column(String field) {
      return switch (field) {
        case "consent.email" -> "consent_email";
        case "consent.sms" -> "consent_sms";
        case "consent.phone" -> "consent_phone";
        case "preferredChannel" -> "preferred_channel";
        default -> field;
      };
    }

    @Override
    public void check(List<Line<CustomerFeed.FedCustomer>> lines, Problems problems) {
      Map<String, Integer> firstLine = new HashMap<>();
      for (Line<CustomerFeed.FedCustomer> line : lines) {
        Integer earlier = firstLine.putIfAbsent(line.record().externalId(), line.line());
        if (earlier != null) {
          problems.add(line.line(), "external_id", line.record().externalId() + " is on line " + earlier + " already");
        }
      }
      Set<String> erased = feed.anonymised(new ArrayList<>(firstLine.keySet()));
      for (Line<CustomerFeed.FedCustomer> line : lines) {
        if (erased.contains(line.record().externalId())) {
          problems.add(line.line(), "external_id", "is a customer whose data was erased: not filled in again");
        }
      }
    }

    @Override
    public int write(List<Line<CustomerFeed.FedCustomer>> lines, IntConsumer progress) {
      return feed.save(lines.stream().map(Line::record).toList(), progress).size();
    }
  }

  /**
   * {@code orders}: one line per order line — {@code order_id, customer_id} (the shop's ids),
   * {@code ordered_on, amount, currency, sku} and optionally {@code delivered_on, batch,
   * quantity} (blank: 1). The lines of one order follow each other and agree on the order's
   * columns; {@code amount} is the order's total.
   */
  @Component
  static class OrderLines implements ImportKind<OrderLines.Row> {

    record Row(OrderRules.FedOrder head, Orders.Line line) {}

    private static final Pattern ORDER_ID = CustomerFeed.EXTERNAL_ID;

    private final Orders orders;
    private final JdbcClient jdbc;

    OrderLines(Orders orders, JdbcClient jdbc) {
      this.orders = orders;
      this.jdbc = jdbc;
    }

    @Override
    public Spec spec() {
      return new Spec("orders", List.of("order_id", "customer_id", "ordered_on", "amount", "currency", "sku"),
          List.of("delivered_on", "batch", "quantity"), GROUPS);
    }

    @Override
    public Row parse(Csv.Row row, Problems problems) {
      Fields fields = new Fields(row, problems);
      String id = fields.text("order_id", true, 64, ORDER_ID, CustomerFeed.EXTERNAL_ID_MESSAGE);
      String customer = fields.text("customer_id", true, 64);
      LocalDate ordered = fields.date("ordered_on", true);
      LocalDate delivered = fields.date("delivered_on", false);
      BigDecimal amount = fields.amount("amount");
      String currency = fields.text("currency", true, 3, Pattern.compile("[A-Z]{3}"),
          "must be an ISO 4217 currency code, e.g. CNY");
      String sku = fields.text("sku", true, 32);
      String batch = fields.text("batch", false, 32);
      Integer quantity = fields.positiveInt("quantity", 1);
      if (id == null || customer == null || ordered == null || amount == null || currency == null || sku == null
          || quantity == null) {
        return null;
      }
      return new Row(new OrderRules.FedOrder(id, customer, ordered, delivered, amount, currency, List.of()),
          new Orders.Line(sku.toUpperCase(), batch, quantity));
    }

    @Override
    public void check(List<Line<Row>> lines, Problems problems) {
      Map<String, OrderRules.FedOrder> byId = new LinkedHashMap<>();
      Map<String, List<Line<Row>>> linesOf = new LinkedHashMap<>();
      for (Line<Row> line : lines) {
        OrderRules.FedOrder head = line.record().head();
        OrderRules.FedOrder first = byId.putIfAbsent(head.externalId(), head);
        List<Line<Row>> earlier = linesOf.computeIfAbsent(head.externalId(), k -> new ArrayList<>());
        if (first != null && !sameHead(first, head)) {
          problems.add(line.line(), "order_id", head.externalId() + " is on line " + earlier.get(0).line()
              + " with other customer, dates, amount or currency");
        }
        earlier.add(line);
      }
      List<OrderRules.FedOrder> orders = byId.values().stream().map(head -> withLines(head, linesOf)).toList();
      OrderRules rules = new OrderRules(jdbc, orders);
      for (OrderRules.FedOrder order : orders) {
        List<Line<Row>> rows = linesOf.get(order.externalId());
        rules.check(order, (field, index, message) -> problems.add(rows.get(Math.max(index, 0)).line(),
            column(field), message));
      }
    }

    private static String column(String field) {
      return switch (field) {
        case "customerExternalId" -> "customer_id";
        case "orderedOn" -> "ordered_on";
        case "deliveredOn" -> "delivered_on";
        case "externalId" -> "order_id";
        default -> field;
      };
    }

    @Override
    public int write(List<Line<Row>> lines, IntConsumer progress) {
      Map<String, OrderRules.FedOrder> byId = new LinkedHashMap<>();
      Map<String, List<Line<Row>>> linesOf = new LinkedHashMap<>();
      for (Line<Row> line : lines) {
        byId.putIfAbsent(line.record().head().externalId(), line.record().head());
        linesOf.computeIfAbsent(line.record().head().externalId(), k -> new ArrayList<>()).add(line);
      }
      List<OrderRules.FedOrder> fed = byId.values().stream().map(head -> withLines(head, linesOf)).toList();
      OrderRules rules = new OrderRules(jdbc, fed);
      List<Orders.Order> all = fed.stream()
          .map(order -> CustomerFeedController.toOrder(order, rules.customerId(order))).toList();
      orders.save(all, done -> {
        progress.accept((int) Math.min(lines.size(), (long) done * lines.size() / Math.max(1, all.size())));
      });
      return all.size();
    }

    private static OrderRules.FedOrder withLines(OrderRules.FedOrder head, Map<String, List<Line<Row>>> linesOf) {
      return new OrderRules.FedOrder(head.externalId(), head.customerExternalId(), head.orderedOn(),
          head.deliveredOn(), head.amount(), head.currency(),
          linesOf.get(head.externalId()).stream().map(l -> l.record().line()).toList());
    }

    private static boolean sameHead(OrderRules.FedOrder a, OrderRules.FedOrder b) {
      return a.customerExternalId().equals(b.customerExternalId()) && a.orderedOn().equals(b.orderedOn())
          && Objects.equals(a.deliveredOn(), b.deliveredOn()) && a.amount().compareTo(b.amount()) == 0
          && a.currency().equals(b.currency());
    }
  }
}
