package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code $valueMap} over the database: a table exists from its creation (V15), before its first entry, so a mapping
 * reading an empty table gets undefined rather than "no such table".
 */
class ValueMapLookupsTest {

    private JdbcTemplate jdbc;
    private DatabaseLookups lookups;

    @BeforeEach
    void migratedDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:valuemap-lookups-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(database);
        lookups = new DatabaseLookups(jdbc, null, 0);
    }

    @Test
    void aTableWithoutEntriesExistsAndGivesNothing() {
        jdbc.update("insert into yq_value_map_table (table_name, created_at, updated_at) values ('空表',"
                + " current_timestamp, current_timestamp)");

        assertThat(lookups.hasTable("空表")).isTrue();
        assertThat(lookups.lookup("空表", "现金")).isEmpty();
    }

    @Test
    void aTableThatWasNeverCreatedDoesNotExist() {
        assertThat(lookups.hasTable("没有")).isFalse();
    }

    @Test
    void anEntryIsFoundByItsKey() {
        jdbc.update("insert into yq_value_map_table (table_name, created_at, updated_at) values ('付款方式',"
                + " current_timestamp, current_timestamp)");
        jdbc.update("insert into yq_value_map (table_name, map_key, map_value) values ('付款方式', '现金', 'CASH')");

        assertThat(lookups.lookup("付款方式", "现金")).contains("CASH");
    }
}
