package io.aftercare.product;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.customer.Market;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue: products, their registrations and batches, read in three queries, never per row. */
@Service
public class ProductCatalogue {

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate template;

  ProductCatalogue(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Products, optionally only those registered in a market and/or of a category, by SKU. */
  @Transactional(readOnly = true)
  public List<Product> list(Market market, ProductCategory category) {
    return list(market, category, null);
  }

  /** As above, and only active (or only inactive) products when {@code active} is given. */
  @Transactional(readOnly = true)
  public List<Product> list(Market market, ProductCategory category, Boolean active) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (active != null) {
      where.append(" and p.active = :active");
      params.put("active", active);
    }
    if (market != null) {
      where.append(" and p.sku in (select r.sku from product_registration r where r.market = :market)");
      params.put("market", market.name());
    }
    if (category != null) {
      where.append(" and p.category = :category");
      params.put("category", category.name());
    }
    return load(where.toString(), params);
  }

  @Transactional(readOnly = true)
  public Optional<Product> find(String sku) {
    return load(" where p.sku = :sku", Map.of("sku", sku)).stream().findFirst();
  }

  @Transactional
  public void add(Product product) {
    upsert(List.of(product), n -> {});
    upsertBatches(product.batches().stream().map(b -> new SkuBatch(product.sku(), b)).toList(), n -> {});
  }

  /** A batch of a product, as the batch feed names it. */
  public record SkuBatch(String sku, Product.Batch batch) {}

