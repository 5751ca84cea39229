package io.aftercare.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The administrator (group camunda-admin) created at start when missing. */
@Validated
@ConfigurationProperties("aftercare.admin")
public record AdminProperties(
    @NotBlank String id,
    String password) {

  /** Checked when the administrator is created here (not with the company directory). */
  static final String MISSING_PASSWORD = "aftercare.admin.password is missing: set the environment variable"
      + " AFTERCARE_ADMIN_PASSWORD to the administrator's password (there is no default outside demo mode)";
}
