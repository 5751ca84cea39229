package io.aftercare.customer;

import static io.aftercare.customer.CustomerService.newCustomer;

import io.aftercare.security.DemoData;
import io.aftercare.security.DemoProperties;
import io.aftercare.security.StartupOrder;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: customers of every tier in each market, so that a first run has someone to
 * open cases for. Added once (matched by e-mail). Contact data is fictitious.
 */
@Component
@Order(StartupOrder.DEMO_DATA)
class DemoCustomers implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCustomers.class);
  private static final Customer.Consent ALL = new Customer.Consent(true, true, true);
  private static final Customer.Consent EMAIL_ONLY = new Customer.Consent(true, false, false);
  private static final Customer.Consent SMS_AND_PHONE = new Customer.Consent(false, true, true);

  static final List<Customer> CUSTOMERS = List.of(
      newCustomer("王丽", Market.CN, CustomerLocale.ZH_CN, "wang.li@example.cn", "+8613800000001",
          new BigDecimal("12800.00"), 15, ALL, Customer.ContactChannel.SMS, null),
      newCustomer("陈静", Market.CN, CustomerLocale.ZH_CN, "chen.jing@example.cn", "+8613800000002",
          new BigDecimal("2600.00"), 5, SMS_AND_PHONE, Customer.ContactChannel.SMS, null),
      newCustomer("刘洋", Market.CN, CustomerLocale.ZH_CN, "liu.yang@example.cn", "+8613800000003",
          new BigDecimal("329.00"), 1, EMAIL_ONLY, Customer.ContactChannel.EMAIL, null),
      newCustomer("Sophie Martin", Market.EU, CustomerLocale.EN, "sophie.martin@example.fr",
          "+33600000001", new BigDecimal("1450.00"), 14, ALL, Customer.ContactChannel.EMAIL, "FR"),
      newCustomer("Lukas Schneider", Market.EU, CustomerLocale.EN, "lukas.schneider@example.de",
          "+4915100000002", new BigDecimal("310.00"), 3, EMAIL_ONLY, Customer.ContactChannel.EMAIL, "DE"),
      newCustomer("Giulia Rossi", Market.EU, CustomerLocale.EN, "giulia.rossi@example.it",
          "+393400000003", new BigDecimal("45.90"), 1, SMS_AND_PHONE, Customer.ContactChannel.SMS, "IT"),
      newCustomer("Emily Johnson", Market.US, CustomerLocale.EN, "emily.johnson@example.com",
          "+12025550101", new BigDecimal("1890.00"), 18, ALL, Customer.ContactChannel.EMAIL, null),
      newCustomer("Michael Brown", Market.US, CustomerLocale.EN, "michael.brown@example.com",
          "+12025550102", new BigDecimal("420.00"), 4, ALL, Customer.ContactChannel.SMS, null),
      newCustomer("张伟", Market.US, CustomerLocale.ZH_CN, "zhang.wei@example.com",
          "+12025550103", new BigDecimal("64.00"), 1, EMAIL_ONLY, Customer.ContactChannel.EMAIL, null));

  private final CustomerService customers;
  private final DemoProperties demo;

  DemoCustomers(CustomerService customers, DemoProperties demo) {
    this.customers = customers;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demo.enabled()) {
      return;
    }
    DemoData.addMissing(LOG, "demo customers", CUSTOMERS,
        c -> customers.existsWithEmail(c.email()), customers::register);
  }
}
