package io.aftercare.customer;

import java.time.ZoneId;

/** The markets the brand sells in; each has its own consumer law, regulator, calendar and currency. */
public enum Market {
  CN("CNY", ZoneId.of("Asia/Shanghai")),
  EU("EUR", ZoneId.of("Europe/Paris")),
  US("USD", ZoneId.of("America/New_York"));

  private final String currency;
  private final ZoneId zone;

  Market(String currency, ZoneId zone) {
    this.currency = currency;
    this.zone = zone;
  }

  public String currency() {
    return currency;
  }

  public ZoneId zone() {
    return zone;
  }
}
