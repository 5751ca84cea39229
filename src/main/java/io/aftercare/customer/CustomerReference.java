package io.aftercare.customer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The customer part of an intake request (complaint, return): a known customer by id, or a
 * customer by name, contact, market and language, matched or registered by
 * {@link CustomerService#findOrRegister}. {@code country}: for EU customers, the country whose
 * calendar counts their legal periods.
 */
public record CustomerReference(
    Long id,
    @Size(max = 200) String name,
    @Pattern(regexp = "\\+?[0-9 -]{6,20}", message = "must be a phone number, e.g. +8613800000001") String phone,
    @Email @Size(max = 254) String email,
    Market market,
    CustomerLocale locale,
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code, e.g. FR") String country) {

  @AssertTrue(message = "must give an id, or a name, an e-mail or phone, a market and a locale")
  public boolean isIdentified() {
    return id != null || (name != null && !name.isBlank() && market != null && locale != null
        && ((email != null && !email.isBlank()) || (phone != null && !phone.isBlank())));
  }
}
