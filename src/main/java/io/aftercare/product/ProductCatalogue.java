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

  ProductCatalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Products, optionally only those registered in a market and/or of a category, by SKU. */
  @Transactional(readOnly = true)
  public List<Product> list(Market market, ProductCategory category) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
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
    jdbc.sql("insert into product (sku, name, name_zh, category) values (?, ?, ?, ?)")
        .params(product.sku(), product.name(), product.nameZh(), product.category().name()).update();
    for (Product.Registration registration : product.registrations()) {
      jdbc.sql("insert into product_registration (sku, market, kind, number) values (?, ?, ?, ?)")
          .params(product.sku(), registration.market().name(), registration.kind().name(),
              registration.number())
          .update();
    }
    for (Product.Batch batch : product.batches()) {
      jdbc.sql("insert into batch (sku, lot_number, manufactured_on, expires_on) values (?, ?, ?, ?)")
          .params(product.sku(), batch.lotNumber(), batch.manufacturedOn(), batch.expiresOn()).update();
    }
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
    record Row(String sku, String name, String nameZh, ProductCategory category) {}
    List<Row> rows = jdbc.sql("select p.sku, p.name, p.name_zh, p.category from product p" + where
            + " order by p.sku")
        .params(params)
        .query((rs, n) -> new Row(rs.getString("sku"), rs.getString("name"), rs.getString("name_zh"),
            ProductCategory.valueOf(rs.getString("category"))))
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
    jdbc.sql("select b.sku, b.lot_number, b.manufactured_on, b.expires_on from batch b"
            + " join product p on p.sku = b.sku" + where + " order by b.sku, b.manufactured_on, b.lot_number")
        .params(params)
        .query(rs -> {
          batches.computeIfAbsent(rs.getString("sku"), k -> new ArrayList<>())
              .add(new Product.Batch(rs.getString("lot_number"),
                  rs.getObject("manufactured_on", java.time.LocalDate.class),
                  rs.getObject("expires_on", java.time.LocalDate.class)));
        });
    return rows.stream()
        .map(r -> new Product(r.sku(), r.name(), r.nameZh(), r.category(),
            registrations.getOrDefault(r.sku(), List.of()), batches.getOrDefault(r.sku(), List.of())))
        .toList();
  }
}
