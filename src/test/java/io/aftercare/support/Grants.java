package io.aftercare.support;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;

/** Grants on a process definition that tests and benchmarks give their own processes' users and groups. */
public final class Grants {

  private Grants() {}

  /** A grant of {@code permissions} on {@code processKey} to a user or a group (the other null): its id. */
  public static String onProcess(AuthorizationService authorizations, String userId, String groupId, String processKey,
      Permission... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setGroupId(groupId);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(processKey);
    grant.setPermissions(permissions);
    return authorizations.saveAuthorization(grant).getId();
  }

  /** {@link #onProcess}, unless the user or group has a grant on {@code processKey} already (a kept benchmark database). */
  public static void onProcessOnce(AuthorizationService authorizations, String userId, String groupId,
      String processKey, Permission... permissions) {
    long existing = (userId != null
        ? authorizations.createAuthorizationQuery().userIdIn(userId)
        : authorizations.createAuthorizationQuery().groupIdIn(groupId))
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(processKey).count();
    if (existing == 0) {
      onProcess(authorizations, userId, groupId, processKey, permissions);
    }
  }
}
