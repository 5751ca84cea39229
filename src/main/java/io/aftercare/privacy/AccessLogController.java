package io.aftercare.privacy;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who read whose personal data: the access log for the data-protection officer ({@code privacy})
 * and supervisors. {@code from} and {@code to} are days (UTC), both included.
 */
@RestController
@Validated
class AccessLogController {

  private final AccessLog log;

  AccessLogController(AccessLog log) {
    this.log = log;
  }

  @GetMapping("/api/audit/access")
  List<AccessLog.Access> accesses(@RequestParam(required = false) Long customer,
      @RequestParam(required = false) @Size(max = 64) String user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException(List.of(new FieldProblem("to", "must not be before from (" + from + ")")));
    }
    return log.find(customer, user == null || user.isBlank() ? null : user.strip(),
        from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), limit);
  }
}
