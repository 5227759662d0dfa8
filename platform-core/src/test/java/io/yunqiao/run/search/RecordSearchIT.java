package io.yunqiao.run.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.search.FoundRecord.Appearance;
import io.yunqiao.run.search.FoundRecord.Key;
import io.yunqiao.run.search.SearchQuery.Match;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link RecordSearch} on a real H2 database migrated by Flyway, rows written straight into the tables: exact and
 * prefix matches of each key across solutions, the runs of each record, the cap, and that every look-up reads an
 * index. {@link RecordSearchOnPostgresIT} runs the same on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordSearchIT {

    private static final Instant T0 = Instant.parse("2026-01-05T02:00:00Z");

    JdbcTemplate jdbc;
    RecordSearch search;
    private long ids = 1000;

    /** The database under test, empty; the tests migrate it. */
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:record-search-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    String vendor() {
        return "h2";
    }

    @BeforeAll
    void migrated() {
        DataSource database = database();
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).load().migrate();
        jdbc = new JdbcTemplate(database);
        search = new RecordSearch(jdbc);
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from yq_record_log");
        jdbc.update("delete from yq_source_record");
        jdbc.update("delete from yq_run");
        jdbc.update("delete from yq_solution");
    }

    private long solution(String name) {
        long id = ++ids;
        Timestamp now = Timestamp.from(T0);
        jdbc.update("insert into yq_solution (id, name, enabled, current_version, created_at, updated_at,"
                + " row_version) values (?, ?, false, 1, ?, ?, 0)", id, name, now, now);
        return id;
    }

    private long run(long solutionId) {
        long id = ++ids;
        jdbc.update("insert into yq_run (id, solution_id, solution_version, trigger_type, dry_run, status, fetched,"
                + " skipped, written, failed, pages, started_at) values (?, ?, 1, 'MANUAL', false, 'SUCCESS', 0, 0,"
                + " 0, 0, 0, ?)", id, solutionId, Timestamp.from(T0.plusSeconds(id)));
        return id;
    }

    private long record(long solutionId, String sourceKey, String code, String targetKey, RecordStatus status,
            Long lastRunId, Instant updatedAt) {
        long id = ++ids;
        jdbc.update("insert into yq_source_record (id, solution_id, source_key, code, content_hash, status,"
                + " target_key, attempts, sent, last_run_id, fetched_at, updated_at) values (?, ?, ?, ?, 'h', ?, ?, 1,"
                + " true, ?, ?, ?)", id, solutionId, sourceKey, code, status.name(), targetKey, lastRunId,
                Timestamp.from(T0), Timestamp.from(updatedAt));
        return id;
    }

    private long log(long runId, long recordId, RecordStatus status) {
        long id = ++ids;
        jdbc.update("insert into yq_record_log (id, run_id, source_record_id, status, attempts, duration_ms,"
                + " created_at) values (?, ?, ?, ?, 1, 5, ?)", id, runId, recordId, status.name(),
                Timestamp.from(T0.plusSeconds(id)));
        return id;
    }

    private FoundRecords find(String typed, Match match) {
        return search.find(SearchQuery.parse(typed, match));
    }

    private static List<String> codes(FoundRecords found) {
        return found.records().stream().map(FoundRecord::code).toList();
    }

    @Test
    void aBillNumberIsFoundInEverySolutionThatStagedIt() {
        // given the same bill number staged by two solutions, and another bill
        long inbound = solution("采购入库 → 客户");
        long supplier = solution("采购入库 → 供应商");
        record(inbound, "1001", "CGRK-20260101-0001", "GYS0001", RecordStatus.SUCCESS, null, T0);
        record(supplier, "1001", "CGRK-20260101-0001", null, RecordStatus.FAILED, null, T0.plusSeconds(60));
        record(inbound, "1002", "CGRK-20260101-0002", "GYS0002", RecordStatus.SUCCESS, null, T0);

        // when the bill number is searched exactly
        FoundRecords found = find("CGRK-20260101-0001", Match.EXACT);

        // then both records are found, the most recently changed first, each with its solution and state
        assertThat(found.records()).extracting(FoundRecord::solutionName)
                .containsExactly("采购入库 → 供应商", "采购入库 → 客户");
        assertThat(found.records()).extracting(FoundRecord::status)
                .containsExactly(RecordStatus.FAILED, RecordStatus.SUCCESS);
        assertThat(found.records()).allMatch(FoundRecord::exact);
        assertThat(found.records().get(0).matchedBy()).containsExactly(Key.CODE);
        assertThat(found.more()).isFalse();
    }

    @Test
    void theBeginningOfABillNumberFindsEveryBillStartingWithItExactOnesFirst() {
        // given bills of two days and one whose number is the prefix itself
        long solution = solution("方案");
        record(solution, "1", "CGRK-2026", null, RecordStatus.PENDING, null, T0);
        record(solution, "2", "CGRK-20260101-0001", null, RecordStatus.SUCCESS, null, T0.plusSeconds(10));
        record(solution, "3", "CGRK-20260102-0001", null, RecordStatus.SUCCESS, null, T0.plusSeconds(20));
        record(solution, "4", "CGRK-20250101-0001", null, RecordStatus.SUCCESS, null, T0.plusSeconds(30));
        record(solution, "5", "XSCK-20260101-0001", null, RecordStatus.SUCCESS, null, T0.plusSeconds(40));

        // when "CGRK-2026" is searched (the default)
        FoundRecords found = find("CGRK-2026", null);

        // then the bills of 2026 are found, the exact one first, then the most recently changed
        assertThat(codes(found)).containsExactly("CGRK-2026", "CGRK-20260102-0001", "CGRK-20260101-0001");
    }

    @Test
    void theSourceKeyAndTheTargetKeyFindTheirRecords() {
        long solution = solution("方案");
        record(solution, "K-778899", "CGRK-1", "GYS0023", RecordStatus.SUCCESS, null, T0);
        record(solution, "K-1", "CGRK-2", "GYS0024", RecordStatus.SKIPPED, null, T0);

        FoundRecords bySource = find("K-7788", null);
        FoundRecords byTarget = find("GYS0023", Match.EXACT);

        assertThat(codes(bySource)).containsExactly("CGRK-1");
        assertThat(bySource.records().get(0).matchedBy()).containsExactly(Key.SOURCE_KEY);
        assertThat(codes(byTarget)).containsExactly("CGRK-1");
        assertThat(byTarget.records().get(0).matchedBy()).containsExactly(Key.TARGET_KEY);
    }

    @Test
    void smallLettersFindBillNumbersWrittenInCapitals() {
        long solution = solution("方案");
        record(solution, "1", "CGRK-20260101-0001", null, RecordStatus.SUCCESS, null, T0);

        assertThat(codes(find("cgrk-20260101", null))).containsExactly("CGRK-20260101-0001");
    }

    @Test
    void percentAndUnderscoreInAQueryMatchOnlyThemselves() {
        // given keys that a LIKE wildcard would confuse
        long solution = solution("方案");
        record(solution, "ORDER_1", null, null, RecordStatus.SUCCESS, null, T0);
        record(solution, "ORDERX1", null, null, RecordStatus.SUCCESS, null, T0);
        record(solution, "50%OFF", null, null, RecordStatus.SUCCESS, null, T0);
        record(solution, "50-OFF", null, null, RecordStatus.SUCCESS, null, T0);

        assertThat(find("ORDER_", null).records()).extracting(FoundRecord::sourceKey).containsExactly("ORDER_1");
        assertThat(find("50%O", null).records()).extracting(FoundRecord::sourceKey).containsExactly("50%OFF");
    }

    @Test
    void eachRecordListsTheRunsItAppearsInNewestFirst() {
        // given a record that failed in one run and was written by a re-push, then touched by a run that logged
        // nothing for it (log level 仅失败)
        long solution = solution("方案");
        long first = run(solution);
        long repush = run(solution);
        long quiet = run(solution);
        long record = record(solution, "1", "CGRK-20260101-0001", "GYS0001", RecordStatus.SUCCESS, quiet, T0);
        long failedLog = log(first, record, RecordStatus.FAILED);
        long writtenLog = log(repush, record, RecordStatus.SUCCESS);

        // when it is found
        FoundRecord found = find("CGRK-20260101-0001", null).records().get(0);

        // then its runs are listed newest first, each with its entry in the run's log where there is one
        assertThat(found.runs()).containsExactly(new Appearance(quiet, null, null, null),
                new Appearance(repush, writtenLog, RecordStatus.SUCCESS, T0.plusSeconds(writtenLog)),
                new Appearance(first, failedLog, RecordStatus.FAILED, T0.plusSeconds(failedLog)));
        assertThat(found.moreRuns()).isFalse();
    }

    @Test
    void aSearchListsAtMost200AndSaysMoreMatch() {
        // given 250 bills starting alike
        long solution = solution("方案");
        for (int i = 0; i < 250; i++) {
            record(solution, "K" + i, String.format("CGRK-20260101-%04d", i), null, RecordStatus.SUCCESS, null, T0);
        }

        // when their common beginning is searched
        FoundRecords found = find("CGRK-2026", null);

        // then 200 are listed, and the answer says more match
        assertThat(found.records()).hasSize(RecordSearch.LIMIT);
        assertThat(found.more()).isTrue();
        assertThat(find("CGRK-20260101-0249", null).more()).isFalse();
    }

    @Test
    void nothingMatchingIsAnEmptyAnswer() {
        solution("方案");

        FoundRecords found = find("NOPE", null);

        assertThat(found.records()).isEmpty();
        assertThat(found.more()).isFalse();
    }

    @Test
    void everyLookUpReadsAnIndexNotTheTable() {
        for (Key key : Key.values()) {
            for (Match match : Match.values()) {
                String plan = plan(RecordSearch.lookupSql(key, match),
                        match == Match.EXACT ? "CGRK-20260101-0001" : SearchQuery.prefixPattern("CGRK-2026"));
                assertThat(plan.toLowerCase(Locale.ROOT)).as(key + " " + match + ":\n" + plan)
                        .contains(indexOf(key)).doesNotContain("tablescan").doesNotContain("seq scan");
            }
        }
    }

    /** The index a look-up of {@code key} must read (V16, and V10's unique key on H2). */
    String indexOf(Key key) {
        return switch (key) {
            case CODE -> "yq_source_record_code_search";
            case SOURCE_KEY -> "yq_source_record_key";
            case TARGET_KEY -> "yq_source_record_target_search";
        };
    }

    /** The database's plan of {@code sql} with {@code argument} bound. */
    String plan(String sql, String argument) {
        return String.join("\n", jdbc.queryForList("explain " + sql, String.class, argument));
    }
}
