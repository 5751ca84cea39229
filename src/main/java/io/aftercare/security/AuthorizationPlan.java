package io.aftercare.security;

import static io.aftercare.security.AftercareGroup.AGENT;
import static io.aftercare.security.AftercareGroup.PROCESS_OWNER;
import static io.aftercare.security.AftercareGroup.RETURNS;
import static io.aftercare.security.AftercareGroup.SAFETY;
import static io.aftercare.security.AftercareGroup.SUPERVISOR;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * Which group may do what in the engine. Task access itself follows candidate groups: the engine
 * grants a task's candidate group READ and TASK_WORK on that task when it is created.
 */
final class AuthorizationPlan {

  /** One grant: a group gets these permissions on a resource (a resource id or {@code *}). */
  record Grant(AftercareGroup group, Resource resource, String resourceId, List<Permission> permissions) {}

  /** The customer-facing processes each working group may start (process definition keys). */
  static final Map<AftercareGroup, List<String>> STARTABLE = Map.of(
      AGENT, List.of("complaintHandling", "callbackFollowUp", "generalEnquiry", "adverseReactionReport", "returnExchange"),
      RETURNS, List.of("returnExchange"),
      SAFETY, List.of("adverseReactionReport"));

  private AuthorizationPlan() {}

  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (AftercareGroup group : List.of(AGENT, RETURNS, SAFETY)) {
      grants.add(grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
      for (String key : STARTABLE.get(group)) {
        // the team works the cases of its processes: it reads them and passes them messages
        // (e.g. the customer's evidence), besides the tasks offered to it
        grants.add(grant(group, Resources.PROCESS_DEFINITION, key,
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE));
      }
    }

    grants.add(grant(SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(grant(SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(grant(SUPERVISOR, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY));
    grants.add(grant(SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
        ProcessInstancePermissions.CREATE));
    // supervisors may open any case the teams open (e.g. a complaint escalated to them directly)
    STARTABLE.values().stream().flatMap(List::stream).distinct().forEach(key ->
        grants.add(grant(SUPERVISOR, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_INSTANCE)));
    grants.add(grant(SUPERVISOR, Resources.TASK, ANY, TaskPermissions.READ));
    grants.add(grant(SUPERVISOR, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
    grants.add(grant(SUPERVISOR, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
        HistoricProcessInstancePermissions.READ));
    grants.add(grant(SUPERVISOR, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.READ_HISTORY));
    grants.add(grant(SUPERVISOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    grants.add(grant(SUPERVISOR, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(grant(SUPERVISOR, Resources.DASHBOARD, ANY, Permissions.READ));
    grants.add(grant(SUPERVISOR, Resources.REPORT, ANY, Permissions.READ));

    // Process owners deploy (Camunda Modeler uses /engine-rest/deployment/create), watch and
    // migrate what runs, and suspend a faulty version.
    grants.add(grant(PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(grant(PROCESS_OWNER, Resources.DEPLOYMENT, ANY,
        Permissions.CREATE, Permissions.READ, Permissions.DELETE));
    grants.add(grant(PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.UPDATE,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE));
    grants.add(grant(PROCESS_OWNER, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
    grants.add(grant(PROCESS_OWNER, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
        HistoricProcessInstancePermissions.READ));
    grants.add(grant(PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE));
    grants.add(grant(PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    grants.add(grant(PROCESS_OWNER, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES));
    grants.add(grant(PROCESS_OWNER, Resources.DASHBOARD, ANY, Permissions.READ));
    grants.add(grant(PROCESS_OWNER, Resources.REPORT, ANY, Permissions.READ));

    // Administrators: everything, as Camunda's own admin set-up does.
    for (Resources resource : Resources.values()) {
      grants.add(grant(AftercareGroup.ADMIN, resource, ANY, Permissions.ALL));
    }
    return grants;
  }

  private static Grant grant(AftercareGroup group, Resource resource, String id, Permission... permissions) {
    return new Grant(group, resource, id, List.of(permissions));
  }
}
