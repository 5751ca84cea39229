package io.aftercare.process;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moving running cases to a process's latest version, for process owners:
 * {@code GET /api/processes/{key}/migration} shows the plan per older version (what maps, what
 * cannot and how many cases wait there); {@code POST} with {@code {"sourceVersion": n}} (or
 * {@code {}} for every older version) starts the batches, answered {@code 202} with their ids;
 * Cockpit's Batches view shows their progress and failures.
 */
@RestController
@RequestMapping("/api/processes/{key}/migration")
class ProcessMigrationController {

  /** Which older version to move; null: every older version with running cases. */
  record MigrationRequest(Integer sourceVersion) {}

  private final ProcessMigrations migrations;
  private final OnBehalf onBehalf;

  ProcessMigrationController(ProcessMigrations migrations, OnBehalf onBehalf) {
    this.migrations = migrations;
    this.onBehalf = onBehalf;
  }

  @GetMapping
  ProcessMigrations.Report plan(@PathVariable String key) {
    return migrations.plan(key);
  }

  @PostMapping
  ResponseEntity<ProcessMigrations.Report> migrate(@PathVariable String key,
      @RequestBody(required = false) MigrationRequest request) {
    // process owners and admins (ApiSecurity); the engine's migration permission is not theirs,
    // as its API would let a plan set any running case's variables
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(onBehalf.call(() -> migrations.migrate(key, request == null ? null : request.sourceVersion())));
  }
}
