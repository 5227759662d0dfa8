package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.problem.Problem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code $lookup(solution, field, value)} over records staged compressed (and as text by earlier versions), on a
 * real H2 database migrated by the platform's own migrations: by primary key or code through the index, else through
 * the value index of the field, exactly, whatever the record's age, and up to date with records staged since.
 */
class DatabaseLookupsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SOLUTION = 1;
    private static final int RECORDS = 120;

    private JdbcTemplate jdbc;
    private StagedContents contents;
    private final List<JsonNode> staged = new ArrayList<>();

    private static ObjectNode customer(int i) {
        ObjectNode customer = JSON.createObjectNode().put("id", "K-" + i).put("code", "C-" + i)
                .put("name", "客户 " + i);
        customer.putObject("contact").put("phone", "1380000" + String.format("%04d", i)).put("city", "杭州");
        for (int field = 0; field < 20; field++) {
            customer.put("field_" + field, "值 " + (i * field % 97));
        }
        return customer;
    }

    @BeforeEach
    void stagedCustomers() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:lookups-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(database);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into yq_solution (id, name, enabled, current_version, created_at, updated_at,"
                + " row_version) values (?, '客户同步', true, 1, ?, ?, 0)", SOLUTION, now, now);
        contents = new StagedContents(id -> CompressedText.Dictionary.of(id, jdbc.queryForObject(
                "select dictionary from yq_content_dictionary where id = ?", byte[].class, id)), null);
        // the oldest: staged as text by a version before compressed staging
        ObjectNode old = customer(0);
        insert(old, null, old.toString(), null);
        // then compressed: the first ones without a dictionary, the rest with the one trained on them
        List<byte[]> samples = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            byte[] json = StagedContents.json(customer(i));
            if (i <= 100) {
                samples.add(json);
                insert(customer(i), CompressedText.compress(json, null), null, null);
            } else {
                if (i == 101) {
                    byte[] trained = CompressedText.train(samples, ContentDictionaries.DICTIONARY_BYTES);
                    assertThat(trained).isNotNull();
                    jdbc.update("insert into yq_content_dictionary (id, solution_id, dictionary, samples,"
                            + " created_at) values (7, ?, ?, 100, ?)", SOLUTION, trained, now);
                }
                insert(customer(i), CompressedText.compress(json, dictionary(7)), null, 7L);
            }
        }
    }

    private CompressedText.Dictionary dictionary(long id) {
        return CompressedText.Dictionary.of(id, jdbc.queryForObject(
                "select dictionary from yq_content_dictionary where id = ?", byte[].class, id));
    }

    private void insert(JsonNode record, byte[] compressed, String text, Long dictionary) {
        Timestamp now = Timestamp.from(Instant.now());
        long id = staged.size() + 1000;
        jdbc.update("insert into yq_source_record (id, solution_id, source_key, code, content_hash, content,"
                + " status, attempts, sent, fetched_at, updated_at) values (?, ?, ?, ?, 'h', ?, 'SUCCESS', 1, true,"
                + " ?, ?)", id, SOLUTION, record.get("id").asText(), record.get("code").asText(), text, now, now);
        if (compressed != null) {
            jdbc.update("insert into yq_source_content (record_id, content_z, dictionary_id) values (?, ?, ?)", id,
                    compressed, dictionary);
        }
        staged.add(record);
    }

    /** Look-ups whose value index holds at most {@code maxValues} values (above: every look-up reads). */
    private DatabaseLookups scanning(int maxValues) {
        return new DatabaseLookups(jdbc, contents, maxValues);
    }

    private void stageLater(JsonNode record) {
        insert(record, CompressedText.compress(StagedContents.json(record), null), null, null);
    }

    @Test
    void aRecordIsFoundByItsPrimaryKey() {
        assertThat(scanning(0).find("客户同步", "id", "K-5")).contains(customer(5));
    }

    @Test
    void aRecordIsFoundByItsCode() {
        assertThat(scanning(0).find("客户同步", "code", "C-117")).contains(customer(117));
    }

    @Test
    void aRecordIsFoundByAnotherFieldAmongTheNewestStaged() {
        assertThat(scanning(50).find("客户同步", "contact.phone", "13800000090")).contains(customer(90));
    }

    @Test
    void aRecordOlderThanTheNewestFiftyIsFoundByAnotherField() {
        // 50 was the scan window before the look-ups became exact: this record, 110 records back, was not found
        assertThat(scanning(50).find("客户同步", "contact.phone", "13800000010")).contains(customer(10));
        assertThat(scanning(1_000_000).find("客户同步", "contact.phone", "13800000010")).contains(customer(10));
    }

    @Test
    void aRecordStagedAfterTheFirstLookUpIsFound() {
        // given a look-up that built the index
        DatabaseLookups lookups = scanning(1_000_000);
        assertThat(lookups.find("客户同步", "contact.phone", "13800000077")).contains(customer(77));

        // when another record is staged
        ObjectNode newer = customer(500);
        stageLater(newer);

        // then the next look-up finds it
        assertThat(lookups.find("客户同步", "contact.phone", "13800000500")).contains(newer);
    }

    @Test
    void aRecordStagedAgainWithAnotherValueIsFoundByTheNewValueOnly() {
        // given a look-up that built the index
        DatabaseLookups lookups = scanning(1_000_000);
        assertThat(lookups.find("客户同步", "contact.phone", "13800000042")).contains(customer(42));

        // when record 42 is staged again with a new phone
        ObjectNode changed = customer(42);
        ((ObjectNode) changed.get("contact")).put("phone", "13999999999");
        jdbc.update("update yq_source_content set content_z = ?, dictionary_id = null where record_id = (select id"
                + " from yq_source_record where source_key = 'K-42')", (Object) CompressedText.compress(
                        StagedContents.json(changed), null));
        jdbc.update("update yq_source_record set fetched_at = ? where source_key = 'K-42'",
                Timestamp.from(Instant.now()));

        // then the old phone finds nothing and the new one finds it
        assertThat(lookups.find("客户同步", "contact.phone", "13800000042")).isEmpty();
        assertThat(lookups.find("客户同步", "contact.phone", "13999999999")).contains(changed);
    }

    @Test
    void whenTheNewestHolderOfAValueChangesTheNextNewestIsFound() {
        // given the city 杭州 held by every record, the newest answering
        DatabaseLookups lookups = scanning(1_000_000);
        assertThat(lookups.find("客户同步", "contact.city", "杭州")).contains(customer(RECORDS));

        // when the newest moves to another city
        ObjectNode moved = customer(RECORDS);
        ((ObjectNode) moved.get("contact")).put("city", "宁波");
        jdbc.update("update yq_source_content set content_z = ?, dictionary_id = null where record_id = (select id"
                + " from yq_source_record where source_key = ?)", CompressedText.compress(StagedContents.json(moved),
                        null), "K-" + RECORDS);
        jdbc.update("update yq_source_record set fetched_at = ? where source_key = ?", Timestamp.from(Instant.now()),
                "K-" + RECORDS);

        // then the one before it answers
        assertThat(lookups.find("客户同步", "contact.city", "杭州")).contains(customer(RECORDS - 1));
    }

    @Test
    void aRecordIsStillFoundByItsKey() {
        assertThat(scanning(50).find("客户同步", "id", "K-10")).contains(customer(10));
    }

    @Test
    void aValueThatIsSomeRecordsKeyButNotItsFieldValueIsNoMatch() {
        assertThat(scanning(2000).find("客户同步", "name", "K-5")).isEmpty();
    }

    @Test
    void aRecordStagedAsTextByAnEarlierVersionIsFoundAndRead() {
        assertThat(scanning(0).find("客户同步", "id", "K-0")).contains(customer(0));
        assertThat(scanning(2000).find("客户同步", "contact.phone", "13800000000")).contains(customer(0));
    }

    @Test
    void theNewestOfSeveralMatchesIsFound() {
        assertThat(scanning(2000).find("客户同步", "contact.city", "杭州")).contains(customer(RECORDS));
    }

    @Test
    void anUnknownSolutionFailsTheLookupNamingIt() {
        assertThatThrownBy(() -> scanning(2000).find("订单同步", "code", "C-1"))
                .isInstanceOfSatisfying(Problem.class,
                        e -> assertThat(e.code()).isEqualTo("problem.engine.lookupNoSolution"))
                .hasMessageContaining("'订单同步' does not exist");
    }

    @Test
    void damagedContentIsUnreadableNamingTheRecord() {
        jdbc.update("update yq_source_content set content_z = ? where record_id = (select id from"
                + " yq_source_record where source_key = 'K-110')", (Object) new byte[] {
            0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0, 1, 2, 3});

        assertThatThrownBy(() -> scanning(0).find("客户同步", "id", "K-110"))
                .isInstanceOf(CompressedText.Unreadable.class);
    }
}
