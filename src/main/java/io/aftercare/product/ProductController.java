package io.aftercare.product;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import io.aftercare.customer.Market;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product catalogue: read by intake channels and forms; written by the brand's PIM or ERP
 * through idempotent upserts (the same {@code PUT} twice changes nothing the second time): 201
 * when the product or batch is new, 200 when it was updated.
 */
@Validated
@RestController
@RequestMapping("/api/products")
class ProductController {

  /** The body of {@code PUT /api/products/{sku}}; {@code kind} defaults to the market's usual one. */
  record ProductFeed(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameZh,
      @NotNull ProductCategory category, Boolean active,
      @Size(max = 3) List<@NotNull @Valid RegistrationPart> registrations) {}

  record RegistrationPart(@NotNull Market market, Product.Registration.Kind kind,
      @NotBlank @Size(max = 64) String number) {}

  /** The body of {@code PUT /api/products/{sku}/batches/{lot}}; no markets: wherever the product is registered. */
  record BatchFeed(@NotNull LocalDate manufacturedOn, @NotNull LocalDate expiresOn,
      @Size(max = 3) List<@NotNull Market> markets, Boolean recalled, LocalDate recalledOn) {}

  private final ProductCatalogue catalogue;

  ProductController(ProductCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  List<Product> list(@RequestParam(required = false) Market market,
      @RequestParam(required = false) ProductCategory category, @RequestParam(required = false) Boolean active) {
    return catalogue.list(market, category, active);
  }

  @GetMapping("/{sku}")
  Product get(@PathVariable @Pattern(regexp = CatalogueRules.SKU, message = CatalogueRules.SKU_MESSAGE) String sku) {
    return catalogue.find(sku).orElseThrow(() -> new NotFoundException("product", sku));
  }

  @PutMapping("/{sku}")
  @Transactional
  ResponseEntity<Product> put(
      @PathVariable @Pattern(regexp = CatalogueRules.SKU, message = CatalogueRules.SKU_MESSAGE) String sku,
      @Valid @RequestBody ProductFeed feed) {
    List<Product.Registration> registrations = feed.registrations() == null ? List.of()
        : feed.registrations().stream().map(r -> new Product.Registration(r.market(),
            r.kind() != null ? r.kind() : Product.Registration.usualKind(r.market(), feed.category()),
            r.number().trim())).toList();
    Product product = new Product(sku, feed.name().trim(), blankToNull(feed.nameZh()), feed.category(),
        feed.active() == null || feed.active(), registrations, List.of());
    List<FieldProblem> problems = new ArrayList<>();
    CatalogueRules.checkProduct(product, (field, message) -> problems.add(new FieldProblem("registrations", message)));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    boolean created = !catalogue.upsert(List.of(product), n -> {}).isEmpty();
    return answer(created, "/api/products/" + sku, catalogue.find(sku).orElseThrow());
  }

  @PutMapping("/{sku}/batches/{lot}")
  @Transactional
  ResponseEntity<Product> putBatch(
      @PathVariable @Pattern(regexp = CatalogueRules.SKU, message = CatalogueRules.SKU_MESSAGE) String sku,
      @PathVariable @Pattern(regexp = CatalogueRules.LOT, message = CatalogueRules.LOT_MESSAGE) String lot,
      @Valid @RequestBody BatchFeed feed) {
    Product product = catalogue.find(sku).orElseThrow(() -> new NotFoundException("product", sku));
    boolean recalled = Boolean.TRUE.equals(feed.recalled());
    Product.Batch batch = new Product.Batch(lot, feed.manufacturedOn(), feed.expiresOn(),
        feed.markets() == null ? List.of() : feed.markets().stream().distinct().toList(), recalled,
        // no day given: the recall's day stays as stored, or is today for a new recall
        feed.recalledOn());
    Set<Market> registered = product.registrations().stream().map(Product.Registration::market)
        .collect(java.util.stream.Collectors.toSet());
    List<FieldProblem> problems = new ArrayList<>();
    CatalogueRules.checkBatch(batch, registered, today(), (field, message) -> problems.add(new FieldProblem(
        switch (field) {
          case EXPIRES_ON -> "expiresOn";
          case MARKETS -> "markets";
          case RECALLED_ON -> "recalledOn";
          case REGISTRATIONS -> "registrations";
        }, message)));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    boolean created = catalogue.upsertBatches(List.of(new ProductCatalogue.SkuBatch(sku, batch)), n -> {}) > 0;
    return answer(created, "/api/products/" + sku, catalogue.find(sku).orElseThrow());
  }

  /** Today where it is already latest: a recall in any market may be dated today. */
  static LocalDate today() {
    return Arrays.stream(Market.values()).map(m -> LocalDate.now(m.zone())).max(LocalDate::compareTo).orElseThrow();
  }

  private static ResponseEntity<Product> answer(boolean created, String location, Product product) {
    return created ? ResponseEntity.created(URI.create(location)).body(product)
        : ResponseEntity.status(HttpStatus.OK).body(product);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
