package io.aftercare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.CustomerTier;
import io.aftercare.customer.Market;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The customer's preferred channel when they consented to it, else one they consented to, else none. */
class ChannelChoiceTest {

  @Test
  void preferredConsentedChannelWins() {
    assertThat(Notifications.preferredChannel(customer(Customer.ContactChannel.SMS, true, true))).isEqualTo(Channel.SMS);
    assertThat(Notifications.preferredChannel(customer(Customer.ContactChannel.EMAIL, true, true))).isEqualTo(Channel.EMAIL);
  }

  @Test
  void withoutConsentForThePreferredChannelAnotherConsentedOneIsUsed() {
    assertThat(Notifications.preferredChannel(customer(Customer.ContactChannel.SMS, true, false))).isEqualTo(Channel.EMAIL);
    assertThat(Notifications.preferredChannel(customer(Customer.ContactChannel.PHONE, false, true))).isEqualTo(Channel.SMS);
  }

  @Test
  void noConsentNoChannel() {
    assertThat(Notifications.preferredChannel(customer(Customer.ContactChannel.EMAIL, false, false))).isNull();
  }

  private static Customer customer(Customer.ContactChannel preferred, boolean email, boolean sms) {
    return new Customer(1L, "Giulia Rossi", Market.EU, CustomerLocale.EN, "giulia@example.it", "+393400000003",
        BigDecimal.TEN, 1, CustomerTier.LOW, new Customer.Consent(email, sms, true), preferred);
  }
}
