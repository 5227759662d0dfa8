package io.yunqiao.web.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunHistory.Filter;
import io.yunqiao.run.RunHistory.HourCount;
import io.yunqiao.run.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the run screens read ({@link RunHistory}), on runs and logs written straight into the tables with chosen
 * times: filters, newest first, day and hour figures in Beijing time, paging. {@link RunHistoryOnPostgresIT} runs
 * the same on PostgreSQL.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:run-history;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "yunqiao.sandbox.enabled=false",
    "spring.quartz.auto-startup=false",
    "spring.quartz.scheduler-name=run-history",
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class RunHistoryIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final AtomicLong IDS = new AtomicLong(50_000_000);

    @Autowired
    RunHistory history;

    @Autowired
    JdbcTemplate jdbc;

    private final Instant now = Instant.now();

    @BeforeEach
    void noRuns() {
        jdbc.update("delete from yq_record_log");
        jdbc.update("delete from yq_run");
        jdbc.update("delete from yq_source_record");
    }

    private long run(long solutionId, RunStatus status, boolean dryRun, Instant startedAt) {
        long id = IDS.incrementAndGet();
        jdbc.update("insert into yq_run (id, solution_id, solution_version, trigger_type, dry_run, status, fetched,"
                + " skipped, written, failed, pages, started_at) values (?, ?, 1, 'MANUAL', ?, ?, 0, 0, 0, 0, 0, ?)",
                id, solutionId, dryRun, status.name(), OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC));
        return id;
    }

    private long run(long solutionId, RunStatus status, Instant startedAt) {
        return run(solutionId, status, false, startedAt);
    }

    private long log(long runId, RecordStatus status, Instant createdAt) {
        long id = IDS.incrementAndGet();
        jdbc.update("insert into yq_record_log (id, run_id, source_key, status, attempts, duration_ms, created_at)"
                + " values (?, ?, ?, ?, 1, 5, ?)", id, runId, "K" + id, status.name(),
                OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
        return id;
    }

    private void logs(long runId, RecordStatus status, Instant createdAt, int count) {
        for (int i = 0; i < count; i++) {
            log(runId, status, createdAt);
        }
    }

    private static List<Long> ids(List<Run> runs) {
        return runs.stream().map(Run::getId).toList();
    }

    private static Instant ago(Instant from, Duration duration) {
        return from.minus(duration);
    }

    @Test
    void runsAreFilteredBySolutionStatusAndStartNewestFirst() {
        // given four runs of two solutions over three days
        long a = run(1, RunStatus.SUCCESS, ago(now, Duration.ofDays(3)));
        long b = run(1, RunStatus.PARTIAL, ago(now, Duration.ofDays(1)));
        long c = run(2, RunStatus.SUCCESS, ago(now, Duration.ofHours(2)));
        long d = run(1, RunStatus.SUCCESS, ago(now, Duration.ofHours(1)));

        // then each filter lets through its runs, the newest first
        assertThat(ids(history.runs(Filter.all(), 100))).containsExactly(d, c, b, a);
        assertThat(ids(history.runs(new Filter(1L, null, null, null), 100))).containsExactly(d, b, a);
        assertThat(ids(history.runs(new Filter(null, RunStatus.SUCCESS, null, null), 100))).containsExactly(d, c, a);
        assertThat(ids(history.runs(new Filter(null, null, ago(now, Duration.ofDays(2)),
                ago(now, Duration.ofMinutes(90))), 100))).containsExactly(c, b);
        assertThat(ids(history.runs(new Filter(1L, RunStatus.SUCCESS, ago(now, Duration.ofDays(2)), null), 100)))
                .containsExactly(d);
        assertThat(ids(history.runs(Filter.all(), 2))).containsExactly(d, c);
    }

    @Test
    void todayCountsWhatTodaysRunsWroteAndTodaysFailuresStillOpenLeavingOutDryRuns() {
        // given a run a minute into today (Beijing) that wrote 3, one five minutes before it that wrote 5, and a dry
        // run today
        Instant midnight = LocalDate.now(BEIJING).atStartOfDay(BEIJING).toInstant();
        jdbc.update("update yq_run set written = 3 where id = ?", run(1, RunStatus.PARTIAL, midnight.plusSeconds(60)));
        jdbc.update("update yq_run set written = 5 where id = ?",
                run(1, RunStatus.SUCCESS, ago(midnight, Duration.ofMinutes(5))));
        jdbc.update("update yq_run set written = 7 where id = ?", run(1, RunStatus.PARTIAL, true,
                midnight.plusSeconds(30)));
        // and records that failed today and are still failed, one that failed yesterday, one written today
        staged("today-1", RecordStatus.FAILED, midnight.plusSeconds(60));
        staged("today-2", RecordStatus.FAILED, midnight.plusSeconds(90));
        staged("yesterday", RecordStatus.FAILED, ago(midnight, Duration.ofMinutes(1)));
        staged("written", RecordStatus.SUCCESS, midnight.plusSeconds(60));

        // when today's totals are read
        RunHistory.Totals today = history.today(BEIJING);

        // then today's runs' writes count, and today's failures that are still open
        assertThat(today).isEqualTo(new RunHistory.Totals(3, 2));
    }

    private void staged(String key, RecordStatus status, Instant updatedAt) {
        OffsetDateTime at = OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC);
        jdbc.update("insert into yq_source_record (id, solution_id, source_key, content_hash, status, attempts, sent,"
                + " fetched_at, updated_at) values (?, 1, ?, 'h', ?, 0, false, ?, ?)", IDS.incrementAndGet(), key,
                status.name(), at, at);
    }

    @Test
    void hourlyGivesEveryHourOfTheLastDayWithEachLogInItsHour() {
        // given logs in this hour, about three and two hours ago, and a day ago; and a dry run's failure in this hour
        Instant thisHour = ZonedDateTime.ofInstant(now, BEIJING).truncatedTo(ChronoUnit.HOURS).toInstant();
        long run = run(1, RunStatus.PARTIAL, ago(thisHour, Duration.ofDays(2)));
        logs(run, RecordStatus.SUCCESS, thisHour.plusSeconds(1), 2);
        log(run, RecordStatus.SUCCESS, ago(thisHour, Duration.ofMinutes(170)));
        log(run, RecordStatus.FAILED, ago(thisHour, Duration.ofMinutes(110)));
        log(run, RecordStatus.SUCCESS, ago(thisHour, Duration.ofHours(24)));
        long dryRun = run(1, RunStatus.PARTIAL, true, thisHour);
        log(dryRun, RecordStatus.FAILED, thisHour.plusSeconds(1));

        // when the last 24 hours are read
        List<HourCount> hours = history.hourly(BEIJING, 24);

        // then there are 24 consecutive hours ending with this one, the logs in theirs and zeros elsewhere
        assertThat(hours).hasSize(24);
        assertThat(hours.get(0).start()).isEqualTo(ago(thisHour, Duration.ofHours(23)));
        assertThat(hours.get(23).start()).isEqualTo(thisHour);
        for (int i = 1; i < 24; i++) {
            assertThat(Duration.between(hours.get(i - 1).start(), hours.get(i).start())).isEqualTo(Duration.ofHours(1));
        }
        assertThat(hours.get(23)).isEqualTo(new HourCount(thisHour, 2, 0));
        assertThat(hours.get(20)).isEqualTo(new HourCount(ago(thisHour, Duration.ofHours(3)), 1, 0));
        assertThat(hours.get(21)).isEqualTo(new HourCount(ago(thisHour, Duration.ofHours(2)), 0, 1));
        assertThat(hours.stream().mapToLong(HourCount::written).sum()).isEqualTo(3);
        assertThat(hours.stream().mapToLong(HourCount::failed).sum()).isEqualTo(1);
    }

    @Test
    void everySolutionHasItsLastRunAndRunningRunsAreListed() {
        // given two solutions, the first with a run still RUNNING after an older one, the second with a run that
        // was SKIPPED after its last real one
        run(1, RunStatus.SUCCESS, ago(now, Duration.ofHours(3)));
        long running = run(1, RunStatus.RUNNING, ago(now, Duration.ofMinutes(1)));
        long failed = run(2, RunStatus.FAILED, ago(now, Duration.ofHours(2)));
        run(2, RunStatus.SKIPPED, ago(now, Duration.ofHours(1)));

        // when the last runs are read
        Map<Long, Run> last = history.lastRunPerSolution();

        // then each solution has its newest run that did work, and the running one is listed as running
        assertThat(last).containsOnlyKeys(1L, 2L);
        assertThat(last.get(1L).getId()).isEqualTo(running);
        assertThat(last.get(2L).getId()).isEqualTo(failed);
        assertThat(ids(history.running())).containsExactly(running);
    }

    @Test
    void aRunsLogIsReadPageByPageAndByStatus() {
        // given a run with five logs, two of them failed
        long run = run(1, RunStatus.PARTIAL, ago(now, Duration.ofMinutes(10)));
        long first = log(run, RecordStatus.SUCCESS, now);
        long second = log(run, RecordStatus.FAILED, now);
        long third = log(run, RecordStatus.SUCCESS, now);
        long fourth = log(run, RecordStatus.FAILED, now);
        long fifth = log(run, RecordStatus.SUCCESS, now);
        log(run(2, RunStatus.SUCCESS, now), RecordStatus.SUCCESS, now);

        // then pages follow the order of handling, a status narrows them, and counts agree
        assertThat(history.records(run, null, 0, 2)).extracting(RecordLog::getId).containsExactly(first, second);
        assertThat(history.records(run, null, 2, 10)).extracting(RecordLog::getId)
                .containsExactly(third, fourth, fifth);
        assertThat(history.records(run, RecordStatus.FAILED, 0, 10)).extracting(RecordLog::getId)
                .containsExactly(second, fourth);
        assertThat(history.countRecords(run, null)).isEqualTo(5);
        assertThat(history.countRecords(run, RecordStatus.FAILED)).isEqualTo(2);
        assertThat(history.recordCounts(run)).containsExactlyInAnyOrderEntriesOf(
                Map.of(RecordStatus.SUCCESS, 3L, RecordStatus.FAILED, 2L));
    }
}
