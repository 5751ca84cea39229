package io.aftercare.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Request bodies the integration tests send to the API. */
public final class Requests {

  private Requests() {}

  /** A return request of {@code POST /api/returns} for a known customer, with a fresh order number. */
  public static Map<String, Object> returnRequest(long customerId, String sku, String batch, LocalDate bought,
      LocalDate delivered, String reason, boolean opened, String requested) {
    Map<String, Object> product = new HashMap<>();
    product.put("sku", sku);
    if (batch != null) {
      product.put("batch", batch);
    }
    Map<String, Object> purchase = new HashMap<>();
    purchase.put("orderNumber", "ORD-" + System.nanoTime());
    purchase.put("channel", "online");
    purchase.put("date", bought.toString());
    if (delivered != null) {
      purchase.put("deliveredOn", delivered.toString());
    }
    Map<String, Object> body = new HashMap<>();
    body.put("customer", Map.of("id", customerId));
    body.put("product", product);
    body.put("purchase", purchase);
    body.put("reason", reason);
    body.put("opened", opened);
    body.put("requested", requested);
    return body;
  }
}
