package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.run.DryRunSource;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.schedule.SolutionScheduler;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionVersion;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.alert.WebhookAddress;
import io.yunqiao.web.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/solutions")
@Tag(name = "Solutions 集成方案", description = "Solutions, their versions, export/import and runs")
class SolutionsApi {

    private final Solutions solutions;
    private final SyncEngine engine;
    private final RunHistory history;
    private final SolutionScheduler scheduler;

    static final String MASK = "******";

    SolutionsApi(Solutions solutions, SyncEngine engine, RunHistory history, SolutionScheduler scheduler) {
        this.solutions = solutions;
        this.engine = engine;
        this.history = history;
        this.scheduler = scheduler;
    }

    /**
     * A solution with its next fire time and its open failures (待处理失败: records that failed and that no later
     * run or re-push has written since).
     */
    record SolutionAnswer(SolutionView solution, Instant nextFireTime, long openFailures) {
    }

    /** Saving a solution: the spec and an optional comment for the version history. */
    record SaveRequest(SolutionSpec solution, String comment) {
    }

    /**
     * @param dryRun map and validate only, write nothing
     * @param last   a dry run of the solution's newest staged records, this many (1 to 100), instead of the window
     * @param sample a dry run of pasted records (one JSON object or an array of them, as text) instead of the window
     */
    record RunRequest(boolean dryRun, Integer last, String sample) {
    }

    @GetMapping
    List<SolutionAnswer> list(HttpServletRequest caller) {
        // every solution's open failures in one query, not one per solution
        Map<Long, Long> open = history.openFailures();
        return solutions.list().stream().map(view -> answer(view, caller, open.getOrDefault(view.id(), 0L)))
                .toList();
    }

    @GetMapping("/{id}")
    SolutionAnswer get(@PathVariable long id, HttpServletRequest caller) {
        return answer(solutions.get(id), caller);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a solution (version 1); refused with the reason when it cannot work")
    SolutionAnswer create(@RequestBody SaveRequest request, HttpServletRequest caller) {
        return answer(solutions.create(request.solution(), request.comment()), caller);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save a new version of a solution")
    SolutionAnswer update(@PathVariable long id, @RequestBody SaveRequest request, HttpServletRequest caller) {
        return answer(solutions.update(id, keepingSecret(id, request.solution()), request.comment()), caller);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        solutions.delete(id);
    }

    @PostMapping("/{id}/enabled")
    SolutionAnswer enable(@PathVariable long id, @RequestParam boolean value, HttpServletRequest caller) {
        return answer(solutions.setEnabled(id, value), caller);
    }

    @GetMapping("/{id}/versions")
    List<SolutionVersion> versions(@PathVariable long id) {
        return solutions.versions(id);
    }

    @PostMapping("/{id}/versions/{version}/restore")
    SolutionAnswer restore(@PathVariable long id, @PathVariable int version, HttpServletRequest caller) {
        return answer(solutions.restore(id, version), caller);
    }

    @GetMapping(value = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The solution as JSON to import elsewhere (no secrets)")
    ResponseEntity<String> export(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"solution-" + id + ".json\"")
                .body(solutions.export(id));
    }

    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a solution from exported JSON; unknown connections are dropped and it stays disabled")
    SolutionAnswer importJson(@RequestBody String json, HttpServletRequest caller) {
        return answer(solutions.importJson(json), caller);
    }

    @PostMapping("/{id}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run now, or dry run (the window, the last N staged records or a pasted sample); answers the"
            + " run id at once, SKIPPED when a run is in progress")
    Map<String, Object> run(@PathVariable long id, @RequestBody(required = false) RunRequest request) {
        DryRunSource dryRun = request == null ? null
                : DryRunSource.of(request.dryRun(), request.last(), request.sample());
        Run run = engine.start(id, RunTrigger.MANUAL, dryRun);
        return Map.of("runId", run.getId(), "status", run.getStatus());
    }

    @GetMapping("/{id}/runs")
    List<Run> runs(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        solutions.get(id);
        return history.runsOf(id, Math.min(Math.max(limit, 1), 500));
    }

    private SolutionAnswer answer(SolutionView view, HttpServletRequest caller) {
        return answer(view, caller, history.openFailures(view.id()));
    }

    /** The alerts' signing secret is a secret: answers show it masked, like connection secrets. */
    private SolutionAnswer answer(SolutionView view, HttpServletRequest caller, long openFailures) {
        SolutionSpec spec = view.spec();
        SolutionSpec.Alerts alerts = spec.alerts();
        // a robot's address is its credential (the token in the query or the path): only administrators read it
        String webhook = alerts.webhook() == null || isAdmin(caller) ? alerts.webhook()
                : WebhookAddress.forReaders(alerts.webhook());
        if (alerts.webhookSecret() != null || !Objects.equals(webhook, alerts.webhook())) {
            spec = spec.withAlerts(new SolutionSpec.Alerts(alerts.onFailure(), alerts.failedRecordsAbove(),
                    alerts.emails(), webhook, alerts.webhookSecret() == null ? null : MASK));
        }
        return new SolutionAnswer(new SolutionView(view.id(), view.name(), view.enabled(), view.cron(), view.version(),
                spec, view.createdAt(), view.updatedAt()), scheduler.nextFireTime(view.id()).orElse(null),
                openFailures);
    }

    /**
     * Asks the request, not {@code SecurityContextHolder}: its static strategy is the last one set in the JVM (Vaadin
     * sets its own), while the request's wrapper reads the context the filter chain itself established.
     */
    private static boolean isAdmin(HttpServletRequest caller) {
        return caller.isUserInRole(Role.ADMIN.name());
    }

    /** A spec sent back as it was read: the masked secret stands for the one stored. */
    private SolutionSpec keepingSecret(long id, SolutionSpec spec) {
        if (spec == null || !MASK.equals(spec.alerts().webhookSecret())) {
            return spec;
        }
        SolutionSpec.Alerts alerts = spec.alerts();
        return spec.withAlerts(new SolutionSpec.Alerts(alerts.onFailure(), alerts.failedRecordsAbove(),
                alerts.emails(), alerts.webhook(), solutions.current(id).spec().alerts().webhookSecret()));
    }
}
