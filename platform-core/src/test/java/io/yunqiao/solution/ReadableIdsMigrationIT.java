package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V20 gives solutions and runs sequences of their own (issue #16, readable ids), on both databases: on a database
 * numbered by the shared sequence in blocks of 50 they start above the largest id, so ids keep ascending and the
 * next ones follow each other; on an empty database they start at 1.
 */
class ReadableIdsMigrationIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void onH2AnUpgradedDatabaseNumbersOnAboveItsLargestIds() {
        assertIdsGoOnAfterTheLargest(h2(), "h2");
    }

    @Test
    void onPostgresAnUpgradedDatabaseNumbersOnAboveItsLargestIds() {
        assertIdsGoOnAfterTheLargest(postgres.getPostgresDatabase(), "postgresql");
    }

    @Test
    void onH2AnEmptyDatabaseStartsAtOne() {
        assertEmptyStartsAtOne(h2(), "h2");
    }

    @Test
    void onPostgresAnEmptyDatabaseStartsAtOne() throws IOException {
        try (EmbeddedPostgres empty = EmbeddedPostgres.start()) {
            assertEmptyStartsAtOne(empty.getPostgresDatabase(), "postgresql");
        }
    }

    private static void assertIdsGoOnAfterTheLargest(DataSource database, String vendor) {
        // given a database at V19 whose solutions and runs were numbered in blocks of 50
        migrate(database, vendor, "19");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (long id : new long[] {52, 4502, 6752}) {
            insertSolution(jdbc, id);
        }
        for (long id : new long[] {152, 2203, 4353}) {
            insertRun(jdbc, id);
        }

        // when it is upgraded
        migrate(database, vendor, null);

        // then the next solutions and runs are numbered right after the largest, one after the other
        assertThat(next(jdbc, vendor, "yq_solution_seq")).isEqualTo(6753);
        assertThat(next(jdbc, vendor, "yq_solution_seq")).isEqualTo(6754);
        assertThat(next(jdbc, vendor, "yq_run_seq")).isEqualTo(4354);
        assertThat(next(jdbc, vendor, "yq_run_seq")).isEqualTo(4355);
    }

    private static void assertEmptyStartsAtOne(DataSource database, String vendor) {
        // given an empty database, when it is migrated
        migrate(database, vendor, null);

        // then the first solution and the first run are number 1
        JdbcTemplate jdbc = new JdbcTemplate(database);
        assertThat(next(jdbc, vendor, "yq_solution_seq")).isEqualTo(1);
        assertThat(next(jdbc, vendor, "yq_run_seq")).isEqualTo(1);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:readable-ids-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static void insertSolution(JdbcTemplate jdbc, long id) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into yq_solution (id, name, enabled, current_version, created_at, updated_at,"
                + " row_version) values (?, ?, false, 1, ?, ?, 0)", id, "方案 " + id, now, now);
    }

    private static void insertRun(JdbcTemplate jdbc, long id) {
        jdbc.update("insert into yq_run (id, solution_id, solution_version, trigger_type, dry_run, status, fetched,"
                + " skipped, written, failed, pages, started_at) values (?, 52, 1, 'MANUAL', false, 'SUCCESS', 0, 0,"
                + " 0, 0, 0, ?)", id, Timestamp.from(Instant.now()));
    }

    private static long next(JdbcTemplate jdbc, String vendor, String sequence) {
        String sql = vendor.equals("h2") ? "select next value for " + sequence : "select nextval('" + sequence + "')";
        return jdbc.queryForObject(sql, Long.class);
    }

    private static void migrate(DataSource database, String vendor, String target) {
        var configuration = Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}
