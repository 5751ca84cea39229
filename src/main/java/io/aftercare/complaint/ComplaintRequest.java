package io.aftercare.complaint;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.Market;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
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
    @NotNull @Valid CustomerPart customer,
    @NotNull @Valid ProductPart product,
    @NotNull @Valid PurchasePart purchase,
    @NotBlank @Size(max = 4000) String description,
    @Size(max = 20) List<@Valid AttachmentPart> attachments) {

  public enum IntakeChannel {
    PHONE, WEB, WECHAT, APP, STORE, SOCIAL, EMAIL;

    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase();
    }
  }

  public enum PurchaseChannel {
    ONLINE, STORE;

    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase();
    }
  }

  /** A known customer by id, or a customer by name, contact, market and language. */
  public record CustomerPart(
      Long id,
      @Size(max = 200) String name,
      @Pattern(regexp = "\\+?[0-9 -]{6,20}", message = "must be a phone number, e.g. +8613800000001") String phone,
      @Email @Size(max = 254) String email,
      Market market,
      CustomerLocale locale) {

    @AssertTrue(message = "must give an id, or a name, an e-mail or phone, a market and a locale")
    public boolean isIdentified() {
      return id != null || (name != null && !name.isBlank() && market != null && locale != null
          && ((email != null && !email.isBlank()) || (phone != null && !phone.isBlank())));
    }
  }

  public record ProductPart(
      @NotBlank @Size(max = 32) String sku,
      @Size(max = 32) String batch) {}

  public record PurchasePart(
      @Size(max = 64) String orderNumber,
      @NotNull PurchaseChannel channel,
      @NotNull @PastOrPresent LocalDate date) {}

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
