package io.aftercare.customer;

import java.math.BigDecimal;

/**
 * A customer as Aftercare knows them: market, language, value tier, contact data and consent, and
 * for the EU their country (ISO 3166-1 alpha-2), whose calendar counts their legal periods.
 */
public record Customer(
    Long id,
    String name,
    Market market,
    CustomerLocale locale,
    String email,
    String phone,
    BigDecimal yearlySpend,
    int ordersPerYear,
    CustomerTier tier,
    Consent consent,
    ContactChannel preferredChannel,
    String country) {

  /** A customer whose country is not recorded (outside the EU it is not needed). */
  public Customer(Long id, String name, Market market, CustomerLocale locale, String email, String phone,
      BigDecimal yearlySpend, int ordersPerYear, CustomerTier tier, Consent consent, ContactChannel preferredChannel) {
    this(id, name, market, locale, email, phone, yearlySpend, ordersPerYear, tier, consent, preferredChannel, null);
  }

  /** What the customer agreed to be contacted by. */
  public record Consent(boolean email, boolean sms, boolean phone) {}

  public enum ContactChannel { EMAIL, SMS, PHONE }
}
