package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.schedule.MaintenanceMode;
import io.yunqiao.schedule.MaintenanceState;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The maintenance mode, as on its screen: everyone signed in reads it, operators and administrators switch it
 * (SecurityConfiguration). Running runs started by hand are still allowed while it is on: only schedules wait.
 */
@RestController
@RequestMapping("/api/maintenance")
@Tag(name = "Maintenance 维护模式", description = "Pause every schedule cluster-wide and see what is still running")
class MaintenanceApi {

    private final MaintenanceMode mode;
    private final RunHistory history;
    private final Solutions solutions;

    MaintenanceApi(MaintenanceMode mode, RunHistory history, Solutions solutions) {
        this.mode = mode;
        this.history = history;
        this.solutions = solutions;
    }

    /**
     * @param on   true to pause every solution's schedule on every node, false to let them fire again
     * @param note why, optional, at most yunqiao.limits.description-length characters
     */
    record SwitchRequest(Boolean on, String note) {
    }

    /** A run still running: {@code done} counts records written, failed or skipped so far. */
    record RunningRun(long runId, long solutionId, String solution, String node, Instant startedAt, String trigger,
            boolean dryRun, int fetched, int done, int written, int failed) {
    }

    /**
     * @param on      every schedule is paused
     * @param since   when the mode was last switched (on or off); null if never
     * @param by      who switched it last
     * @param note    why, as written by who switched it
     * @param running the runs still running on any node, the longest-running first
     */
    record MaintenanceAnswer(boolean on, Instant since, String by, String note, List<RunningRun> running) {
    }

    @GetMapping
    @Operation(summary = "Whether the maintenance mode is on (every schedule paused cluster-wide), since when, by whom"
            + " and why, with the runs still running")
    MaintenanceAnswer get() {
        return answer(mode.state());
    }

    @PutMapping
    @Operation(summary = "Switch the maintenance mode on or off (operators and administrators), body"
            + " {\"on\":true,\"note\":\"…\"}; answers the new state with the runs still running. Runs already"
            + " running go on; run now stays allowed.")
    MaintenanceAnswer put(@RequestBody SwitchRequest request, Principal user) {
        if (request.on() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "on", "problem.maintenance.onRequired");
        }
        return answer(mode.switchTo(request.on(), user.getName(), request.note()));
    }

    private MaintenanceAnswer answer(MaintenanceState state) {
        List<Run> runs = history.running();
        Map<Long, String> names = runs.isEmpty() ? Map.of()
                : solutions.list().stream().collect(Collectors.toMap(SolutionView::id, SolutionView::name));
        List<RunningRun> running = runs.stream().map(r -> new RunningRun(r.getId(), r.getSolutionId(),
                names.get(r.getSolutionId()), r.getNode(), r.getStartedAt(), r.getTrigger().name(), r.isDryRun(),
                r.getFetched(), r.getWritten() + r.getFailed() + r.getSkipped(), r.getWritten(), r.getFailed()))
                .toList();
        return new MaintenanceAnswer(state.on(), state.since(), state.by(), state.note(), running);
    }
}
