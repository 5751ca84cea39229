package io.aftercare.product;

import io.aftercare.customer.Market;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The rules a product or batch from a feed must keep, the same for {@code PUT} and the CSV
 * imports; each broken rule names its field (the caller maps it to a JSON path or a CSV column).
 */
final class CatalogueRules {

  static final String SKU = "[A-Z0-9][A-Z0-9-]{0,31}";
  static final String SKU_MESSAGE = "must be 1 to 32 capital letters, digits or dashes";
  static final String LOT = "[A-Z0-9][A-Z0-9./-]{0,31}";
  static final String LOT_MESSAGE = "must be 1 to 32 capital letters, digits, dots, slashes or dashes";

  /** The field names the rules use. */
  enum Field { REGISTRATIONS, EXPIRES_ON, MARKETS, RECALLED_ON }

  private CatalogueRules() {}

  /** One registration per market. */
  static void checkProduct(Product product, BiConsumer<Field, String> problem) {
    Set<Market> seen = new HashSet<>();
    for (Product.Registration registration : product.registrations()) {
      if (!seen.add(registration.market())) {
        problem.accept(Field.REGISTRATIONS, "names " + registration.market() + " twice");
      }
    }
  }

  /**
   * A batch expires after it was made, is released only where its product is registered, and is
   * recalled on a day between its making and today.
   */
  static void checkBatch(Product.Batch batch, Set<Market> registered, LocalDate today,
      BiConsumer<Field, String> problem) {
    if (batch.manufacturedOn() != null && batch.expiresOn() != null
        && !batch.expiresOn().isAfter(batch.manufacturedOn())) {
      problem.accept(Field.EXPIRES_ON, "must be after the day of manufacture " + batch.manufacturedOn());
    }
    List<Market> unregistered = new ArrayList<>();
    for (Market market : batch.markets()) {
      if (!registered.contains(market)) {
        unregistered.add(market);
      }
    }
    if (!unregistered.isEmpty()) {
      problem.accept(Field.MARKETS, "names " + unregistered + " where the product is not registered (registered: "
          + (registered.isEmpty() ? "nowhere" : registered.stream().sorted().toList()) + ")");
    }
    if (batch.recalledOn() != null) {
      if (!batch.recalled()) {
        problem.accept(Field.RECALLED_ON, "may only be given for a recalled batch");
      } else if (batch.recalledOn().isAfter(today)) {
        problem.accept(Field.RECALLED_ON, "must not be in the future");
      } else if (batch.manufacturedOn() != null && batch.recalledOn().isBefore(batch.manufacturedOn())) {
        problem.accept(Field.RECALLED_ON, "must not be before the day of manufacture " + batch.manufacturedOn());
      }
    }
  }
}
