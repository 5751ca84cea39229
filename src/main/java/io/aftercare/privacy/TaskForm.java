package io.aftercare.privacy;

import java.util.List;

/**
 * A task form being opened: the task, its process and case, and who opens it (their groups decide
 * what the form may show).
 */
public record TaskForm(String taskId, String processDefinitionKey, String taskDefinitionKey, String caseNumber,
    Long customerId, String userId, List<String> groupIds) {

  public boolean openedByAnyOf(String... groups) {
    for (String group : groups) {
      if (groupIds.contains(group)) {
        return true;
      }
    }
    return false;
  }
}
