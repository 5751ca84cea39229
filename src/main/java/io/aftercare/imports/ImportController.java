package io.aftercare.imports;

import io.aftercare.api.NotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV imports of master data: {@code POST /api/imports/{kind}} with the file as the body
 * ({@code text/csv}) or as the part {@code file} of a form upload. The import runs in the
 * background; the answer waits a few seconds for it: 200 with what was imported, 400 with every
 * problem at its line and column (nothing was imported), or 202 with the address that shows its
 * progress ({@code GET /api/imports/{id}}).
 */
@RestController
class ImportController {

  /** How long a request waits for its import before answering 202. */
  private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(5);

  private final DataImports imports;

  ImportController(DataImports imports) {
    this.imports = imports;
  }

  @PostMapping(path = "/api/imports/{kind}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  ResponseEntity<Object> importBody(@PathVariable String kind, @RequestBody byte[] body,
      @RequestParam(required = false) String fileName, Authentication user) throws InterruptedException {
    return start(kind, fileName, body, user);
  }

  @PostMapping(path = "/api/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> importUpload(@PathVariable String kind, @RequestPart("file") MultipartFile file,
      Authentication user) throws IOException, InterruptedException {
    return start(kind, file.getOriginalFilename(), file.getBytes(), user);
  }

  @GetMapping("/api/imports/{id}")
  DataImports.Status status(@PathVariable String id, Authentication user) {
    DataImports.Status status = imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
    ImportKind<?> kind = imports.kind(status.kind()).orElseThrow();
    if (!mayImport(kind, user)) {
      throw new NotFoundException("import", id);
    }
    return status;
  }

  /** The latest 50 imports of the kinds the user may import. */
  @GetMapping("/api/imports")
  List<DataImports.Status> recent(Authentication user) {
    Set<String> kinds = imports.kinds().stream().filter(kind -> mayImport(kind, user))
        .map(kind -> kind.spec().name()).collect(Collectors.toSet());
    return imports.recent(kinds, 50);
  }

  private ResponseEntity<Object> start(String kindName, String fileName, byte[] body, Authentication user)
      throws InterruptedException {
    ImportKind<?> kind = imports.kind(kindName).orElseThrow(() -> new NotFoundException("import kind", kindName));
    if (!mayImport(kind, user)) {
      ProblemDetail forbidden = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
          "None of your groups may import " + kindName + " (" + String.join(", ", kind.spec().groups()) + " may)");
      forbidden.setTitle("Forbidden");
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbidden);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return io.aftercare.api.ApiExceptionHandler.invalid(List.of(new io.aftercare.api.ApiExceptionHandler.FieldProblem(
          "file", "must be UTF-8 text (save the spreadsheet as \"CSV UTF-8\")")));
    }
    Optional<DataImports.Started> started = imports.start(kind, fileName, text, user.getName());
    if (started.isEmpty()) {
      ProblemDetail busy = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          "Too many imports are waiting on this node; send the file again in a minute");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60").body(busy);
    }
    String id = started.get().id();
    URI location = URI.create("/api/imports/" + id);
    started.get().awaitEnd(WAIT);
    DataImports.Status status = imports.find(id).orElseThrow();
    return switch (status.status()) {
      case "RUNNING" -> ResponseEntity.accepted().location(location).body(status);
      case "IMPORTED" -> ResponseEntity.ok().location(location).body(status);
      default -> {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
            "REJECTED".equals(status.status())
                ? status.problemCount() + " problem(s) in the file; nothing was imported. Correct the lines and send"
                    + " the whole file again."
                : "CONFLICT".equals(status.status())
                    ? "Another request changed the same records at the same moment; nothing was imported. Send the"
                        + " file again."
                    : "The import failed and wrote nothing.");
        problem.setType(URI.create("urn:aftercare:problem:invalid-file"));
        problem.setTitle("FAILED".equals(status.status()) ? "The import failed" : "The file was not imported");
        problem.setInstance(location);
        problem.setProperty("import", status.id());
        problem.setProperty("problemCount", status.problemCount());
        problem.setProperty("errors", status.problems());
        yield ResponseEntity.status(switch (status.status()) {
          case "REJECTED" -> HttpStatus.BAD_REQUEST;
          case "CONFLICT" -> HttpStatus.CONFLICT;
          default -> HttpStatus.INTERNAL_SERVER_ERROR;
        }).location(location).body(problem);
      }
    };
  }

  private static boolean mayImport(ImportKind<?> kind, Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(group -> kind.spec().groups().contains(group) || "camunda-admin".equals(group));
  }
}
