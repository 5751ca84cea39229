package io.aftercare.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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
    if (identity.isReadOnly()) {
      // the company directory (DirectoryLogin) holds users, groups and memberships; the grants on
      // Aftercare's group ids are still Camunda's, kept here
      reconcileGrants();
      LOG.info("Users and groups come from the company directory; no administrator or demo user is created");
      return;
    }
    if (admin.password() == null || admin.password().isBlank()) {
      throw new IllegalStateException(AdminProperties.MISSING_PASSWORD);
    }
    for (AftercareGroup group : AftercareGroup.values()) {
      ensureGroup(group);
    }
    reconcileGrants();
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

  /**
   * Makes the group grants on the resources the plan manages exactly the plan's: a grant gets the
   * permissions it lacks and loses those the plan no longer gives, and a grant the plan dropped is
   * deleted (a narrowed plan takes effect on the next start). Grants the engine gives on single
   * tasks, and grants on resources the plan gives no working group (e.g. Tasklist filters), stay.
   */
  private void reconcileGrants() {
    List<AuthorizationPlan.Grant> plan = AuthorizationPlan.grants();
    for (AuthorizationPlan.Grant grant : plan) {
      ensureGrant(grant);
    }
    // every resource type the plan gives a group other than the administrators (whose grants
    // cover every type, Tasklist filters included)
    Set<Integer> managed = plan.stream().filter(g -> g.group() != AftercareGroup.ADMIN)
        .map(g -> g.resource().resourceType()).collect(Collectors.toSet());
    for (AftercareGroup group : AftercareGroup.values()) {
      for (Authorization existing : authorizations.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group.id()).list()) {
        boolean planned = plan.stream().anyMatch(g -> g.group() == group
            && g.resource().resourceType() == existing.getResourceType() && g.resourceId().equals(existing.getResourceId()));
        boolean singleTask = existing.getResourceType() == Resources.TASK.resourceType()
            && !Authorization.ANY.equals(existing.getResourceId());
        if (!planned && !singleTask && managed.contains(existing.getResourceType())) {
          authorizations.deleteAuthorization(existing.getId());
          LOG.info("Removed grant of {} on {} {} (no longer in the plan)", group.id(), existing.getResourceType(),
              existing.getResourceId());
        }
      }
    }
  }

  /** Creates the grant, or sets an existing one's permissions to exactly the planned ones. */
  private void ensureGrant(AuthorizationPlan.Grant grant) {
    List<Authorization> existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(grant.group().id())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .list();
    Authorization authorization;
    if (existing.isEmpty()) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.group().id());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else {
      authorization = existing.get(0);
    }
    int planned = grant.permissions().stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    if (existing.isEmpty() || ((AuthorizationEntity) authorization).getPermissions() != planned) {
      authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
      authorizations.saveAuthorization(authorization);
    }
  }
}
