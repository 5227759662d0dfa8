package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordLogRepository;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunRepository;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import io.yunqiao.run.SyncEngine;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/runs")
@Tag(name = "Runs 运行记录", description = "Runs, their record logs, and re-push of failed records")
class RunsApi {

    private final RunRepository runs;
    private final RecordLogRepository logs;
    private final SyncEngine engine;
    private final InputLimits limits;

    RunsApi(RunRepository runs, RecordLogRepository logs, SyncEngine engine, InputLimits limits) {
        this.runs = runs;
        this.logs = logs;
        this.engine = engine;
        this.limits = limits;
    }

    /** @param sourceRecordIds the records to re-push; empty or absent for every failed record of the run */
    record RepushRequest(List<Long> sourceRecordIds) {
    }

    /**
     * One page of runs, newest first.
     *
     * @param total how many runs the filter lets through in all
     */
    record RunsPage(int page, int size, long total, List<Run> runs) {
    }

    @GetMapping
    @Operation(summary = "运行记录: runs of every solution, newest first, filtered as on the runs screen: solution,"
            + " status, trigger, node, dryRun, started from (inclusive) and to (exclusive, ISO instants such as"
            + " 2026-12-01T00:00:00Z); page from 0 to yunqiao.limits.max-page, size from 1 to"
            + " yunqiao.limits.page-size, else 400")
    RunsPage list(@RequestParam(required = false) Long solution, @RequestParam(required = false) RunStatus status,
            @RequestParam(required = false) RunTrigger trigger, @RequestParam(required = false) String node,
            @RequestParam(required = false) Boolean dryRun, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        limits.checkPage(page, size);
        if (node != null) {
            limits.checkName("node", node);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.coded(Problem.Kind.INVALID, "from", "problem.run.rangeReversed", from, to);
        }
        // the runs screen's filters (RunHistory.Filter) and the two its grid shows as columns, trigger and node
        Specification<Run> matching = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (solution != null) {
                where.add(cb.equal(root.get("solutionId"), solution));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (trigger != null) {
                where.add(cb.equal(root.get("trigger"), trigger));
            }
            if (node != null && !node.isBlank()) {
                where.add(cb.equal(root.get("node"), node.strip()));
            }
            if (dryRun != null) {
                where.add(cb.equal(root.get("dryRun"), dryRun));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.<Instant>get("startedAt"), from));
            }
            if (to != null) {
                where.add(cb.lessThan(root.<Instant>get("startedAt"), to));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<Run> found = runs.findAll(matching, PageRequest.of(page, size,
                Sort.by(Sort.Direction.DESC, "startedAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        return new RunsPage(page, size, found.getTotalElements(), found.getContent());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A run: status, window, counts, timings, error")
    Run get(@PathVariable long id) {
        return runs.findById(id).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.run.notFound",
                String.valueOf(id)));
    }

    @GetMapping("/{id}/records")
    @Operation(summary = "The record log of a run, optionally of one status (e.g. FAILED); page from 0 to"
            + " yunqiao.limits.max-page, size from 1 to yunqiao.limits.page-size, else 400")
    List<RecordLog> records(@PathVariable long id, @RequestParam(required = false) RecordStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        limits.checkPage(page, size);
        get(id);
        PageRequest request = PageRequest.of(page, size);
        return status == null ? logs.findByRunIdOrderById(id, request)
                : logs.findByRunIdAndStatusOrderById(id, status, request);
    }

    @PostMapping("/{id}/repush")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Re-push failed records of a run with the current mapping; answers the new run")
    Map<String, Object> repush(@PathVariable long id, @RequestBody(required = false) RepushRequest request) {
        Run run = engine.repush(id, request == null ? List.of() : request.sourceRecordIds(), false);
        return Map.of("runId", run.getId(), "status", run.getStatus());
    }
}
