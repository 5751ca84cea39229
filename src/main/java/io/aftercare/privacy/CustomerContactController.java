package io.aftercare.privacy;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import java.util.List;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one door to a customer's full contact data: a deliberate read for one of the customer's
 * cases with a purpose ("calling back"), logged with who, when, which case and why. Forms and case views show the contact
 * masked; this is the "show contact" action where agents work.
 */
@RestController
@Validated
class CustomerContactController {

  record Contact(long customerId, String name, String email, String phone, String preferredChannel) {}

  private final CustomerService customers;
  private final AccessLog log;
  private final CustomerData cases;

  CustomerContactController(CustomerService customers, AccessLog log, CustomerData cases) {
    this.customers = customers;
    this.log = log;
    this.cases = cases;
  }

  /** The case the read is for must be the customer's: a read needs a case in work, not curiosity. */
  @GetMapping("/api/customers/{id}/contact")
  Contact contact(@PathVariable long id, @RequestParam @NotBlank @Size(max = 200) String purpose,
      @RequestParam @NotBlank @Size(max = 24) String caseNumber, Principal user) {
    Customer customer = customers.find(id).orElseThrow(() -> new NotFoundException("customer", String.valueOf(id)));
    if (!cases.isCustomers(caseNumber, id)) {
      throw new InvalidRequestException(List.of(new FieldProblem("caseNumber", "is not a case of customer " + id)));
    }
    log.record(user.getName(), id, caseNumber, AccessLog.Data.CONTACT, purpose.strip(), AccessLog.Door.API);
    return new Contact(id, customer.name(), customer.email(), customer.phone(),
        customer.preferredChannel() == null ? null : customer.preferredChannel().name());
  }
}
