package io.aftercare.complaint;

import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.Market;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint as it comes in, from the API or the Tasklist start form: who, what product, how it
 * was bought, what happened. The customer is known by id or by name and contact.
 */
public record ComplaintRegistration(
    String intakeChannel,
    Long customerId,
    String customerName,
    String customerEmail,
    String customerPhone,
    Market market,
    CustomerLocale locale,
    String sku,
    String batch,
    String orderNumber,
    String purchaseChannel,
    LocalDate purchaseDate,
    String description,
    List<Attachment> attachments) {

  /** A link to evidence (photo, proof of purchase). */
  public record Attachment(String name, String url) {}
}
