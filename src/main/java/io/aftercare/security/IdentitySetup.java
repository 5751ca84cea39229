package io.aftercare.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates Aftercare's groups, their authorizations, the administrator and (demo mode only) one demo
 * user per group. Idempotent: safe on every start.
 */
@Component
@Order(StartupOrder.IDENTITY)
class IdentitySetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final AdminProperties admin;
  private final DemoProperties demo;

  IdentitySetup(IdentityService identity, AuthorizationService authorizations,
      AdminProperties admin, DemoProperties demo) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.admin = admin;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      ensureAll();
    } catch (RuntimeException firstTry) {
      // Another node sharing the database may have created the same group or user a moment
      // earlier (a duplicate key here); a second pass finds them and only adds what is missing.
      LOG.warn("Identity set-up collided ({}); checking again", firstTry.getMessage());
      ensureAll();
    }
  }

  private void ensureAll() {
    for (AftercareGroup group : AftercareGroup.values()) {
      ensureGroup(group);
    }
    for (AuthorizationPlan.Grant grant : AuthorizationPlan.grants()) {
      ensureGrant(grant);
    }
    ensureUser(admin.id(), "Aftercare", "Administrator", admin.password(), AftercareGroup.ADMIN);
    if (demo.enabled()) {
      for (AftercareGroup group : AftercareGroup.values()) {
        if (group != AftercareGroup.ADMIN) {
          ensureUser(group.demoUser(), "Demo", group.displayName(), demo.password(), group);
        }
      }
    }
  }

  private void ensureGroup(AftercareGroup group) {
    if (identity.createGroupQuery().groupId(group.id()).count() == 0) {
      Group created = identity.newGroup(group.id());
      created.setName(group.displayName());
      created.setType("WORKFLOW");
      identity.saveGroup(created);
      LOG.info("Created group {}", group.id());
    }
  }

  private void ensureUser(String id, String firstName, String lastName, String password,
      AftercareGroup group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      user.setEmail(id + "@aftercare.invalid");
      identity.saveUser(user);
      LOG.info("Created user {}", id);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group.id()).count() == 0) {
      identity.createMembership(id, group.id());
    }
  }

  /** Creates the grant, or adds the permissions it lacks to an existing one. */
  private void ensureGrant(AuthorizationPlan.Grant grant) {
    List<Authorization> existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(grant.group().id())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .list();
    Authorization authorization;
    boolean missing = existing.isEmpty();
    if (missing) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.group().id());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else {
      authorization = existing.get(0);
    }
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
