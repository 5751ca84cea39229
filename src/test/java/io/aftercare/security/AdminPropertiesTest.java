package io.aftercare.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/**
 * Production has no default administrator password: start-up stops and says what to set (with the
 * company directory no administrator is created here: LdapDirectoryIT).
 */
class AdminPropertiesTest {

  private final IdentityService identity = mock(IdentityService.class);
  private final AuthorizationService authorizations = mock(AuthorizationService.class);

  @Test
  void startupStopsWhenTheAdminPasswordIsMissing() {
    when(identity.isReadOnly()).thenReturn(false);
    IdentitySetup setup = new IdentitySetup(identity, authorizations, new AdminProperties("admin", ""),
        new DemoProperties(false, null));

    assertThatThrownBy(() -> setup.run(null))
        .hasMessageContaining("aftercare.admin.password")
        .hasMessageContaining("AFTERCARE_ADMIN_PASSWORD");
  }
}
