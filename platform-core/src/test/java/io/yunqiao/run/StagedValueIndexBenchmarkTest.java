package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the exact {@code $lookup} costs on 100,000 staged records (docs/mapping.md): the time to build a field's
 * value index, the heap it holds, and a look-up after it. Prints, asserts no time; runs only when asked:
 * {@code ./mvnw -pl platform-core test -Dtest=StagedValueIndexBenchmarkTest -Dyunqiao.bench=true}.
 */
@EnabledIfSystemProperty(named = "yunqiao.bench", matches = "true")
class StagedValueIndexBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 100_000;

    @Test
    void buildsTheIndexOfAHundredThousandStagedRecords() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:lookup-bench;DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Timestamp now = Timestamp.from(Instant.now().minusSeconds(3600));
        jdbc.update("insert into yq_solution (id, name, enabled, current_version, created_at, updated_at,"
                + " row_version) values (1, '客户同步', true, 1, ?, ?, 0)", now, now);
        StagedContents contents = new StagedContents(id -> null, null);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> bodies = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ObjectNode record = JSON.createObjectNode().put("id", "K-" + i).put("code", "C-" + i)
                    .put("name", "客户 " + i);
            record.putObject("contact").put("phone", String.valueOf(13_800_000_000L + i)).put("city", "杭州");
            for (int field = 0; field < 20; field++) {
                record.put("field_" + field, "值 " + (i * field % 97));
            }
            rows.add(new Object[] {i + 1, "K-" + i, "C-" + i, now, now});
            bodies.add(new Object[] {i + 1, CompressedText.compress(StagedContents.json(record), null)});
        }
        jdbc.batchUpdate("insert into yq_source_record (id, solution_id, source_key, code, content_hash, status,"
                + " attempts, sent, fetched_at, updated_at) values (?, 1, ?, ?, 'h', 'SUCCESS', 1, true, ?, ?)", rows);
        jdbc.batchUpdate("insert into yq_source_content (record_id, content_z) values (?, ?)", bodies);
        DatabaseLookups lookups = new DatabaseLookups(jdbc, contents, 1_000_000);

        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        assertThat(lookups.find("客户同步", "contact.phone", "13800000007")).isPresent();
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        System.gc();
        long heapAfter = usedHeap();
        long lookStarted = System.nanoTime();
        int looks = 1000;
        for (int i = 0; i < looks; i++) {
            assertThat(lookups.find("客户同步", "contact.phone", String.valueOf(13_800_000_000L + i * 97))).isPresent();
        }
        long lookMicros = (System.nanoTime() - lookStarted) / 1000 / looks;
        System.out.printf("value index of %,d staged records: built in %,d ms, %,d values, ~%,d MB heap; a look-up"
                + " after it %,d µs%n", RECORDS, buildMillis, lookups.index(1, "contact.phone").size(),
                (heapAfter - heapBefore) >> 20, lookMicros);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
