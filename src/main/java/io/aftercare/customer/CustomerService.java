package io.aftercare.customer;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and finds customers; the tier is always derived by the {@link TierPolicy}. */
@Service
public class CustomerService {

  private static final String COLUMNS = "id, name, market, locale, email, phone, country, yearly_spend,"
      + " orders_per_year, tier, consent_email, consent_sms, consent_phone, preferred_channel";

  private final JdbcClient jdbc;
  private final TierPolicy tiers;

  CustomerService(JdbcClient jdbc, TierPolicy tiers) {
    this.jdbc = jdbc;
    this.tiers = tiers;
  }

  /** Stores a new customer (its id and tier are ignored and set here) and returns it as stored. */
  @Transactional
  public Customer register(Customer customer) {
    CustomerTier tier = tiers.tierOf(customer.market(), customer.yearlySpend(), customer.ordersPerYear());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into customer (name, market, locale, email, phone, yearly_spend, currency,
              orders_per_year, tier, consent_email, consent_sms, consent_phone, consent_recorded_at,
              preferred_channel, country)
            values (:name, :market, :locale, :email, :phone, :spend, :currency, :orders, :tier,
              :consentEmail, :consentSms, :consentPhone, current_timestamp, :preferred, :country)""")
        .param("name", customer.name())
        .param("market", customer.market().name())
        .param("locale", customer.locale().tag())
        .param("email", emailKey(customer.email()))
        .param("phone", customer.phone())
        .param("spend", customer.yearlySpend())
        .param("currency", customer.market().currency())
        .param("orders", customer.ordersPerYear())
        .param("tier", tier.name())
        .param("consentEmail", customer.consent().email())
        .param("consentSms", customer.consent().sms())
        .param("consentPhone", customer.consent().phone())
        .param("preferred", customer.preferredChannel() == null ? null : customer.preferredChannel().name())
        .param("country", customer.country())
        .update(key, "id");
    return find(key.getKey().longValue()).orElseThrow();
  }

  /** What is wrong with a request's customer id (field {@code customer.id}): unknown. */
  public List<FieldProblem> checkReference(Long id) {
    return id != null && find(id).isEmpty() ? List.of(new FieldProblem("customer.id", "is not a known customer"))
        : List.of();
  }

  public Optional<Customer> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from customer where id = ?").param(id)
        .query((rs, row) -> new Customer(
            rs.getLong("id"),
            rs.getString("name"),
            Market.valueOf(rs.getString("market")),
            CustomerLocale.of(rs.getString("locale")),
            rs.getString("email"),
            rs.getString("phone"),
            rs.getBigDecimal("yearly_spend"),
            rs.getInt("orders_per_year"),
            CustomerTier.valueOf(rs.getString("tier")),
            new Customer.Consent(rs.getBoolean("consent_email"), rs.getBoolean("consent_sms"),
                rs.getBoolean("consent_phone")),
            rs.getString("preferred_channel") == null ? null
                : Customer.ContactChannel.valueOf(rs.getString("preferred_channel")),
            rs.getString("country")))
        .optional();
  }

  /**
   * The one customer with this e-mail address or phone number (spaces and dashes ignored); empty
   * when there is none or more than one, so that a case is never tied to the wrong person.
   */
  public Optional<Customer> findByContact(String contact) {
    java.util.List<Long> ids = withContact(contact);
    return ids.size() == 1 ? find(ids.get(0)) : Optional.empty();
  }

  /** Whether any customer (one or more) has this e-mail address or phone number. */
  public boolean hasContact(String contact) {
    return !withContact(contact).isEmpty();
  }

  private java.util.List<Long> withContact(String contact) {
    if (contact == null || contact.isBlank()) {
      return java.util.List.of();
    }
    String value = contact.trim();
    return value.contains("@")
        ? jdbc.sql("select id from customer where email = ?").param(emailKey(value)).query(Long.class).list()
        : jdbc.sql("select id from customer where phone = ?").param(value.replaceAll("[\\s-]", ""))
            .query(Long.class).list();
  }

  /**
   * The customer with this id, or the one with this e-mail or phone, or a new customer with the
   * given data. A new customer has agreed to service messages about their case on the contact they
   * gave us.
   */
  @Transactional
  public Customer findOrRegister(Long id, String name, String email, String phone, Market market,
      CustomerLocale locale) {
    return findOrRegister(id, name, email, phone, market, locale, null);
  }

  /** As above; a known customer without a recorded country takes the one given. */
  @Transactional
  public Customer findOrRegister(Long id, String name, String email, String phone, Market market,
      CustomerLocale locale, String country) {
    Optional<Customer> known = id != null ? Optional.of(find(id).orElseThrow(() -> new IllegalArgumentException(
        "No customer " + id))) : findByContact(email).or(() -> findByContact(phone));
    if (known.isPresent()) {
      if (country != null && known.get().country() == null) {
        jdbc.sql("update customer set country = ? where id = ?").params(country, known.get().id()).update();
        return find(known.get().id()).orElseThrow();
      }
      return known.get();
    }
    boolean hasEmail = email != null && !email.isBlank();
    boolean hasPhone = phone != null && !phone.isBlank();
    return register(new Customer(null, name, market, locale, hasEmail ? email.trim() : null,
        hasPhone ? phone.replaceAll("[\\s-]", "") : null, BigDecimal.ZERO, 0, null,
        new Customer.Consent(hasEmail, hasPhone, hasPhone),
        hasEmail ? Customer.ContactChannel.EMAIL : Customer.ContactChannel.SMS, country));
  }

  /**
   * An e-mail address as stored and looked up: trimmed and in lower case (Flyway V21 brought the
   * addresses stored before to it), so that finding a customer by e-mail uses the index on
   * {@code customer.email} on every database instead of reading every customer.
   */
  public static String emailKey(String email) {
    return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean existsWithEmail(String email) {
    return jdbc.sql("select count(*) from customer where email = ?").param(emailKey(email))
        .query(Integer.class).single() > 0;
  }

  static Customer newCustomer(String name, Market market, CustomerLocale locale, String email,
      String phone, BigDecimal spend, int orders, Customer.Consent consent,
      Customer.ContactChannel preferred, String country) {
    return new Customer(null, name, market, locale, email, phone, spend, orders, null, consent, preferred, country);
  }

  /**
   * The secret of the customer's unsubscribe link (created at their first e-mail): whoever holds
   * it may withdraw the customer's consent to e-mail, without logging in.
   */
  @Transactional
  public String unsubscribeToken(long customerId) {
    String token = jdbc.sql("select unsubscribe_token from customer where id = ?").param(customerId)
        .query(String.class).optional().orElse(null);
    if (token == null) {
      token = java.util.UUID.randomUUID().toString().replace("-", "")
          + Long.toHexString(new java.security.SecureRandom().nextLong());
      jdbc.sql("update customer set unsubscribe_token = ? where id = ? and unsubscribe_token is null")
          .params(token, customerId).update();
      token = jdbc.sql("select unsubscribe_token from customer where id = ?").param(customerId)
          .query(String.class).single();
    }
    return token;
  }

  public Optional<Long> byUnsubscribeToken(String token) {
    return jdbc.sql("select id from customer where unsubscribe_token = ?").param(token).query(Long.class).optional();
  }

  /**
   * Records that the customer withdrew consent to non-essential messages on the channel (the
   * first withdrawal's moment is kept); messages the case legally needs still go out.
   */
  @Transactional
  public void withdraw(long customerId, Customer.ContactChannel channel, java.time.Instant at) {
    String column = switch (channel) {
      case EMAIL -> "consent_email = false, email_withdrawn_at = coalesce(email_withdrawn_at, ?)";
      case SMS -> "consent_sms = false, sms_withdrawn_at = coalesce(sms_withdrawn_at, ?)";
      case PHONE -> "consent_phone = false, consent_recorded_at = ?";
    };
    jdbc.sql("update customer set " + column + " where id = ?")
        .params(java.sql.Timestamp.from(at), customerId).update();
  }

  /**
   * The customers with this mobile number (a TD/STOP reply names only the number), whether the
   * gateway writes it with {@code +}, with {@code 00} or with neither.
   */
  public java.util.List<Long> withPhone(String phone) {
    String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "").replaceFirst("^00", "");
    return digits.isEmpty() ? java.util.List.of() : jdbc.sql("select id from customer where phone in (?, ?)")
        .params("+" + digits, digits).query(Long.class).list();
  }
}
