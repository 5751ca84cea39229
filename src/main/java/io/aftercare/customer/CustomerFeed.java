package io.aftercare.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers from the shop, by the shop's own id: created, or updated with what the shop knows now.
 * A customer Aftercare registered from a call or complaint before the shop sent them (the one
 * customer with that e-mail, or else that phone, and no shop id) is taken over rather than
 * doubled. Consent follows the shop, except that a withdrawal the customer made here (unsubscribe
 * link, TD/STOP reply, an agent recording it) stands until the shop reports consent given after
 * it. A customer whose data was erased is not filled in again.
 */
@Service
public class CustomerFeed {

  /** A customer as the shop sends them; {@code consentRecordedAt}: when the shop recorded the consent. */
  public record FedCustomer(String externalId, String name, Market market, CustomerLocale locale, String country,
      String email, String phone, Customer.Consent consent, Instant consentRecordedAt,
      Customer.ContactChannel preferredChannel) {}

  /** What a feed did to one customer. */
  public record Saved(String externalId, Long id, boolean created) {}

  static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  static final String EXTERNAL_ID_MESSAGE = "must be 1 to 64 letters, digits, dots, colons, underscores or dashes";
  static final Pattern PHONE = Pattern.compile("\\+?[0-9 -]{6,20}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TierPolicy tiers;
  private final Orders orders;

  CustomerFeed(JdbcClient jdbc, JdbcTemplate template, TierPolicy tiers, Orders orders) {
    this.jdbc = jdbc;
    this.template = template;
    this.tiers = tiers;
    this.orders = orders;
  }

  /**
   * The rules a fed customer keeps, each broken one named by its field: consent to a channel needs
   * its contact, the preferred channel needs consent, an EU customer needs their country.
   */
  public static void check(FedCustomer customer, BiConsumer<String, String> problem) {
    boolean hasEmail = customer.email() != null;
    boolean hasPhone = customer.phone() != null;
    if (customer.consent().email() && !hasEmail) {
      problem.accept("consent.email", "needs an e-mail address");
    }
    if (customer.consent().sms() && !hasPhone) {
      problem.accept("consent.sms", "needs a phone number");
    }
    if (customer.consent().phone() && !hasPhone) {
      problem.accept("consent.phone", "needs a phone number");
    }
    if (customer.preferredChannel() != null && !consents(customer.consent(), customer.preferredChannel())) {
      problem.accept("preferredChannel", "must be a channel the customer consented to");
    }
    if (customer.market() == Market.EU && customer.country() == null) {
      problem.accept("country", "is required for EU customers (its calendar counts their legal periods)");
    }
  }

  private static boolean consents(Customer.Consent consent, Customer.ContactChannel channel) {
    return switch (channel) {
      case EMAIL -> consent.email();
      case SMS -> consent.sms();
      case PHONE -> consent.phone();
    };
  }

  /** The shop ids among these whose customer was anonymised (erasure or retention): not fed again. */
  public Set<String> anonymised(List<String> externalIds) {
    Set<String> erased = new HashSet<>();
    for (var chunk : io.aftercare.imports.Chunks.of(externalIds, 1000)) {
      erased.addAll(jdbc.sql("select external_id from customer where anonymised_at is not null and external_id in (:ids)")
          .param("ids", chunk)
          .query(String.class).list());
    }
    return erased;
  }

  /** The ids of the customers with these shop ids (those that exist). */
  public Map<String, Long> idsOf(java.util.Collection<String> externalIds) {
    Map<String, Long> ids = new HashMap<>();
    List<String> all = List.copyOf(externalIds);
    for (var chunk : io.aftercare.imports.Chunks.of(all, 1000)) {
      jdbc.sql("select external_id, id from customer where external_id in (:ids)")
          .param("ids", chunk)
          .query(rs -> {
            ids.put(rs.getString("external_id"), rs.getLong("id"));
          });
    }
    return ids;
  }

  /** Creates or updates the customers (checked by {@link #check}, none anonymised). */
  @Transactional
  public List<Saved> save(List<FedCustomer> customers, IntConsumer progress) {
    // every look-up before the first write: inside the one transaction of a large import, the
    // planner's statistics do not know the rows written so far (a look-up after them scans)
    Map<String, Known> known = known(customers);
    List<Saved> saved = new ArrayList<>();
    int done = 0;
    for (var chunk : io.aftercare.imports.Chunks.of(customers, 500)) {
      List<Object[]> updates = new ArrayList<>();
      List<FedCustomer> fresh = new ArrayList<>();
      for (FedCustomer customer : chunk) {
        Known existing = known.get(customer.externalId());
        if (existing == null) {
          fresh.add(customer);
          continue;
        }
        boolean email = customer.consent().email() && stands(customer, existing.emailWithdrawnAt());
        boolean sms = customer.consent().sms() && stands(customer, existing.smsWithdrawnAt());
        updates.add(new Object[] {customer.externalId(), customer.name(), customer.market().name(),
            customer.locale().tag(), customer.country(), CustomerService.emailKey(customer.email()), customer.phone(),
            customer.market().currency(), email, sms, customer.consent().phone(), consentTime(customer),
            preferred(customer, email, sms), email ? null : existing.emailWithdrawnAt(),
            sms ? null : existing.smsWithdrawnAt(), existing.id(), customer.externalId()});
        saved.add(new Saved(customer.externalId(), existing.id(), false));
      }
      // a customer taken over by another shop id at the same moment is not re-keyed: the loser gets a conflict
      int[] changed = template.batchUpdate("update customer set external_id = ?, name = ?, market = ?, locale = ?,"
          + " country = ?, email = ?, phone = ?, currency = ?, consent_email = ?, consent_sms = ?, consent_phone = ?,"
          + " consent_recorded_at = ?, preferred_channel = ?, email_withdrawn_at = ?, sms_withdrawn_at = ?"
          + " where id = ? and (external_id is null or external_id = ?)", updates);
      for (int i = 0; i < changed.length; i++) {
        if (changed[i] == 0) {
          throw new org.springframework.dao.ConcurrencyFailureException("Customer " + updates.get(i)[15]
              + " was taken over by another shop id at the same moment");
        }
      }
      template.batchUpdate("insert into customer (external_id, name, market, locale, country, email, phone,"
              + " yearly_spend, currency, orders_per_year, tier, consent_email, consent_sms, consent_phone,"
              + " consent_recorded_at, preferred_channel) values (?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?)",
          fresh.stream().map(c -> new Object[] {c.externalId(), c.name(), c.market().name(), c.locale().tag(),
              c.country(), CustomerService.emailKey(c.email()), c.phone(), c.market().currency(),
              tiers.tierOf(c.market(), java.math.BigDecimal.ZERO, 0).name(), c.consent().email(), c.consent().sms(),
              c.consent().phone(), consentTime(c), preferred(c, c.consent().email(), c.consent().sms())}).toList());
      fresh.forEach(c -> saved.add(new Saved(c.externalId(), null, true)));
      // a market may have changed: its thresholds decide the tier
      orders.refresh(saved.subList(saved.size() - chunk.size(), saved.size()).stream()
          .filter(s -> !s.created()).map(Saved::id).toList());
      done += chunk.size();
      progress.accept(done);
    }
    return saved;
  }

  private record Known(long id, Timestamp emailWithdrawnAt, Timestamp smsWithdrawnAt) {}

  /** The customers the lines update: by shop id, or taken over by their one e-mail or phone. */
  private Map<String, Known> known(List<FedCustomer> customers) {
    Map<String, Known> known = new HashMap<>();
    for (var chunk : io.aftercare.imports.Chunks.of(customers, 1000)) {
      jdbc.sql("select id, external_id, email_withdrawn_at, sms_withdrawn_at from customer where external_id in (:ids)")
          .param("ids", chunk.stream()
              .map(FedCustomer::externalId).toList())
          .query(rs -> {
            known.put(rs.getString("external_id"), new Known(rs.getLong("id"), rs.getTimestamp("email_withdrawn_at"),
                rs.getTimestamp("sms_withdrawn_at")));
          });
    }
    List<FedCustomer> unknown = customers.stream().filter(c -> !known.containsKey(c.externalId())).toList();
    takeOver(unknown, known, "email", FedCustomer::email);
    takeOver(unknown.stream().filter(c -> !known.containsKey(c.externalId())).toList(), known, "phone",
        FedCustomer::phone);
    return known;
  }

  private void takeOver(List<FedCustomer> unknown, Map<String, Known> known, String column,
      java.util.function.Function<FedCustomer, String> contact) {
    Map<String, List<FedCustomer>> byContact = new HashMap<>();
    unknown.forEach(c -> {
      if (contact.apply(c) != null) {
        byContact.computeIfAbsent(contact.apply(c), k -> new ArrayList<>()).add(c);
      }
    });
    if (byContact.isEmpty()) {
      return;
    }
    Map<String, List<Known>> matches = new HashMap<>();
    List<String> contacts = List.copyOf(byContact.keySet());
    for (var chunk : io.aftercare.imports.Chunks.of(contacts, 1000)) {
      // an exact match, on the column's index
      jdbc.sql("select id, " + column + " as contact, email_withdrawn_at, sms_withdrawn_at from customer"
              + " where external_id is null and anonymised_at is null and " + column + " in (:contacts)")
          .param("contacts", chunk)
          .query(rs -> {
            matches.computeIfAbsent(rs.getString("contact"), k -> new ArrayList<>()).add(new Known(rs.getLong("id"),
                rs.getTimestamp("email_withdrawn_at"), rs.getTimestamp("sms_withdrawn_at")));
          });
    }
    matches.forEach((value, customers) -> {
      List<FedCustomer> fed = byContact.get(value);
      if (customers.size() == 1 && fed.size() == 1) {
        known.put(fed.get(0).externalId(), customers.get(0));
      }
    });
  }

  /** A consent the shop reports stands over a withdrawal here only when recorded after it. */
  private static boolean stands(FedCustomer customer, Timestamp withdrawnAt) {
    return withdrawnAt == null || (customer.consentRecordedAt() != null
        && customer.consentRecordedAt().isAfter(withdrawnAt.toInstant()));
  }

  private static Timestamp consentTime(FedCustomer customer) {
    return Timestamp.from(customer.consentRecordedAt() != null ? customer.consentRecordedAt() : Instant.now());
  }

  private static String preferred(FedCustomer customer, boolean email, boolean sms) {
    Customer.ContactChannel channel = customer.preferredChannel();
    if (channel == Customer.ContactChannel.EMAIL && !email || channel == Customer.ContactChannel.SMS && !sms) {
      return null;
    }
    return channel == null ? null : channel.name();
  }
}