  /**
   * Creates or updates products (name, category, active) and sets each one's registrations to
   * exactly those given; their batches are left as they are. Answers the SKUs that were new.
   * Written in statements of up to 500 rows; {@code progress} hears how many are done.
   */
  @Transactional
  public java.util.Set<String> upsert(List<Product> products, java.util.function.IntConsumer progress) {
    java.util.Set<String> created = new java.util.HashSet<>();
    java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
    int done = 0;
    for (List<Product> chunk : io.aftercare.imports.Chunks.of(products, 500)) {
      int[] updated = jdbc().batchUpdate(
          "update product set name = ?, name_zh = ?, category = ?, active = ?, updated_at = ? where sku = ?",
          chunk.stream().map(p -> new Object[] {p.name(), p.nameZh(), p.category().name(), p.active(), now, p.sku()})
              .toList());
      List<Product> fresh = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        if (updated[i] == 0) {
          fresh.add(chunk.get(i));
          created.add(chunk.get(i).sku());
        }
      }
      jdbc().batchUpdate("insert into product (sku, name, name_zh, category, active, updated_at) values (?, ?, ?, ?, ?, ?)",
          fresh.stream().map(p -> new Object[] {p.sku(), p.name(), p.nameZh(), p.category().name(), p.active(), now})
              .toList());
      jdbc().batchUpdate("delete from product_registration where sku = ?",
          chunk.stream().map(p -> new Object[] {p.sku()}).toList());
      jdbc().batchUpdate("insert into product_registration (sku, market, kind, number) values (?, ?, ?, ?)",
          chunk.stream().flatMap(p -> p.registrations().stream().map(r -> new Object[] {
              p.sku(), r.market().name(), r.kind().name(), r.number()})).toList());
      done += chunk.size();
      progress.accept(done);
    }
    return created;
  }

  /** Creates or updates batches of existing products; answers how many were new. */
  @Transactional
  public int upsertBatches(List<SkuBatch> batches, java.util.function.IntConsumer progress) {
    int created = 0;
    int done = 0;
    for (List<SkuBatch> chunk : io.aftercare.imports.Chunks.of(batches, 500)) {
      // a recall without its day keeps the day stored (a feed sent again changes nothing), or is today's
      java.time.LocalDate today = ProductController.today();
      int[] updated = jdbc().batchUpdate("update batch set manufactured_on = ?, expires_on = ?, markets = ?,"
              + " recalled = ?, recalled_on = case when ? then coalesce(?, recalled_on, ?) else null end"
              + " where sku = ? and lot_number = ?",
          chunk.stream().map(b -> new Object[] {b.batch().manufacturedOn(), b.batch().expiresOn(),
              markets(b.batch()), b.batch().recalled(), b.batch().recalled(), b.batch().recalledOn(), today, b.sku(),
              b.batch().lotNumber()}).toList());
      List<Object[]> fresh = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        if (updated[i] == 0) {
          SkuBatch b = chunk.get(i);
          fresh.add(new Object[] {b.sku(), b.batch().lotNumber(), b.batch().manufacturedOn(), b.batch().expiresOn(),
              markets(b.batch()), b.batch().recalled(), !b.batch().recalled() ? null
                  : b.batch().recalledOn() != null ? b.batch().recalledOn() : today});
        }
      }
      jdbc().batchUpdate("insert into batch (sku, lot_number, manufactured_on, expires_on, markets, recalled,"
          + " recalled_on) values (?, ?, ?, ?, ?, ?, ?)", fresh);
      created += fresh.size();
      done += chunk.size();
      progress.accept(done);
    }
    return created;
  }

  /** The markets each product is registered in, by SKU (for checking a batch feed). */
  @Transactional(readOnly = true)
  public Map<String, java.util.Set<Market>> registeredMarkets() {
    Map<String, java.util.Set<Market>> markets = new java.util.HashMap<>();
    jdbc.sql("select sku from product").query(String.class).list()
        .forEach(sku -> markets.put(sku, java.util.EnumSet.noneOf(Market.class)));
    jdbc.sql("select sku, market from product_registration").query(rs -> {
      markets.get(rs.getString("sku")).add(Market.valueOf(rs.getString("market")));
    });
    return markets;
  }

  private static String markets(Product.Batch batch) {
    return batch.markets() == null || batch.markets().isEmpty() ? null
        : batch.markets().stream().sorted().map(Market::name).collect(java.util.stream.Collectors.joining(","));
  }

  private org.springframework.jdbc.core.JdbcTemplate jdbc() {
    return template;
  }

  /**
   * What is wrong with a request's product reference, as problems of the fields
   * {@code product.sku} and {@code product.batch}: an unknown SKU, a batch that is not of that SKU.
   */
  public List<FieldProblem> checkReference(String sku, String batch) {
    Optional<Product> product = sku == null ? Optional.empty() : find(sku.trim().toUpperCase());
    if (product.isEmpty()) {
      return List.of(new FieldProblem("product.sku", "is not a product of the catalogue"));
    }
    if (batch != null && !batch.isBlank()
        && product.get().batches().stream().noneMatch(b -> b.lotNumber().equals(batch))) {
      return List.of(new FieldProblem("product.batch", "is not a batch of " + product.get().sku()));
    }
    return List.of();
  }

  public boolean exists(String sku) {
    return jdbc.sql("select count(*) from product where sku = ?").param(sku).query(Integer.class).single() > 0;
  }

  private List<Product> load(String where, Map<String, Object> params) {
    record Row(String sku, String name, String nameZh, ProductCategory category, boolean active) {}
    List<Row> rows = jdbc.sql("select p.sku, p.name, p.name_zh, p.category, p.active from product p" + where
            + " order by p.sku")
        .params(params)
        .query((rs, n) -> new Row(rs.getString("sku"), rs.getString("name"), rs.getString("name_zh"),
            ProductCategory.valueOf(rs.getString("category")), rs.getBoolean("active")))
        .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<Product.Registration>> registrations = new LinkedHashMap<>();
    jdbc.sql("select r.sku, r.market, r.kind, r.number from product_registration r"
            + " join product p on p.sku = r.sku" + where + " order by r.sku, r.market")
        .params(params)
        .query(rs -> {
          registrations.computeIfAbsent(rs.getString("sku"), k -> new ArrayList<>())
              .add(new Product.Registration(Market.valueOf(rs.getString("market")),
                  Product.Registration.Kind.valueOf(rs.getString("kind")), rs.getString("number")));
        });
    Map<String, List<Product.Batch>> batches = new LinkedHashMap<>();
    jdbc.sql("select b.sku, b.lot_number, b.manufactured_on, b.expires_on, b.markets, b.recalled, b.recalled_on"
            + " from batch b"
            + " join product p on p.sku = b.sku" + where + " order by b.sku, b.manufactured_on, b.lot_number")
        .params(params)
        .query(rs -> {
          batches.computeIfAbsent(rs.getString("sku"), k -> new ArrayList<>())
              .add(new Product.Batch(rs.getString("lot_number"),
                  rs.getObject("manufactured_on", java.time.LocalDate.class),
                  rs.getObject("expires_on", java.time.LocalDate.class),
                  rs.getString("markets") == null ? List.of() : java.util.Arrays.stream(
                      rs.getString("markets").split(",")).map(Market::valueOf).toList(),
                  rs.getBoolean("recalled"), rs.getObject("recalled_on", java.time.LocalDate.class)));
        });
    return rows.stream()
        .map(r -> new Product(r.sku(), r.name(), r.nameZh(), r.category(), r.active(),
            registrations.getOrDefault(r.sku(), List.of()), batches.getOrDefault(r.sku(), List.of())))
        .toList();
  }
}
