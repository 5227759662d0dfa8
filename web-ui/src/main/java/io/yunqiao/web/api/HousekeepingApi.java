package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.problem.Problem;
import io.yunqiao.retention.DiskUsage;
import io.yunqiao.retention.Housekeeping;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clean-up on demand (administrators; SecurityConfiguration leaves every POST not listed there to them) and the
 * disk used per solution (everyone signed in).
 */
@RestController
@RequestMapping("/api/housekeeping")
@Tag(name = "Housekeeping 清理", description = "Retention clean-up on demand, disk used per solution")
class HousekeepingApi {

    private final Housekeeping housekeeping;
    private final DiskUsage disk;
    private final Solutions solutions;

    HousekeepingApi(Housekeeping housekeeping, DiskUsage disk, Solutions solutions) {
        this.housekeeping = housekeeping;
        this.disk = disk;
        this.solutions = solutions;
    }

    /** One solution's estimated disk use, in bytes. */
    record SolutionDisk(long solutionId, String solution, long records, long contents, long logs, long keys,
            long runs, long total) {
    }

    /** @param measuredAt when it was measured; null before the first measurement after a start */
    record DiskAnswer(Instant measuredAt, List<SolutionDisk> solutions) {
    }

    @PostMapping
    @Operation(summary = "Clean up now what retention no longer keeps (administrators); answers what was removed, by"
            + " solution. 409 while a clean-up runs on this node.")
    Housekeeping.Report cleanUp() {
        return housekeeping.cleanUp().orElseThrow(() -> Problem.coded(Problem.Kind.CONFLICT, null,
                "problem.housekeeping.running"));
    }

    @GetMapping("/disk-usage")
    @Operation(summary = "The disk each solution's data uses, estimated in bytes (docs/operations.md); measured every"
            + " yunqiao.retention.disk-usage-refresh-minutes and after each clean-up")
    DiskAnswer diskUsage() {
        List<SolutionDisk> answer = new ArrayList<>();
        for (SolutionView solution : solutions.list()) {
            disk.of(solution.id()).ifPresent(use -> answer.add(new SolutionDisk(solution.id(), solution.name(),
                    use.records(), use.contents(), use.logs(), use.keys(), use.runs(), use.total())));
        }
        return new DiskAnswer(disk.measuredAt(), answer);
    }
}
