package io.aftercare.reporting;

import io.aftercare.api.NotFoundException;
import io.aftercare.casefile.CaseFiles;
import io.aftercare.casefile.CaseNumbers;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import io.aftercare.security.AftercareGroup;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseNumber}/timeline}: everything that happened on the case, in order. */
@Validated
@RestController
class CaseTimelineController {

  private final CaseTimeline timeline;
  private final CaseFiles caseFiles;

  CaseTimelineController(CaseTimeline timeline, CaseFiles caseFiles) {
    this.timeline = timeline;
    this.caseFiles = caseFiles;
  }

  @GetMapping("/api/cases/{caseNumber}/timeline")
  Map<String, Object> timeline(@PathVariable @Pattern(regexp = CaseNumbers.PATTERN,
      message = CaseNumbers.PATTERN_MESSAGE) String caseNumber, Authentication reader) {
    if (!caseFiles.exists(caseNumber)) {
      throw new NotFoundException("case", caseNumber);
    }
    boolean healthVisible = reader.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(group -> group.equals(AftercareGroup.SAFETY.id()) || group.equals(AftercareGroup.SUPERVISOR.id())
            || group.equals(AftercareGroup.ADMIN.id()));
    return Map.of("caseNumber", caseNumber, "entries", timeline.of(caseNumber, healthVisible));
  }
}
