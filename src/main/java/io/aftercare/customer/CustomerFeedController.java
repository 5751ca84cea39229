package io.aftercare.customer;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.CaseStateException;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's feed of customers and orders (for back-office systems and administrators): idempotent
 * upserts by the shop's ids, 201 when new, 200 when updated. The answer carries ids and the tier,
 * never the contact data sent.
 */
@Validated
@RestController
class CustomerFeedController {

  record CustomerFeedRequest(@NotBlank @Size(max = 200) String name, @NotNull Market market,
      @NotNull CustomerLocale locale,
      @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code, e.g. FR") String country,
      @Email @Size(max = 254) String email,
      @Pattern(regexp = "\\+?[0-9 -]{6,20}", message = "must be a phone number, e.g. +8613800000001") String phone,
      @NotNull @Valid ConsentPart consent, Customer.ContactChannel preferredChannel) {}

  record ConsentPart(@NotNull Boolean email, @NotNull Boolean sms, @NotNull Boolean phone, Instant recordedAt) {}

  record CustomerAnswer(long id, String externalId, CustomerTier tier) {}

  record OrderRequest(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}", message = CustomerFeed.EXTERNAL_ID_MESSAGE)
      String externalId,
      @NotBlank @Size(max = 64) String customerExternalId,
      @NotNull LocalDate orderedOn, LocalDate deliveredOn,
      @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal amount,
      @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. CNY") String currency,
      @NotEmpty @Size(max = 200) List<@NotNull @Valid LinePart> lines) {}

  record LinePart(@NotBlank @Size(max = 32) String sku, @Size(max = 32) String batch, @Positive Integer quantity) {}

  record OrderAnswer(String externalId, long customerId, CustomerTier customerTier) {}

  private final CustomerFeed feed;
  private final Orders orders;
  private final CustomerService customers;
  private final JdbcClient jdbc;

  CustomerFeedController(CustomerFeed feed, Orders orders, CustomerService customers, JdbcClient jdbc) {
    this.feed = feed;
    this.orders = orders;
    this.customers = customers;
    this.jdbc = jdbc;
  }

  @PutMapping("/api/customers/external/{externalId}")
  @Transactional
  ResponseEntity<CustomerAnswer> putCustomer(@PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}",
      message = CustomerFeed.EXTERNAL_ID_MESSAGE) String externalId, @Valid @RequestBody CustomerFeedRequest request) {
    CustomerFeed.FedCustomer customer = new CustomerFeed.FedCustomer(externalId, request.name().trim(),
        request.market(), request.locale(), request.country(), blankToNull(request.email()),
        request.phone() == null || request.phone().isBlank() ? null : request.phone().replaceAll("[\\s-]", ""),
        new Customer.Consent(request.consent().email(), request.consent().sms(), request.consent().phone()),
        request.consent().recordedAt(), request.preferredChannel());
    List<FieldProblem> problems = new ArrayList<>();
    CustomerFeed.check(customer, (field, message) -> problems.add(new FieldProblem(field, message)));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (!feed.anonymised(List.of(externalId)).isEmpty()) {
      throw new CaseStateException("Customer " + externalId + " was anonymised (erasure or retention): their data is"
          + " not filled in again");
    }
    CustomerFeed.Saved saved = feed.save(List.of(customer), n -> {}).get(0);
    long id = saved.id() != null ? saved.id() : feed.idsOf(List.of(externalId)).get(externalId);
    CustomerAnswer answer = new CustomerAnswer(id, externalId, customers.find(id).orElseThrow().tier());
    return saved.created() ? ResponseEntity.created(URI.create("/api/customers/external/" + externalId)).body(answer)
        : ResponseEntity.ok(answer);
  }

  @PostMapping("/api/orders")
  @Transactional
  ResponseEntity<OrderAnswer> postOrder(@Valid @RequestBody OrderRequest request) {
    OrderRules.FedOrder order = new OrderRules.FedOrder(request.externalId(), request.customerExternalId(),
        request.orderedOn(), request.deliveredOn(), request.amount(), request.currency(),
        request.lines().stream().map(l -> new Orders.Line(l.sku().trim().toUpperCase(), blankToNull(l.batch()),
            l.quantity() == null ? 1 : l.quantity())).toList());
    OrderRules rules = new OrderRules(jdbc, List.of(order));
    List<FieldProblem> problems = new ArrayList<>();
    rules.check(order, (field, line, message) -> problems.add(new FieldProblem(
        line < 0 ? field : "lines[" + line + "]." + field, message)));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    long customerId = rules.customerId(order);
    boolean created = !orders.save(List.of(toOrder(order, customerId)), n -> {}).isEmpty();
    OrderAnswer answer = new OrderAnswer(order.externalId(), customerId,
        customers.find(customerId).orElseThrow().tier());
    return created ? ResponseEntity.created(URI.create("/api/orders/" + order.externalId())).body(answer)
        : ResponseEntity.ok(answer);
  }

  @GetMapping("/api/orders/{externalId}")
  Orders.Order getOrder(@PathVariable String externalId) {
    return orders.find(externalId).orElseThrow(() -> new NotFoundException("order", externalId));
  }

  static Orders.Order toOrder(OrderRules.FedOrder order, long customerId) {
    return new Orders.Order(order.externalId(), customerId, order.orderedOn(), order.deliveredOn(), order.amount(),
        order.currency(), order.lines());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
