package io.aftercare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareIT;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A customer is found by e-mail whatever the case it is written in: addresses are stored in lower
 * case (so the lookup uses the index on customer.email; Flyway V21 lowered those stored before).
 */
@AftercareIT
class CustomerLookupIT {

  @Autowired CustomerService customers;

  @Test
  void anEmailFindsItsCustomerWhateverItsCase() {
    String local = "Sophie.Martin." + UUID.randomUUID().toString().substring(0, 8);
    Customer registered = customers.findOrRegister(null, "Sophie Martin", " " + local + "@Example.FR ", null,
        Market.EU, CustomerLocale.EN);

    assertThat(registered.email()).isEqualTo(local.toLowerCase() + "@example.fr");
    assertThat(customers.findByContact(local.toUpperCase() + "@EXAMPLE.FR")).map(Customer::id)
        .contains(registered.id());
    assertThat(customers.findOrRegister(null, "S. Martin", local.toLowerCase() + "@example.fr", null, Market.EU,
        CustomerLocale.EN).id()).isEqualTo(registered.id());
    assertThat(customers.existsWithEmail(local + "@example.FR")).isTrue();
  }
}
