package io.aftercare.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/products: the demo catalogue with registrations and batches; bad input named. */
@AftercareIT
class ProductApiIT {

  @LocalServerPort
  int port;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void listsProductsWithRegistrationsAndBatches() {
    JsonNode products = http.get("/api/products", "agent").json();

    assertThat(skus(products)).containsAll(DemoCatalogue.PRODUCTS.stream().map(Product::sku).toList());
    JsonNode sunscreen = find(products, "SUN-SPF50-50");
    assertThat(sunscreen.get("category").asText()).isEqualTo("SUN_PROTECTION");
    assertThat(sunscreen.get("registrations").get(0).get("number").asText()).isEqualTo("国妆特字G20250377");
    assertThat(sunscreen.get("batches")).hasSize(2);
    assertThat(sunscreen.get("batches").get(0).get("lotNumber").asText()).isEqualTo("U2503A");
    assertThat(sunscreen.get("batches").get(0).get("expiresOn").asText()).isEqualTo("2027-03-02");
  }

  @Test
  void filtersByMarketAndCategory() {
    List<String> us = skus(http.get("/api/products?market=US", "agent").json());
    assertThat(us).contains("SUN-SPF50-50", "BC-LOT-200").doesNotContain("MU-LIP-R12", "HC-DYE-4N");

    List<String> cnMakeup = skus(http.get("/api/products?market=CN&category=MAKEUP", "agent").json());
    assertThat(cnMakeup).containsExactly("MU-FDN-N20", "MU-LIP-R12");
  }

  @Test
  void findsOneProduct() {
    Http.Response response = http.get("/api/products/HC-DYE-4N", "returns");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("nameZh").asText()).isEqualTo("温和植萃染发膏 4N 中棕色");
  }

  @Test
  void badFilterIsNamedInProblemDetails() {
    Http.Response response = http.get("/api/products?market=JP&category=MAKEUP", "agent");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("market");
    assertThat(response.json().get("errors").get(0).get("message").asText()).isEqualTo("must be one of CN, EU, US");
    assertThat(http.get("/api/products?category=SOAP", "agent").json().get("detail").asText())
        .startsWith("category must be one of SKINCARE");
  }

  @Test
  void malformedSkuIs400AndUnknownSkuIs404() {
    Http.Response malformed = http.get("/api/products/lower-case", "agent");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("sku");

    Http.Response unknown = http.get("/api/products/NO-SUCH-SKU", "agent");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().get("detail").asText()).isEqualTo("No product NO-SUCH-SKU");
  }

  private static List<String> skus(JsonNode products) {
    List<String> skus = new ArrayList<>();
    products.forEach(p -> skus.add(p.get("sku").asText()));
    return skus;
  }

  private static JsonNode find(JsonNode products, String sku) {
    for (JsonNode product : products) {
      if (product.get("sku").asText().equals(sku)) {
        return product;
      }
    }
    throw new AssertionError("no product " + sku);
  }
}
