package io.aftercare.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Production has no default administrator password: start-up stops and says what to set. */
class AdminPropertiesTest {

  @Configuration
  @EnableConfigurationProperties(AdminProperties.class)
  static class WithAdmin {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(WithAdmin.class);

  @Test
  void startupStopsWhenTheAdminPasswordIsMissing() {
    context.withPropertyValues("aftercare.admin.id=admin", "aftercare.admin.password=")
        .run(started -> {
          assertThat(started).hasFailed();
          assertThat(started.getStartupFailure()).rootCause()
              .hasMessageContaining("aftercare.admin.password")
              .hasMessageContaining("AFTERCARE_ADMIN_PASSWORD");
        });
  }

  @Test
  void startsWithAnAdminPassword() {
    context.withPropertyValues("aftercare.admin.id=admin", "aftercare.admin.password=s3cret!")
        .run(started -> assertThat(started).hasNotFailed()
            .getBean(AdminProperties.class).extracting(AdminProperties::password).isEqualTo("s3cret!"));
  }
}
