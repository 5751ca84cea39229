package io.aftercare.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The administrator (group camunda-admin) created at start when missing. */
@Validated
@ConfigurationProperties("aftercare.admin")
public record AdminProperties(
    @NotBlank String id,
    @NotBlank(message = "is missing: set the environment variable AFTERCARE_ADMIN_PASSWORD"
        + " to the administrator's password (there is no default outside demo mode)")
    String password) {}
