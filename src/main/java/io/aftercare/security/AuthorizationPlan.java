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
 * Which group may do what in the engine, through every door that reaches it ({@code /engine-rest},
 * Tasklist, Cockpit). Specific variable permissions are enforced ({@code
 * enforceSpecificVariablePermission}): reading a case does not read its variables.
 * <ul>
 * <li>Tasks are granted per process definition, not per task ({@link TaskAccessPlugin}): a team
 * reads the tasks of the processes it works and their variables, which carry identifiers and
 * masked names only (contact and health data live in the application's tables; see {@code
 * io.aftercare.privacy}); it works those offered to it.</li>
 * <li>A team reads the cases of its own processes (not their variables) and starts only the
 * processes whose first step checks the start form by the API's rules (agents: complaint, enquiry,
 * a care call; safety: a reaction by phone); returns start through {@code /api} only. A user starts
 * nothing in the middle of a process and passes no message ({@code TasklistStarts}).</li>
 * <li>Supervisors read everything, variables included, and change nothing outside their tasks.</li>
 * <li>Process owners see definitions, counts and incidents, deploy, suspend and migrate; no
 * variable of any case.</li>
 * <li>Only {@code camunda-admin} changes a running case's variables outside its task forms.</li>
 * </ul>
 */
final class AuthorizationPlan {

  /** One grant: a group gets these permissions on a resource (a resource id or {@code *}). */
  record Grant(AftercareGroup group, Resource resource, String resourceId, List<Permission> permissions) {}

  /** The processes each working group may start from Tasklist or {@code /engine-rest}. */
  static final Map<AftercareGroup, List<String>> STARTABLE = Map.of(
      AGENT, List.of("complaintHandling", "generalEnquiry", "callbackFollowUp"),
      RETURNS, List.of(),
      SAFETY, List.of("adverseReactionReport"));

  /** The processes whose cases (not their variables) each working group reads. */
  static final Map<AftercareGroup, List<String>> WORKED = Map.of(
      AGENT, List.of("complaintHandling", "callbackFollowUp", "generalEnquiry"),
      // an enquiry may be handed over to the returns or the safety team
      RETURNS, List.of("returnExchange", "generalEnquiry"),
      SAFETY, List.of("adverseReactionReport", "generalEnquiry"));

  private AuthorizationPlan() {}

  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (AftercareGroup group : List.of(AGENT, RETURNS, SAFETY)) {
      grants.add(grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      if (!STARTABLE.get(group).isEmpty()) {
        grants.add(grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
      }
      for (String key : WORKED.get(group)) {
        // the tasks of the process: read, work (those offered to the team: TaskAccessPlugin), and
        // their variables (identifiers and masked names only)
        List<Permission> permissions = new ArrayList<>(List.of(ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_TASK_VARIABLE));
        if (STARTABLE.get(group).contains(key)) {
          permissions.add(ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        grants.add(new Grant(group, Resources.PROCESS_DEFINITION, key, List.copyOf(permissions)));
      }
    }

    grants.add(grant(SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(grant(SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    // supervisors work the tasks offered to them in any process (approvals, escalations)
    grants.add(grant(SUPERVISOR, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.TASK_WORK));
    grants.add(grant(SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
        ProcessInstancePermissions.CREATE));
    // supervisors may open a complaint or an enquiry as the teams do (e.g. one escalated to them)
    STARTABLE.get(AGENT).forEach(key ->
        grants.add(grant(SUPERVISOR, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE)));
    grants.add(grant(SUPERVISOR, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_VARIABLE));
    grants.add(grant(SUPERVISOR, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ,
        HistoricTaskPermissions.READ_VARIABLE));
    grants.add(grant(SUPERVISOR, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
        HistoricProcessInstancePermissions.READ));
    grants.add(grant(SUPERVISOR, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.READ_HISTORY));
    grants.add(grant(SUPERVISOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    grants.add(grant(SUPERVISOR, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(grant(SUPERVISOR, Resources.DASHBOARD, ANY, Permissions.READ));
    grants.add(grant(SUPERVISOR, Resources.REPORT, ANY, Permissions.READ));

    // Process owners deploy (Camunda Modeler uses /engine-rest/deployment/create), watch and
    // migrate what runs, and suspend a faulty version: counts, incidents and business keys, no
    // variables (READ_INSTANCE and READ_HISTORY do not read variables when they are enforced).
    grants.add(grant(PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(grant(PROCESS_OWNER, Resources.DEPLOYMENT, ANY,
        Permissions.CREATE, Permissions.READ, Permissions.DELETE));
    // moving running cases goes through /api/processes/{key}/migration (no variables can be set
    // there); Camunda's migration API would let a plan set any variable of any case
    grants.add(grant(PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.UPDATE));
    grants.add(grant(PROCESS_OWNER, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
    grants.add(grant(PROCESS_OWNER, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
        HistoricProcessInstancePermissions.READ));
    // decisions: read and try them, not their history (its inputs are cases' data, e.g. the
    // seriousness criteria of a reaction)
    grants.add(grant(PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.CREATE_INSTANCE));
    grants.add(grant(PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    grants.add(grant(PROCESS_OWNER, Resources.DASHBOARD, ANY, Permissions.READ));
    grants.add(grant(PROCESS_OWNER, Resources.REPORT, ANY, Permissions.READ));

    // The data-protection officer works in /api (the access log, a person's requests): no engine door.

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
