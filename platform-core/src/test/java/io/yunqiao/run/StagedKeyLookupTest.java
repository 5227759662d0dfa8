package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staging looks up the keys of each fetched page among the solution's staged records: on the platform's own schema
 * that lookup reads the page's keys from the index, however many records the solution has staged.
 */
class StagedKeyLookupTest {

    private static final int STAGED = 5_000;

    @Test
    void aPagesKeysAreLookedUpByIndexNotByWalkingTheSolutionsRecords() {
        // given a solution with 5,000 staged records on the migrated embedded database
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:staged-keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into yq_solution (id, name, enabled, current_version, created_at, updated_at,"
                + " row_version) values (1, 'bills', true, 1, ?, ?, 0)", now, now);
        jdbc.update("insert into yq_source_record (id, solution_id, source_key, content_hash, status, attempts, sent,"
                + " fetched_at, updated_at) select x, 1, 'K' || x, 'h', 'SUCCESS', 0, false, ?, ? from"
                + " system_range(1, " + STAGED + ")", now, now);

        // when staging asks which of a page's keys are known
        List<String> plan = jdbc.queryForList("explain analyze select id from yq_source_record where solution_id = 1"
                + " and source_key in ('K1', 'K2500', 'K4999', 'new')", String.class);

        // then only those keys are read
        String text = String.join("\n", plan);
        assertThat(text).containsIgnoringCase("SOURCE_KEY IN");
        int scanned = Integer.parseInt(text.replaceAll("(?s).*scanCount: (\\d+).*", "$1"));
        assertThat(scanned).isLessThan(10);
    }
}
