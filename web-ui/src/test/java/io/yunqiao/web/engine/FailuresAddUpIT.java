package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordLogRepository;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.SharedPlatform;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failures that add up (issue #14): every run names where each record went (checked for every run of every test by
 * {@link CountsAddUp}), each solution keeps its open failures until a later run or a re-push writes them, a re-pushed
 * failure says so where it failed, and failed records are retried by later runs when the solution says so.
 *
 * <p>The scenario: one customer per bill of one page of sandbox bills; the first bill maps to an empty nickname and
 * fails validation every time, and the target answers the first add with a server error (a passing fault), each
 * record tried once per run.
 */
@SharedPlatform
class FailuresAddUpIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    @Autowired
    ConnectorClient client;

    @Autowired
    RecordLogRepository logs;

    @Autowired
    RunHistory history;

    @Autowired
    JdbcTemplate jdbc;

    private SandboxAdmin sandboxes;
    private long kingdee;
    private long jackyun;

    @BeforeEach
    void freshSandboxesAndConnections() {
        sandboxes = new SandboxAdmin(port);
        SandboxAdmin.Connected connected = sandboxes.freshPlatform(solutions, connections);
        kingdee = connected.kingdee();
        jackyun = connected.jackyun();
    }

    /** Per-bill customers, the first bill invalid, tried once per run, retried by {@code laterRuns} later runs. */
    private SolutionView solution(String name, int laterRuns) {
        SolutionView copied = templates.copy("kingdee-pur-inbound-to-jackyun-customer", name, kingdee, jackyun);
        SolutionSpec spec = copied.spec();
        String firstBill = client.query(connections.runtime(kingdee), "jdy/pur/pur_inbound_list",
                Map.of("search", "CGRK"), PageRequest.first(1)).records().get(0).get("billno").asText();
        return solutions.update(copied.id(), new SolutionSpec(name, null, new SolutionSpec.Source(kingdee,
                "kingdee-jdy", "jdy/pur/pur_inbound_list", Map.of("search", TextNode.valueOf(firstBill.substring(0,
                        13))), 100), new SolutionSpec.Window("P31D", 300, 744),
                spec.target().withMapping("{ \"customerCode\": billno, \"nickname\": billno = \"" + firstBill
                        + "\" ? \"\" : supplierid_name }"), new SolutionSpec.Dedupe(null), new SolutionSpec.RateLimit(0),
                new SolutionSpec.Retry(1, 0, 1, 0, laterRuns), spec.schedule(), spec.alerts(), LogLevel.ALL),
                "one page, first bill invalid");
    }

    private void serverErrorOnTheNextAdd() {
        sandboxes.post("/jackyun/_admin/faults", "{\"kind\":\"HTTP_500\",\"count\":1}");
    }

    @Test
    void aLaterSuccessfulRunDoesNotHideOpenFailuresAndTheirRecordsFetchedAgainAreCountedAsUnchanged() {
        // given a run with two failures (an invalid record and a passing fault) and no automatic retries
        SolutionView solution = solution("不自动重试", 0);
        serverErrorOnTheNextAdd();
        Run first = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        assertThat(first.getStatus()).isEqualTo(RunStatus.PARTIAL);
        assertThat(first.getFailed()).isEqualTo(2);

        // when the next run reads the same bills again (its window starts over, as after a reset of the checkpoint)
        jdbc.update("delete from yq_checkpoint where solution_id = ?", solution.id());
        Run next = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then it reads 成功 and names the two records it fetched again as unchanged, not as nothing
        assertThat(next.getStatus()).isEqualTo(RunStatus.SUCCESS);
        assertThat(next.getUnchanged()).isEqualTo(2);
        assertThat(next.getFailed()).isZero();
        assertThat(next.getSkipped()).isEqualTo(next.getFetched() - 2);
        assertThat(next.countsAddUp()).isTrue();
        // and the solution still has its two open failures, also among today's
        assertThat(history.openFailures(solution.id())).isEqualTo(2);
        assertThat(history.openFailures()).containsEntry(solution.id(), 2L);
        assertThat(history.today(SHANGHAI).failed()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRePushedFailureIsMarkedInItsRunWithTheRunThatWroteItAndIsNoLongerOpen() {
        // given a run with two failures
        SolutionView solution = solution("重推标记", 0);
        serverErrorOnTheNextAdd();
        Run first = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        long openBefore = history.today(SHANGHAI).failed();

        // when its failures are re-pushed: the passing fault is gone, the invalid record fails again
        Run repush = engine.repush(first.getId(), List.of(), true);

        // then the re-push carried both in and accounts for them
        assertThat(repush.getCarried()).isEqualTo(2);
        assertThat(repush.getWritten()).isEqualTo(1);
        assertThat(repush.getFailed()).isEqualTo(1);
        assertThat(repush.countsAddUp()).isTrue();
        // and in the first run, the written one now points at the re-push, the other is still failed there
        List<RecordLog> failed = logs.findByRunIdAndStatusOrderById(first.getId(), RecordStatus.FAILED,
                Pageable.unpaged());
        Map<Long, RunHistory.Now> now = history.now(failed.stream().map(RecordLog::getSourceRecordId).toList());
        assertThat(now.values()).extracting(RunHistory.Now::status)
                .containsExactlyInAnyOrder(RecordStatus.SUCCESS, RecordStatus.FAILED);
        assertThat(now.values()).filteredOn(n -> n.status() == RecordStatus.SUCCESS)
                .extracting(RunHistory.Now::lastRunId).containsExactly(repush.getId());
        // and only the one still failing is open, today as well
        assertThat(history.openFailures(solution.id())).isEqualTo(1);
        assertThat(history.today(SHANGHAI).failed()).isEqualTo(openBefore - 1);
    }

    @Test
    void laterRunsRetryFailedRecordsUpToTheSolutionsNumberThenLeaveThemOpen() {
        // given a solution whose failed records later runs retry up to two times, and a first run with two failures
        SolutionView solution = solution("自动重试两次", 2);
        serverErrorOnTheNextAdd();
        Run first = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        assertThat(first.getFailed()).isEqualTo(2);

        // when the next run starts, it takes both up again: the passing fault is written, the invalid one fails
        Run second = engine.runNow(solution.id(), RunTrigger.SCHEDULE, false);
        assertThat(second.getCarried()).isEqualTo(2);
        assertThat(second.getWritten()).isEqualTo(1);
        assertThat(second.getFailed()).isEqualTo(1);
        assertThat(history.openFailures(solution.id())).isEqualTo(1);

        // and the third run retries the invalid one a second time
        Run third = engine.runNow(solution.id(), RunTrigger.SCHEDULE, false);
        assertThat(third.getCarried()).isEqualTo(1);
        assertThat(third.getFailed()).isEqualTo(1);

        // then the fourth leaves it alone: open, waiting for a fix and a re-push by hand
        Run fourth = engine.runNow(solution.id(), RunTrigger.SCHEDULE, false);
        assertThat(fourth.getCarried()).isZero();
        assertThat(fourth.getFailed()).isZero();
        assertThat(history.openFailures(solution.id())).isEqualTo(1);
    }

    @Test
    void retriesByLaterRunsOutOfRangeAreRefusedWithTheAllowedRange() {
        SolutionView solution = solution("超出范围", 0);
        SolutionSpec spec = solution.spec();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> solutions.update(solution.id(), new SolutionSpec(
                spec.name(), null, spec.source(), spec.window(), spec.target(), spec.dedupe(), spec.rateLimit(),
                new SolutionSpec.Retry(1, 0, 1, 0, 11), spec.schedule(), spec.alerts(), LogLevel.ALL), "too many"))
                .isInstanceOf(io.yunqiao.problem.Problem.class)
                .satisfies(e -> {
                    io.yunqiao.problem.Problem problem = (io.yunqiao.problem.Problem) e;
                    assertThat(problem.field()).isEqualTo("retry.laterRuns");
                    assertThat(problem.message(java.util.Locale.SIMPLIFIED_CHINESE)).contains("0", "10", "11");
                });
    }
}
