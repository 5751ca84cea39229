package io.aftercare.product;

import io.aftercare.api.NotFoundException;
import io.aftercare.customer.Market;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The product catalogue for intake channels and forms: products with registrations and batches. */
@Validated
@RestController
@RequestMapping("/api/products")
class ProductController {

  private final ProductCatalogue catalogue;

  ProductController(ProductCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  List<Product> list(@RequestParam(required = false) Market market,
      @RequestParam(required = false) ProductCategory category) {
    return catalogue.list(market, category);
  }

  @GetMapping("/{sku}")
  Product get(@PathVariable @Pattern(regexp = "[A-Z0-9-]{1,32}",
      message = "must be 1 to 32 capital letters, digits or dashes") String sku) {
    return catalogue.find(sku).orElseThrow(() -> new NotFoundException("product", sku));
  }
}
