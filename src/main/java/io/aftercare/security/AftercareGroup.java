package io.aftercare.security;

import java.util.Arrays;
import java.util.Optional;

/** The Camunda groups Aftercare works with; the id is what BPMN candidate groups and filters use. */
public enum AftercareGroup {
  AGENT("agent", "Customer-service agents", "agent"),
  RETURNS("returns", "Returns clerks", "returns"),
  SAFETY("safety", "Product-safety officers", "safety"),
  SUPERVISOR("supervisor", "Supervisors", "supervisor"),
  PROCESS_OWNER("process-owner", "Process owners", "owner"),
  /** The data-protection officer: the access log and a person's requests (export, erasure). */
  PRIVACY("privacy", "Data-protection officers", "privacy"),
  /**
   * The accounts of the brand's back-office systems (PIM, ERP, shop) that feed products, batches,
   * customers and orders; no person works as one, and it sees no case.
   */
  INTEGRATION("integration", "Back-office systems (feeds)", "integration"),
  ADMIN("camunda-admin", "Administrators", "admin");

  private final String id;
  private final String displayName;
  private final String demoUser;

  AftercareGroup(String id, String displayName, String demoUser) {
    this.id = id;
    this.displayName = displayName;
    this.demoUser = demoUser;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** The demo-mode user who is the one member of this group. */
  public String demoUser() {
    return demoUser;
  }

  public static Optional<AftercareGroup> byId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
  }

  /** Every group id, for endpoints any Aftercare user may call. */
  public static String[] allIds() {
    return Arrays.stream(values()).map(AftercareGroup::id).toArray(String[]::new);
  }
}
