package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V12 moves staged content out of the record's row into {@code yq_source_content}, on both databases: what records
 * staged before the upgrade hold reads the same afterwards, and removing a record removes its content.
 */
class SourceContentMigrationIT {

    private static final byte[] COMPRESSED = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 1, 2, 3};

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
    void onH2TheContentOfRecordsStagedBeforeTheUpgradeMovesToItsOwnTable() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:content-move-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");

        assertContentMoves(h2, "h2");
    }

    @Test
    void onPostgresTheContentOfRecordsStagedBeforeTheUpgradeMovesToItsOwnTable() {
        assertContentMoves(postgres.getPostgresDatabase(), "postgresql");
    }

    private static void assertContentMoves(DataSource database, String vendor) {
        // given a database at V11 with a compressed record (with a dictionary) and one staged as text before V8
        migrate(database, vendor, "11");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into yq_source_record (id, solution_id, source_key, content_hash, content, content_z,"
                + " dictionary_id, status, attempts, sent, fetched_at, updated_at) values (1, 9, 'K-1', 'h', null, ?,"
                + " 7, 'SUCCESS', 1, true, ?, ?)", COMPRESSED, now, now);
        jdbc.update("insert into yq_source_record (id, solution_id, source_key, content_hash, content, status,"
                + " attempts, sent, fetched_at, updated_at) values (2, 9, 'K-2', 'h', '{\"id\":\"K-2\"}', 'PENDING', 0,"
                + " false, ?, ?)", now, now);

        // when the platform is upgraded
        migrate(database, vendor, null);

        // then the compressed content and its dictionary are in the new table, the text stays in its row
        List<Map<String, Object>> moved = jdbc.queryForList("select record_id, content_z, dictionary_id from"
                + " yq_source_content");
        assertThat(moved).hasSize(1);
        assertThat(((Number) moved.get(0).get("record_id")).longValue()).isEqualTo(1);
        assertThat((byte[]) moved.get(0).get("content_z")).isEqualTo(COMPRESSED);
        assertThat(((Number) moved.get(0).get("dictionary_id")).longValue()).isEqualTo(7);
        assertThat(jdbc.queryForObject("select content from yq_source_record where id = 2", String.class))
                .isEqualTo("{\"id\":\"K-2\"}");
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where"
                + " lower(table_name) = 'yq_source_record' and lower(column_name) in ('content_z', 'dictionary_id')",
                Integer.class)).isZero();

        // and a record removed (its solution deleted) takes its content with it
        jdbc.update("delete from yq_source_record where solution_id = 9");
        assertThat(jdbc.queryForObject("select count(*) from yq_source_content", Integer.class)).isZero();
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
