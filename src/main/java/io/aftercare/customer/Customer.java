package io.aftercare.customer;

import java.math.BigDecimal;

/** A customer as Aftercare knows them: market, language, value tier, contact data and consent. */
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
    ContactChannel preferredChannel) {

  /** What the customer agreed to be contacted by. */
  public record Consent(boolean email, boolean sms, boolean phone) {}

  public enum ContactChannel { EMAIL, SMS, PHONE }
}
