package io.aftercare.product;

import io.aftercare.customer.Market;
import java.time.LocalDate;
import java.util.List;

/** A catalogue product with its registration per market and its batches (lots). */
public record Product(
    String sku,
    String name,
    String nameZh,
    ProductCategory category,
    List<Registration> registrations,
    List<Batch> batches) {

  /** The number under which the product is registered, notified or listed in a market. */
  public record Registration(Market market, Kind kind, String number) {
    public enum Kind { REGISTRATION, NOTIFICATION, LISTING }
  }

  /** A production lot: what complaints, returns and adverse reactions are traced to. */
  public record Batch(String lotNumber, LocalDate manufacturedOn, LocalDate expiresOn) {}
}
