package io.yunqiao.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The clean-up on a real database (H2 and PostgreSQL), with data aged by a fake clock: the database shrinks to the
 * rows retention keeps, and nothing unresolved goes.
 */
class RetentionIT {

    /** When the old data was written: a little more than 31 days before the clean-up. */
    private static final Instant OLD = Instant.parse("2026-01-01T02:00:00Z");
    /** The clean-up's clock: 31 days and 6 hours after {@link #OLD}. */
    private static final Instant NOW = OLD.plus(Duration.ofDays(31).plusHours(6));
    private static final byte[] CONTENT = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 1, 2, 3};
    private static final String[] TABLES = {"yq_run", "yq_source_record", "yq_source_content", "yq_record_log",
        "yq_written_key"};

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    private static DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static DataSource postgres(String name) throws Exception {
        String database = name + "_" + System.nanoTime();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        return postgres.getDatabase("postgres", database);
    }

    @Test
    void onH2TheDatabaseShrinksToWhatRetentionKeeps() {
        shrinksToWhatRetentionKeeps(h2("retention"), "h2");
    }

    @Test
    void onPostgresTheDatabaseShrinksToWhatRetentionKeeps() throws Exception {
        shrinksToWhatRetentionKeeps(postgres("retention"), "postgresql");
    }

    @Test
    void onH2ARecordStagedAgainWhileTheCleanUpWaitsForItKeepsItsNewContent() throws Exception {
        keepsTheContentOfARecordStagedAgainMeanwhile(h2("restaged"), "h2");
    }

    @Test
    void onPostgresARecordStagedAgainWhileTheCleanUpWaitsForItKeepsItsNewContent() throws Exception {
        keepsTheContentOfARecordStagedAgainMeanwhile(postgres("restaged"), "postgresql");
    }

    private static void shrinksToWhatRetentionKeeps(DataSource database, String vendor) {
        // given a month of data of four solutions
        migrate(database, vendor);
        Data data = new Data(new JdbcTemplate(database));
        data.solution(1, "订单同步", "{\"name\":\"订单同步\",\"target\":{\"mapping\":\"{\\\"customer\\\":"
                + " $lookup(\\\"客户同步\\\", \\\"code\\\", customer).name}\"}}");
        data.solution(2, "客户同步", "{\"name\":\"客户同步\"}");
        data.solution(3, "长期日志", "{\"name\":\"长期日志\",\"retention\":{\"recordLogDays\":90}}");
        // solution 1: an old run with every kind of record, a recent run, empty runs on three days and a failed one
        long oldRun = data.run(1, OLD, "PARTIAL", 12);
        for (int i = 0; i < 6; i++) {
            data.record(1, oldRun, "SUCCESS", OLD, true, 1);
        }
        data.record(1, oldRun, "SKIPPED", OLD, false, 1);
        data.record(1, oldRun, "FAILED", OLD, false, 2);
        data.record(1, oldRun, "FAILED", OLD, false, 2);
        data.record(1, oldRun, "UNCONFIRMED", OLD, false, 1);
        data.record(1, oldRun, "PENDING", OLD, false, 1);
        data.record(1, oldRun, "PROCESSING", OLD, false, 1);
        data.log(oldRun, null, OLD);
        long recentRun = data.run(1, NOW.minus(Duration.ofDays(2)), "SUCCESS", 3);
        for (int i = 0; i < 3; i++) {
            data.record(1, recentRun, "SUCCESS", NOW.minus(Duration.ofDays(2)), true, 1);
        }
        Instant day1 = Instant.parse("2026-01-10T01:00:00Z");
        for (int i = 0; i < 25; i++) {
            data.run(1, day1.plus(Duration.ofMinutes(i)), "SUCCESS", 0);
        }
        Instant day2 = Instant.parse("2026-01-11T01:00:00Z");
        for (int i = 0; i < 3; i++) {
            data.run(1, day2.plus(Duration.ofMinutes(i)), "SKIPPED", 0);
        }
        long lastOfDay2 = data.run(1, day2.plus(Duration.ofMinutes(5)), "SUCCESS", 0);
        long failedEmpty = data.run(1, day2.plus(Duration.ofMinutes(6)), "FAILED", 0);
        for (int i = 0; i < 4; i++) {
            data.run(1, NOW.minus(Duration.ofHours(i + 1)), "SUCCESS", 0);
        }
        // solution 2 is looked up by solution 1: its written records keep their content, their logs go
        long lookedUpRun = data.run(2, OLD, "SUCCESS", 2);
        data.record(2, lookedUpRun, "SUCCESS", OLD, true, 1);
        data.record(2, lookedUpRun, "SUCCESS", OLD, true, 1);
        // solution 3 keeps its logs 90 days: its content follows the platform's 30
        long longRun = data.run(3, OLD, "SUCCESS", 1);
        data.record(3, longRun, "SUCCESS", OLD, true, 1);
        Map<String, Long> before = data.counts();
        assertThat(before).containsExactly(Map.entry("yq_run", 38L), Map.entry("yq_source_record", 18L),
                Map.entry("yq_source_content", 18L), Map.entry("yq_record_log", 21L),
                Map.entry("yq_written_key", 12L));

        DiskUsage usage = diskUsage(database);
        Map<Long, DiskUsage.Usage> sizeBefore = usage.refresh();

        // when the clean-up runs 31 days later, in batches of 10
        Housekeeping.Report report = housekeeping(database).cleanUp(NOW);

        // then the database has shrunk to what retention keeps
        assertThat(data.counts()).containsExactly(
                // 38 runs, less 24 of day 1's 25 empty runs and 3 of day 2's 4
                Map.entry("yq_run", 11L),
                // every staged record's row stays: its key and hash tell a duplicate from a change
                Map.entry("yq_source_record", 18L),
                // 18 contents, less solution 1's 7 written a month ago and solution 3's 1
                Map.entry("yq_source_content", 10L),
                // 21 logs, less solution 1's old logs of written records (7) and the one without a record, and
                // solution 2's two: the 7 logs of solution 1's unresolved records, its 3 recent ones and solution
                // 3's (90 days) stay
                Map.entry("yq_record_log", 11L),
                // written keys are never deleted: they stop duplicates
                Map.entry("yq_written_key", 12L));
        assertThat(report.solutions()).extracting(Housekeeping.Removed::solution, Housekeeping.Removed::recordLogs,
                Housekeeping.Removed::contents, Housekeeping.Removed::emptyRuns, Housekeeping.Removed::lookedUp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("订单同步", 8L, 7L, 27L, false),
                        org.assertj.core.groups.Tuple.tuple("客户同步", 2L, 0L, 0L, true),
                        org.assertj.core.groups.Tuple.tuple("长期日志", 0L, 1L, 0L, false));
        // nothing unresolved lost anything: every unresolved record has its content and every one of its logs
        assertThat(data.jdbc.queryForObject("select count(*) from yq_source_record r where r.status in ('FAILED',"
                + " 'UNCONFIRMED', 'PENDING', 'PROCESSING') and exists (select 1 from yq_source_content c where"
                + " c.record_id = r.id)", Long.class)).isEqualTo(5);
        assertThat(data.jdbc.queryForObject("select count(*) from yq_record_log l join yq_source_record r on r.id ="
                + " l.source_record_id where r.status in ('FAILED', 'UNCONFIRMED', 'PENDING', 'PROCESSING')",
                Long.class)).isEqualTo(7);
        // the last empty run of each old day stays, with today's, the failed one and the runs with records
        assertThat(data.jdbc.queryForList("select id from yq_run where solution_id = 1 and started_at >= ? and"
                + " started_at < ?", Long.class, at(day2), at(day2.plus(Duration.ofDays(1)))))
                .containsExactlyInAnyOrder(lastOfDay2, failedEmpty);
        assertThat(data.jdbc.queryForObject("select count(*) from yq_run where solution_id = 1 and started_at >= ?"
                + " and started_at < ?", Long.class, at(day1), at(day1.plus(Duration.ofDays(1))))).isEqualTo(1);

        // the disk used by solution 1 went down by its old logs and contents; its records and keys stay
        DiskUsage.Usage sizeAfter = usage.refresh().get(1L);
        assertThat(sizeAfter.logs()).isLessThan(sizeBefore.get(1L).logs()).isPositive();
        assertThat(sizeAfter.contents()).isEqualTo(8 * (DiskUsage.CONTENT_ROW + CONTENT.length))
                .isLessThan(sizeBefore.get(1L).contents());
        assertThat(sizeAfter.records()).isEqualTo(sizeBefore.get(1L).records());
        assertThat(sizeAfter.keys()).isEqualTo(sizeBefore.get(1L).keys()).isEqualTo(9 * DiskUsage.KEY_ROW);
        assertThat(sizeAfter.total()).isLessThan(sizeBefore.get(1L).total());

        // and a second clean-up finds nothing more to remove
        assertThat(housekeeping(database).cleanUp(NOW).solutions()).isEmpty();
        assertThat(data.counts()).containsExactly(Map.entry("yq_run", 11L), Map.entry("yq_source_record", 18L),
                Map.entry("yq_source_content", 10L), Map.entry("yq_record_log", 11L),
                Map.entry("yq_written_key", 12L));
    }

    private static void keepsTheContentOfARecordStagedAgainMeanwhile(DataSource database, String vendor)
            throws Exception {
        // given a record written a month ago, which a run is staging again with new content (not yet committed)
        migrate(database, vendor);
        Data data = new Data(new JdbcTemplate(database));
        data.solution(1, "订单同步", "{\"name\":\"订单同步\"}");
        long run = data.run(1, OLD, "SUCCESS", 1);
        long record = data.record(1, run, "SUCCESS", OLD, true, 1);
        byte[] fresh = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 9, 9, 9};
        try (Connection staging = database.getConnection()) {
            staging.setAutoCommit(false);
            var restage = staging.prepareStatement("update yq_source_record set status = 'PENDING', updated_at = ?"
                    + " where id = ?");
            restage.setObject(1, at(NOW));
            restage.setLong(2, record);
            restage.executeUpdate();
            var replace = staging.prepareStatement("update yq_source_content set content_z = ? where record_id = ?");
            replace.setBytes(1, fresh);
            replace.setLong(2, record);
            replace.executeUpdate();

            // when the clean-up runs meanwhile, and the staging commits while it waits for the record
            CompletableFuture<Housekeeping.Report> cleanUp = CompletableFuture.supplyAsync(
                    () -> housekeeping(database).cleanUp(NOW));
            Thread.sleep(500);
            staging.commit();

            // then the record keeps its new content
            assertThat(cleanUp.get(30, TimeUnit.SECONDS).contents()).isZero();
        }
        assertThat(data.jdbc.queryForObject("select content_z from yq_source_content where record_id = ?",
                byte[].class, record)).isEqualTo(fresh);
    }

    private static Housekeeping housekeeping(DataSource database) {
        RetentionSettings settings = new RetentionSettings("30", "30", "1", "0 30 3 * * ?", "10", "15");
        return new Housekeeping(new JdbcTemplate(database), new DataSourceTransactionManager(database),
                Clock.fixed(NOW, ZoneOffset.UTC), settings, event -> { });
    }

    private static DiskUsage diskUsage(DataSource database) {
        RetentionSettings settings = new RetentionSettings("30", "30", "1", "0 30 3 * * ?", "10", "15");
        return new DiskUsage(new JdbcTemplate(database), Clock.fixed(NOW, ZoneOffset.UTC), settings,
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }

    private static void migrate(DataSource database, String vendor) {
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Rows written as the engine writes them, at the times given. */
    private static final class Data {

        private final JdbcTemplate jdbc;
        private long ids = 1000;

        Data(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void solution(long id, String name, String spec) {
            jdbc.update("insert into yq_solution (id, name, enabled, current_version, created_at, updated_at,"
                    + " row_version) values (?, ?, false, 1, ?, ?, 0)", id, name, at(OLD), at(OLD));
            jdbc.update("insert into yq_solution_version (id, solution_id, version, spec, created_at) values"
                    + " (?, ?, 1, ?, ?)", ++ids, id, spec, at(OLD));
        }

        long run(long solution, Instant startedAt, String status, int fetched) {
            long id = ++ids;
            jdbc.update("insert into yq_run (id, solution_id, solution_version, trigger_type, dry_run, status,"
                    + " fetched, skipped, written, failed, pages, started_at, ended_at) values (?, ?, 1, 'SCHEDULE',"
                    + " false, ?, ?, 0, ?, 0, 1, ?, ?)", id, solution, status, fetched, fetched, at(startedAt),
                    at(startedAt.plusSeconds(1)));
            return id;
        }

        /** A staged record with its content and {@code logs} logs; a written one with its target key. */
        long record(long solution, long run, String status, Instant at, boolean keyed, int logs) {
            long id = ++ids;
            jdbc.update("insert into yq_source_record (id, solution_id, source_key, content_hash, status, attempts,"
                    + " sent, last_run_id, fetched_at, updated_at) values (?, ?, ?, 'h', ?, 1, true, ?, ?, ?)", id,
                    solution, "K-" + id, status, run, at(at), at(at));
            jdbc.update("insert into yq_source_content (record_id, content_z) values (?, ?)", id, CONTENT);
            if (keyed || status.equals("SUCCESS")) {
                jdbc.update("insert into yq_written_key (solution_id, target_key, source_record_id, written_at)"
                        + " values (?, ?, ?, ?)", solution, "T-" + id, id, at(at));
            }
            for (int i = 0; i < logs; i++) {
                log(run, id, at.plusSeconds(i));
            }
            return id;
        }

        void log(long run, Long record, Instant at) {
            jdbc.update("insert into yq_record_log (id, run_id, source_record_id, source_key, status, attempts,"
                    + " request, response, duration_ms, created_at) values (?, ?, ?, 'K', 'SUCCESS', 1, '{\"a\":1}',"
                    + " '{\"ok\":true}', 5, ?)", ++ids, run, record, at(at));
        }

        Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : List.of(TABLES)) {
                counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
            }
            return counts;
        }
    }
}
