package io.aftercare.product;

import io.aftercare.customer.Market;
import io.aftercare.imports.Csv;
import io.aftercare.imports.Fields;
import io.aftercare.imports.ImportKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The catalogue's CSV imports, for process owners, back-office systems and administrators: the
 * same rules as {@code PUT /api/products/…} ({@link CatalogueRules}), line by line.
 */
final class CatalogueImports {

  private static final Set<String> GROUPS = Set.of("process-owner", "integration", "camunda-admin");
  private static final Pattern SKU = Pattern.compile(CatalogueRules.SKU);
  private static final Pattern LOT = Pattern.compile(CatalogueRules.LOT);

  private CatalogueImports() {}

  /**
   * {@code products}: one line per product — {@code sku, name_en, category} and optionally
   * {@code name_zh, active, cn_number, eu_number, us_number}. A line sets the product's
   * registrations to the numbers it gives (kind: the market's usual one, see
   * {@link Product.Registration#usualKind}); its batches are left as they are.
   */
  @Component
  static class Products implements ImportKind<Product> {

    private final ProductCatalogue catalogue;

    Products(ProductCatalogue catalogue) {
      this.catalogue = catalogue;
    }

    @Override
    public Spec spec() {
      return new Spec("products", List.of("sku", "name_en", "category"),
          List.of("name_zh", "active", "cn_number", "eu_number", "us_number"), GROUPS);
    }

    @Override
    public Product parse(Csv.Row row, Problems problems) {
      Fields fields = new Fields(row, problems);
      String sku = fields.text("sku", true, 32, SKU, CatalogueRules.SKU_MESSAGE);
      String name = fields.text("name_en", true, 200);
      String nameZh = fields.text("name_zh", false, 200);
      ProductCategory category = fields.choice("category", ProductCategory.class, true);
      Boolean active = fields.bool("active", true);
      List<Product.Registration> registrations = new ArrayList<>();
      for (Market market : Market.values()) {
        String number = fields.text(market.name().toLowerCase() + "_number", false, 64);
        if (number != null && category != null) {
          registrations.add(new Product.Registration(market, Product.Registration.usualKind(market, category), number));
        }
      }
      if (sku == null || name == null || category == null || active == null) {
        return null;
      }
      return new Product(sku, name, nameZh, category, active, registrations, List.of());
    }

    @Override
    public void check(List<Line<Product>> lines, Problems problems) {
      Map<String, Integer> firstLine = new HashMap<>();
      for (Line<Product> line : lines) {
        Integer earlier = firstLine.putIfAbsent(line.record().sku(), line.line());
        if (earlier != null) {
          problems.add(line.line(), "sku", line.record().sku() + " is on line " + earlier + " already");
        }
      }
    }

    @Override
    public int write(List<Line<Product>> lines, IntConsumer progress) {
      catalogue.upsert(lines.stream().map(Line::record).toList(), progress);
      return lines.size();
    }
  }

  /**
   * {@code batches}: one line per batch — {@code sku, lot, manufactured_on, expires_on} and
   * optionally {@code markets} (e.g. {@code CN EU}; blank: wherever the product is registered),
   * {@code recalled}, {@code recalled_on}. The product must be in the catalogue already.
   */
  @Component
  static class Batches implements ImportKind<ProductCatalogue.SkuBatch> {

    private final ProductCatalogue catalogue;

    Batches(ProductCatalogue catalogue) {
      this.catalogue = catalogue;
    }

    @Override
    public Spec spec() {
      return new Spec("batches", List.of("sku", "lot", "manufactured_on", "expires_on"),
          List.of("markets", "recalled", "recalled_on"), GROUPS);
    }

    @Override
    public ProductCatalogue.SkuBatch parse(Csv.Row row, Problems problems) {
      Fields fields = new Fields(row, problems);
      String sku = fields.text("sku", true, 32, SKU, CatalogueRules.SKU_MESSAGE);
      String lot = fields.text("lot", true, 32, LOT, CatalogueRules.LOT_MESSAGE);
      LocalDate manufactured = fields.date("manufactured_on", true);
      LocalDate expires = fields.date("expires_on", true);
      List<Market> markets = new ArrayList<>();
      String marketText = fields.text("markets", false, 16);
      if (marketText != null) {
        for (String code : marketText.split("[\\s;|/]+")) {
          try {
            markets.add(Market.valueOf(code.toUpperCase()));
          } catch (IllegalArgumentException e) {
            fields.problem("markets", "must be market codes among " + Arrays.toString(Market.values())
                + " separated by spaces (has \"" + code + "\")");
            return null;
          }
        }
      }
      Boolean recalled = fields.bool("recalled", false);
      LocalDate recalledOn = fields.date("recalled_on", false);
      if (sku == null || lot == null || manufactured == null || expires == null || recalled == null) {
        return null;
      }
      return new ProductCatalogue.SkuBatch(sku, new Product.Batch(lot, manufactured, expires,
          markets.stream().distinct().toList(), recalled, recalledOn));
    }

    @Override
    public void check(List<Line<ProductCatalogue.SkuBatch>> lines, Problems problems) {
      Map<String, Set<Market>> registered = catalogue.registeredMarkets();
      Map<String, Integer> firstLine = new HashMap<>();
      LocalDate today = ProductController.today();
      for (Line<ProductCatalogue.SkuBatch> line : lines) {
        ProductCatalogue.SkuBatch batch = line.record();
        Set<Market> markets = registered.get(batch.sku());
        if (markets == null) {
          problems.add(line.line(), "sku", batch.sku() + " is not a product of the catalogue (import the products first)");
          continue;
        }
        Integer earlier = firstLine.putIfAbsent(batch.sku() + "/" + batch.batch().lotNumber(), line.line());
        if (earlier != null) {
          problems.add(line.line(), "lot", batch.batch().lotNumber() + " of " + batch.sku() + " is on line " + earlier
              + " already");
        }
        CatalogueRules.checkBatch(batch.batch(), markets, today, (field, message) -> problems.add(line.line(),
            field.name().toLowerCase(), message));
      }
    }

    @Override
    public int write(List<Line<ProductCatalogue.SkuBatch>> lines, IntConsumer progress) {
      catalogue.upsertBatches(lines.stream().map(Line::record).toList(), progress);
      return lines.size();
    }
  }
}
