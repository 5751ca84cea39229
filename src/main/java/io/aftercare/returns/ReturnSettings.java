package io.aftercare.returns;

import io.aftercare.customer.Market;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Return settings ({@code aftercare.returns}): the payment gateway that refunds, the fulfilment
 * service that ships replacements, and where customers send their parcels, per market.
 */
@ConfigurationProperties("aftercare.returns")
public record ReturnSettings(Partner payment, Partner fulfilment, Map<Market, String> returnAddress) {

  /** An outside system reached over HTTP; no URL means none is configured (the step fails and retries). */
  public record Partner(String url, Duration timeout) {
    public Partner {
      url = url == null ? "" : url.replaceAll("/+$", "");
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
  }

  public ReturnSettings {
    payment = payment == null ? new Partner(null, null) : payment;
    fulfilment = fulfilment == null ? new Partner(null, null) : fulfilment;
    returnAddress = returnAddress == null ? Map.of() : returnAddress;
  }

  public String returnAddress(Market market) {
    return returnAddress.getOrDefault(market, "");
  }
}
