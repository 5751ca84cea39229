package io.aftercare.product;

import io.aftercare.customer.Market;
import java.time.LocalDate;
import java.util.List;

/**
 * A catalogue product with its registration per market and its batches (lots). A product no longer
 * sold is inactive: cases keep naming it, new intake forms do not offer it.
 */
public record Product(
    String sku,
    String name,
    String nameZh,
    ProductCategory category,
    boolean active,
    List<Registration> registrations,
    List<Batch> batches) {

  /** An active product. */
  public Product(String sku, String name, String nameZh, ProductCategory category, List<Registration> registrations,
      List<Batch> batches) {
    this(sku, name, nameZh, category, true, registrations, batches);
  }

  /** The number under which the product is registered, notified or listed in a market. */
  public record Registration(Market market, Kind kind, String number) {
    public enum Kind { REGISTRATION, NOTIFICATION, LISTING }

    /**
     * The kind a market's number is of when the feed does not say: in CN special cosmetics (sun
     * protection, hair colouring) are registered and the others notified (filed); EU products are
     * notified in the CPNP; US products are listed under MoCRA.
     */
    public static Kind usualKind(Market market, ProductCategory category) {
      return switch (market) {
        case CN -> category.specialInChina() ? Kind.REGISTRATION : Kind.NOTIFICATION;
        case EU -> Kind.NOTIFICATION;
        case US -> Kind.LISTING;
      };
    }
  }

  /**
   * A production lot: what complaints, returns and adverse reactions are traced to. {@code markets}:
   * where it was released (empty: wherever the product is registered); a recalled batch stays
   * traceable, with the day of its recall.
   */
  public record Batch(String lotNumber, LocalDate manufacturedOn, LocalDate expiresOn, List<Market> markets,
      boolean recalled, LocalDate recalledOn) {

    public Batch(String lotNumber, LocalDate manufacturedOn, LocalDate expiresOn) {
      this(lotNumber, manufacturedOn, expiresOn, List.of(), false, null);
    }
  }
}
