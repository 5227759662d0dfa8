package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.schedule.SolutionScheduler;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.runs.RunFormat;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures (仪表盘) for scripts and wall screens: what DashboardView shows, read the same way.
 * Everyone signed in, as the screen.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard 仪表盘", description = "Today's figures, the last 24 hours, running runs, each solution's last run")
class DashboardApi {

    /** The chart's span, as on the screen. */
    static final int HOURS = 24;

    private final RunHistory history;
    private final Solutions solutions;
    private final SolutionScheduler scheduler;

    DashboardApi(RunHistory history, Solutions solutions, SolutionScheduler scheduler) {
        this.history = history;
        this.solutions = solutions;
        this.scheduler = scheduler;
    }

    /**
     * The dashboard.
     *
     * @param zone          the time zone "today" and the hours are counted in
     * @param writtenToday  records written by today's runs (dry runs left out)
     * @param failedToday   today's failures still open
     * @param openFailures  every solution's open failures (待处理失败) together
     * @param hourly        the last 24 hours, oldest first: records written and failed per hour
     * @param running       the runs working now, the longest-running first
     * @param solutions     every solution by name with its last run (SKIPPED runs left out)
     */
    record Dashboard(String zone, long writtenToday, long failedToday, long openFailures,
            List<RunHistory.HourCount> hourly, List<RunningRun> running, List<SolutionLine> solutions) {
    }

    record RunningRun(long runId, long solutionId, String solution, Instant startedAt, int fetched, int written,
            int failed, int skipped, String node) {
    }

    /** @param nextFireTime the next scheduled start; null when manual or switched off */
    record SolutionLine(long id, String name, boolean enabled, String cron, Instant nextFireTime, LastRun lastRun,
            long openFailures) {
    }

    record LastRun(long id, RunStatus status, Instant startedAt, Instant endedAt, int written, int failed,
            int skipped) {
    }

    @GetMapping
    @Operation(summary = "仪表盘: records written and failed today, open failures, the last 24 hours per hour, the"
            + " running runs with their counts, and each solution's schedule and last run")
    Dashboard dashboard() {
        RunHistory.Totals today = history.today(RunFormat.ZONE);
        Map<Long, Long> open = history.openFailures();
        List<SolutionView> all = solutions.list().stream().sorted(Comparator.comparing(SolutionView::name)).toList();
        Map<Long, String> names = all.stream().collect(Collectors.toMap(SolutionView::id, SolutionView::name));
        Map<Long, Run> last = history.lastRunPerSolution();
        List<RunningRun> running = history.running().stream().map(r -> new RunningRun(r.getId(), r.getSolutionId(),
                names.get(r.getSolutionId()), r.getStartedAt(), r.getFetched(), r.getWritten(), r.getFailed(),
                r.getSkipped(), r.getNode())).toList();
        List<SolutionLine> lines = all.stream().map(s -> new SolutionLine(s.id(), s.name(), s.enabled(), s.cron(),
                s.enabled() ? scheduler.nextFireTime(s.id()).orElse(null) : null, lastRun(last.get(s.id())),
                open.getOrDefault(s.id(), 0L))).toList();
        return new Dashboard(RunFormat.ZONE.getId(), today.written(), today.failed(),
                open.values().stream().mapToLong(Long::longValue).sum(), history.hourly(RunFormat.ZONE, HOURS),
                running, lines);
    }

    private static LastRun lastRun(Run run) {
        return run == null ? null : new LastRun(run.getId(), run.getStatus(), run.getStartedAt(), run.getEndedAt(),
                run.getWritten(), run.getFailed(), run.getSkipped());
    }
}
