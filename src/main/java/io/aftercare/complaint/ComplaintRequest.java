package io.aftercare.complaint;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.customer.CustomerReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/complaints}. */
public record ComplaintRequest(
    @NotNull IntakeChannel channel,
    @NotNull @Valid CustomerReference customer,
    @NotNull @Valid ProductPart product,
    @NotNull @Valid PurchasePart purchase,
    @NotBlank @Size(max = 4000) String description,
    @Size(max = 20) List<@NotNull @Valid AttachmentPart> attachments) {

  public enum PurchaseChannel {
    ONLINE, STORE;

    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase();
    }
  }

  public record ProductPart(
      @NotBlank @Size(max = 32) String sku,
      @Size(max = 32) String batch) {}

  public record PurchasePart(
      @Size(max = 64) String orderNumber,
      @NotNull PurchaseChannel channel,
      // may be left out when orderNumber names an order the shop sent: its day is taken
      @PastOrPresent LocalDate date) {}

  public record AttachmentPart(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String url) {}

  ComplaintRegistration toRegistration() {
    return new ComplaintRegistration(channel.toString(), customer.id(), customer.name(), customer.email(),
        customer.phone(), customer.market(), customer.locale(), product.sku().trim().toUpperCase(),
        product.batch(), purchase.orderNumber(), purchase.channel().toString(), purchase.date(), description,
        attachments == null ? List.of()
            : attachments.stream().map(a -> new ComplaintRegistration.Attachment(a.name(), a.url())).toList());
  }
}
