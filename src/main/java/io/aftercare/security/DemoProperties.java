package io.aftercare.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode: one user per group, all with {@code password}, plus demo catalogue and customers.
 * On by default (the zero-setup first run); the {@code postgres} profile turns it off.
 */
@ConfigurationProperties("aftercare.demo")
public record DemoProperties(boolean enabled, String password) {

  public DemoProperties {
    if (enabled && (password == null || password.isBlank())) {
      throw new IllegalArgumentException("aftercare.demo.password must not be blank in demo mode");
    }
  }
}
