package io.aftercare.product;

import static io.aftercare.customer.Market.CN;
import static io.aftercare.customer.Market.EU;
import static io.aftercare.customer.Market.US;
import static io.aftercare.product.Product.Registration.Kind.LISTING;
import static io.aftercare.product.Product.Registration.Kind.NOTIFICATION;
import static io.aftercare.product.Product.Registration.Kind.REGISTRATION;

import io.aftercare.security.DemoData;
import io.aftercare.security.DemoProperties;
import io.aftercare.security.StartupOrder;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a small, realistic catalogue — skincare, make-up in shades, special cosmetics
 * (sunscreen, hair dye) with CN registrations — each with a few batches. Registration numbers are
 * made up in the regulators' formats. Added once (matched by SKU).
 */
@Component
@Order(StartupOrder.DEMO_DATA)
class DemoCatalogue implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogue.class);

  static final List<Product> PRODUCTS = List.of(
      product("SK-SERUM-30", "Barrier Repair Serum 30 ml", "屏障修护精华液 30ml", ProductCategory.SKINCARE,
          List.of(reg(CN, NOTIFICATION, "沪G妆网备字2025004821"), reg(EU, NOTIFICATION, "CPNP-4417263"),
              reg(US, LISTING, "MOCRA-PL-0031842")),
          batch("S2501A", "2025-01-14", 36), batch("S2506B", "2025-06-03", 36),
          batch("S2603C", "2026-03-18", 36)),
      product("SK-CREAM-50", "Rich Night Cream 50 ml", "丰润晚霜 50ml", ProductCategory.SKINCARE,
          List.of(reg(CN, NOTIFICATION, "沪G妆网备字2024011937"), reg(EU, NOTIFICATION, "CPNP-4402915"),
              reg(US, LISTING, "MOCRA-PL-0031857")),
          batch("C2411A", "2024-11-20", 30), batch("C2605B", "2026-05-11", 30)),
      product("SUN-SPF50-50", "Daily Shield Sunscreen SPF50+ PA++++ 50 ml", "日常防护防晒乳 SPF50+ PA++++ 50ml",
          ProductCategory.SUN_PROTECTION,
          List.of(reg(CN, REGISTRATION, "国妆特字G20250377"), reg(EU, NOTIFICATION, "CPNP-4423108"),
              reg(US, LISTING, "MOCRA-PL-0032006")),
          batch("U2503A", "2025-03-02", 24), batch("U2604B", "2026-04-09", 24)),
      product("MU-LIP-R12", "Velvet Matte Lipstick, shade 12 Rosewood", "丝绒哑光唇膏 12号 玫瑰木",
          ProductCategory.MAKEUP,
          List.of(reg(CN, NOTIFICATION, "沪G妆网备字2025002210"), reg(EU, NOTIFICATION, "CPNP-4419930")),
          batch("L2502A", "2025-02-21", 36), batch("L2609B", "2026-09-07", 36)),
      product("MU-FDN-N20", "Second Skin Foundation, shade N20 Neutral Light", "轻透粉底液 N20 自然亮肤",
          ProductCategory.MAKEUP,
          List.of(reg(CN, NOTIFICATION, "沪G妆网备字2025003105"), reg(EU, NOTIFICATION, "CPNP-4420541"),
              reg(US, LISTING, "MOCRA-PL-0031990")),
          batch("F2504A", "2025-04-28", 30), batch("F2607B", "2026-07-15", 30)),
      product("HC-DYE-4N", "Gentle Colour Hair Dye 4N Medium Brown", "温和植萃染发膏 4N 中棕色",
          ProductCategory.HAIR_COLOURING,
          List.of(reg(CN, REGISTRATION, "国妆特字G20240912"), reg(EU, NOTIFICATION, "CPNP-4409876")),
          batch("H2410A", "2024-10-08", 36), batch("H2605B", "2026-05-26", 36)),
      product("FR-EDP-50", "Jasmine Tea Eau de Parfum 50 ml", "茉莉茶香淡香精 50ml", ProductCategory.FRAGRANCE,
          List.of(reg(CN, NOTIFICATION, "沪G妆网备字2024009640"), reg(EU, NOTIFICATION, "CPNP-4398812"),
              reg(US, LISTING, "MOCRA-PL-0031701")),
          batch("P2409A", "2024-09-16", 60)),
      product("BC-LOT-200", "Soothing Body Lotion 200 ml", "舒缓身体乳 200ml", ProductCategory.BODY_CARE,
          List.of(reg(US, LISTING, "MOCRA-PL-0032117"), reg(EU, NOTIFICATION, "CPNP-4425560")),
          batch("B2601A", "2026-01-12", 30), batch("B2608B", "2026-08-04", 30)));

  private final ProductCatalogue catalogue;
  private final DemoProperties demo;

  DemoCatalogue(ProductCatalogue catalogue, DemoProperties demo) {
    this.catalogue = catalogue;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demo.enabled()) {
      return;
    }
    DemoData.addMissing(LOG, "demo products", PRODUCTS, p -> catalogue.exists(p.sku()), catalogue::add);
  }

  private static Product product(String sku, String name, String nameZh, ProductCategory category,
      List<Product.Registration> registrations, Product.Batch... batches) {
    return new Product(sku, name, nameZh, category, registrations, List.of(batches));
  }

  private static Product.Registration reg(io.aftercare.customer.Market market,
      Product.Registration.Kind kind, String number) {
    return new Product.Registration(market, kind, number);
  }

  private static Product.Batch batch(String lot, String manufactured, int shelfLifeMonths) {
    LocalDate made = LocalDate.parse(manufactured);
    return new Product.Batch(lot, made, made.plusMonths(shelfLifeMonths));
  }
}
