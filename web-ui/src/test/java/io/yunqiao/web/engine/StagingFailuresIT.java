package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictDecompress;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SourceSamples;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Staging meets bad input or a failing database (issue #12, "Bad input"): a page that is not JSON, a page larger
 * than {@code yunqiao.engine.max-page-bytes}, content that cannot be compressed or read back, a full disk. Each
 * time the run ends FAILED with a clear reason, the checkpoint does not move past what is staged, nothing staged
 * is lost, and the next run writes every customer exactly once. Also: what staging stores, and that records staged
 * as text by earlier versions keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:staging-failures;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "spring.quartz.auto-startup=false",
    "spring.quartz.scheduler-name=staging-failures",
    "yunqiao.security.admin-password=" + SandboxAdmin.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    "yunqiao.sandbox.settings.kingdee.bills=300",
    // pages of 20 bills (about 200 KB) pass, pages of 100 (about 1 MB) do not
    "yunqiao.engine.max-page-bytes=400KB"})
@DirtiesContext
class StagingFailuresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "jdy/pur/pur_inbound_list";
    private static final int BILLS = 300;

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
    SourceSamples samples;

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

    @AfterEach
    void removeFaults() {
        jdbc.execute("drop trigger if exists yq_full_disk");
        FullDisk.rowsLeft.set(Integer.MAX_VALUE);
    }

    /** The seed template over the sandbox's whole data set, unthrottled, with pages of {@code pageSize} bills. */
    private SolutionView seed(int pageSize) {
        SolutionView copied = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "暂存方案", kingdee, jackyun);
        return withPageSize(copied, pageSize);
    }

    private SolutionView withPageSize(SolutionView solution, int pageSize) {
        // edited as JSON, as an export is: whatever else a spec holds stays as it is
        ObjectNode spec = Solutions.SPEC_JSON.valueToTree(solutions.current(solution.id()).spec());
        ((ObjectNode) spec.get("source")).put("pageSize", pageSize);
        ((ObjectNode) spec.get("window")).put("start", "P31D");
        ((ObjectNode) spec.get("rateLimit")).put("perSecond", 0);
        ((ObjectNode) spec.get("retry")).put("attempts", 2).put("backoffMillis", 10).put("jitter", 0);
        try {
            return solutions.update(solution.id(), Solutions.SPEC_JSON.treeToValue(spec, SolutionSpec.class),
                    "pages of " + pageSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bill of the sandbox by its id, read independently through the connector. */
    private Map<String, JsonNode> allBills() {
        Map<String, JsonNode> bills = new LinkedHashMap<>();
        PageRequest page = PageRequest.first(20);
        QueryPage answer;
        do {
            answer = client.query(connections.runtime(kingdee), LIST, Map.of(), page);
            answer.records().forEach(bill -> bills.put(bill.get("id").asText(), bill));
            page = answer.next();
        } while (answer.hasMore());
        assertThat(bills).hasSize(BILLS);
        return bills;
    }

    /** Jackyun holds one customer per supplier of the bills, each added exactly once. */
    private void assertEveryCustomerWrittenOnce() {
        List<String> suppliers = allBills().values().stream().map(b -> b.get("supplierid_number").asText())
                .distinct().sorted().toList();
        JsonNode customers = sandboxes.customers();
        assertThat(customers.get("count").asInt()).isEqualTo(suppliers.size());
        List<String> added = new ArrayList<>();
        customers.get("addCalls").properties().forEach(call -> {
            assertThat(call.getValue().asInt()).as("add calls of customer %s", call.getKey()).isEqualTo(1);
            added.add(call.getKey());
        });
        assertThat(added).containsExactlyInAnyOrderElementsOf(suppliers);
    }

    private boolean hasCheckpoint(long solutionId) {
        return jdbc.queryForObject("select count(*) from yq_checkpoint where solution_id = ?", Integer.class,
                solutionId) > 0;
    }

    private int staged(long solutionId) {
        return jdbc.queryForObject("select count(*) from yq_source_record where solution_id = ?", Integer.class,
                solutionId);
    }

    private Run runOnce(long solutionId) {
        return engine.runNow(solutionId, RunTrigger.MANUAL, false);
    }

    @Test
    void aPageThatIsNotJsonEndsTheRunFailedAndTheNextRunWritesEveryCustomerOnce() {
        SolutionView solution = seed(20);
        sandboxes.post("/kingdee/_admin/faults", "{\"kind\":\"MALFORMED\",\"count\":2,\"pathPrefix\":\"/" + LIST
                + "\"}");

        Run failed = runOnce(solution.id());

        assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error(Locale.ENGLISH)).contains("Fetching page 1").contains("not a JSON object");
        assertThat(failed.getError()).contains("读取第 1 页").contains("对方的答复不是 JSON 对象");
        assertThat(hasCheckpoint(solution.id())).isFalse();
        assertThat(sandboxes.customers().get("count").asInt()).isZero();

        Run next = runOnce(solution.id());

        assertThat(next.getStatus()).as(next.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(hasCheckpoint(solution.id())).isTrue();
        assertEveryCustomerWrittenOnce();
    }

    @Test
    void aPageLargerThanTheLimitEndsTheRunFailedNamingTheLimitAndSmallerPagesThenWriteEveryCustomerOnce() {
        SolutionView solution = seed(100);

        Run failed = runOnce(solution.id());

        assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error(Locale.ENGLISH)).contains(LIST).contains(String.valueOf(400 * 1024))
                .contains("yunqiao.engine.max-page-bytes").contains("page size");
        assertThat(hasCheckpoint(solution.id())).isFalse();
        assertThat(staged(solution.id())).isZero();

        withPageSize(solution, 20);
        Run next = runOnce(solution.id());

        assertThat(next.getStatus()).as(next.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(next.getFetched()).isEqualTo(BILLS);
        assertEveryCustomerWrittenOnce();
    }

    @Test
    void aFullDiskWhileStagingEndsTheRunFailedKeepsThePagesStagedBeforeAndTheNextRunWritesEveryCustomerOnce() {
        SolutionView solution = seed(20);
        // the database accepts 50 more rows of staged records, then answers "disk full" (SQLState 53100)
        FullDisk.rowsLeft.set(50);
        jdbc.execute("create trigger yq_full_disk before insert on yq_source_record for each row call \""
                + FullDisk.class.getName() + "\"");

        Run failed = runOnce(solution.id());

        assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error(Locale.ENGLISH)).contains("53100").contains("checkpoint did not move");
        assertThat(hasCheckpoint(solution.id())).isFalse();
        // pages 1 and 2 are kept whole; page 3 failed on its 11th row and left nothing
        assertThat(staged(solution.id())).isEqualTo(40);

        jdbc.execute("drop trigger yq_full_disk");
        Run next = runOnce(solution.id());

        assertThat(next.getStatus()).as(next.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(staged(solution.id())).isEqualTo(BILLS);
        assertThat(hasCheckpoint(solution.id())).isTrue();
        assertEveryCustomerWrittenOnce();
    }

    @Test
    void aDamagedCompressionDictionaryEndsTheRunFailedAndOnceRemovedTheNextRunWritesEveryCustomerOnce() {
        SolutionView solution = seed(20);
        jdbc.update("insert into yq_content_dictionary (id, solution_id, dictionary, samples, created_at)"
                + " values (999999999, ?, ?, 100, current_timestamp)", solution.id(),
                "damaged".getBytes(StandardCharsets.UTF_8));

        Run failed = runOnce(solution.id());

        assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error(Locale.ENGLISH)).contains("compression dictionary 999999999 cannot be used");
        assertThat(hasCheckpoint(solution.id())).isFalse();
        assertThat(staged(solution.id())).isZero();

        jdbc.update("delete from yq_content_dictionary where id = 999999999");
        Run next = runOnce(solution.id());

        assertThat(next.getStatus()).as(next.getError()).isEqualTo(RunStatus.SUCCESS);
        assertEveryCustomerWrittenOnce();
    }

    @Test
    void aRecordWhoseStoredContentIsDamagedEndsTheRunFailedAndOnceRepairedIsWrittenOnce() {
        // given a run that staged two pages and then met a full disk
        SolutionView solution = seed(20);
        FullDisk.rowsLeft.set(50);
        jdbc.execute("create trigger yq_full_disk before insert on yq_source_record for each row call \""
                + FullDisk.class.getName() + "\"");
        runOnce(solution.id());
        jdbc.execute("drop trigger yq_full_disk");
        // (the pipeline wrote what those pages staged before the run ended) and one record waiting to be written
        // again, as a re-push or a crash leaves it, damaged in the database
        Map<String, Object> victim = jdbc.queryForMap("select r.id, r.source_key, c.content_z from yq_source_record r"
                + " join yq_source_content c on c.record_id = r.id where r.solution_id = ? order by r.id"
                + " fetch first 1 rows only", solution.id());
        byte[] intact = (byte[]) victim.get("CONTENT_Z");
        byte[] damaged = intact.clone();
        for (int i = 8; i < damaged.length; i += 2) {
            damaged[i] ^= 0x5A;
        }
        jdbc.update("update yq_source_content set content_z = ? where record_id = ?", damaged, victim.get("ID"));
        jdbc.update("update yq_source_record set status = 'PENDING' where id = ?", victim.get("ID"));

        Run failed = runOnce(solution.id());

        assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error(Locale.ENGLISH)).contains("source record " + victim.get("ID"))
                .contains(String.valueOf(victim.get("SOURCE_KEY"))).contains("cannot be read back");
        assertThat(staged(solution.id())).isEqualTo(BILLS);

        jdbc.update("update yq_source_content set content_z = ? where record_id = ?", intact, victim.get("ID"));
        Run next = runOnce(solution.id());

        assertThat(next.getStatus()).as(next.getError()).isEqualTo(RunStatus.SUCCESS);
        assertEveryCustomerWrittenOnce();
    }

    @Test
    void stagedContentIsCompressedWithTheSolutionsDictionaryAndReadsBackAsTheFetchedBill() throws Exception {
        SolutionView solution = seed(20);

        Run run = runOnce(solution.id());

        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        // one dictionary, trained on the first 100 records staged: the first four pages have none, the fifth page
        // (which brought the samples to 100) and every later one use it
        Map<String, Object> dictionary = jdbc.queryForMap("select id, dictionary, samples from"
                + " yq_content_dictionary where solution_id = ?", solution.id());
        assertThat(dictionary.get("SAMPLES")).isEqualTo(100);
        ZstdDictDecompress trained = new ZstdDictDecompress((byte[]) dictionary.get("DICTIONARY"));
        Map<String, JsonNode> bills = allBills();
        List<Map<String, Object>> rows = jdbc.queryForList("select r.source_key, r.content, c.content_z,"
                + " c.dictionary_id from yq_source_record r left join yq_source_content c on c.record_id = r.id"
                + " where r.solution_id = ? order by r.id", solution.id());
        assertThat(rows).hasSize(BILLS);
        long plainBytes = 0;
        long storedBytes = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            byte[] stored = (byte[]) row.get("CONTENT_Z");
            assertThat(row.get("CONTENT")).isNull();
            assertThat(row.get("DICTIONARY_ID")).isEqualTo(i < 80 ? null : dictionary.get("ID"));
            int size = (int) Zstd.getFrameContentSize(stored);
            byte[] json = i < 80 ? Zstd.decompress(stored, size) : Zstd.decompress(stored, trained, size);
            JsonNode bill = bills.get((String) row.get("SOURCE_KEY"));
            assertThat(JSON.readTree(json)).isEqualTo(bill);
            if (i >= 80) {
                plainBytes += json.length;
                storedBytes += stored.length;
            }
        }
        // the bills are 7 to 18 KB of JSON; with the dictionary each is stored in a small part of that
        assertThat(storedBytes * 5).isLessThan(plainBytes);
        assertThat(samples.lastStaged(solution.id())).contains(bills.get((String) rows.get(BILLS - 1)
                .get("SOURCE_KEY")));
    }

    @Test
    void aBillChangedInTheSourceIsStoredAgainWithItsNewContentInPlaceOfTheOld() throws Exception {
        // given every bill staged and written, then seven bills changed in the source
        SolutionView solution = seed(20);
        runOnce(solution.id());
        sandboxes.post("/kingdee/_admin/bills/touch", "{\"count\":7}");

        // when the next run fetches them
        Run next = runOnce(solution.id());

        // then each record still has one stored content, and every stored content is the bill as the source has it
        assertThat(next.getStatus()).as(next.getError()).isEqualTo(RunStatus.SUCCESS);
        Map<String, Object> dictionary = jdbc.queryForMap("select id, dictionary from yq_content_dictionary where"
                + " solution_id = ?", solution.id());
        ZstdDictDecompress trained = new ZstdDictDecompress((byte[]) dictionary.get("DICTIONARY"));
        List<Map<String, Object>> rows = jdbc.queryForList("select r.source_key, c.content_z, c.dictionary_id from"
                + " yq_source_record r join yq_source_content c on c.record_id = r.id where r.solution_id = ?",
                solution.id());
        assertThat(rows).hasSize(BILLS);
        Map<String, JsonNode> bills = allBills();
        for (Map<String, Object> row : rows) {
            byte[] stored = (byte[]) row.get("CONTENT_Z");
            int size = (int) Zstd.getFrameContentSize(stored);
            byte[] json = row.get("DICTIONARY_ID") == null ? Zstd.decompress(stored, size)
                    : Zstd.decompress(stored, trained, size);
            JsonNode bill = bills.get((String) row.get("SOURCE_KEY"));
            assertThat(JSON.readTree(json)).as("stored content of %s", row.get("SOURCE_KEY")).isEqualTo(bill);
        }
        assertThat(jdbc.queryForObject("select count(*) from yq_source_record where solution_id = ? and"
                + " last_run_id = ?", Integer.class, solution.id(), next.getId()))
                .as("records the second run staged again").isEqualTo(7);
    }

    @Test
    void billsStagedAsTextByAnEarlierVersionAreDuplicatesWhenFetchedAgainUnchangedAndStillRead() throws Exception {
        // given every bill staged and written by the version before compressed staging: text content, and the
        // hash that version computed
        SolutionView solution = seed(20);
        for (JsonNode bill : allBills().values()) {
            jdbc.update("insert into yq_source_record (id, solution_id, source_key, code, content_hash, content,"
                    + " status, attempts, sent, fetched_at, updated_at) values (next value for yq_id_seq, ?, ?, ?,"
                    + " ?, ?, 'SUCCESS', 1, true, current_timestamp, current_timestamp)", solution.id(),
                    bill.get("id").asText(), bill.path("billno").asText(null), hashAsBefore(bill), bill.toString());
        }
        String newest = jdbc.queryForObject("select source_key from yq_source_record where solution_id = ?"
                + " order by id desc fetch first 1 rows only", String.class, solution.id());

        // when the upgraded platform fetches them again
        Run run = runOnce(solution.id());

        // then they are duplicates: nothing is written, nothing is stored again, and their text still reads
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFetched()).isEqualTo(BILLS);
        assertThat(run.getSkipped()).isEqualTo(BILLS);
        assertThat(run.getWritten()).isZero();
        assertThat(sandboxes.customers().get("count").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from yq_source_record r join yq_source_content c on"
                + " c.record_id = r.id where r.solution_id = ?", Integer.class, solution.id())).isZero();
        assertThat(samples.lastStaged(solution.id())).contains(allBills().get(newest));
    }

    /** The content hash as versions before compressed staging computed it: canonical JSON text, SHA-256. */
    private static String hashAsBefore(JsonNode record) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(text)) {
            canonical(generator, record);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void canonical(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                generator.writeFieldName(name);
                canonical(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                canonical(generator, element);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    /** An H2 trigger that plays a full disk: after {@link #rowsLeft} more rows, every insert is refused. */
    public static final class FullDisk implements Trigger {

        static final AtomicInteger rowsLeft = new AtomicInteger(Integer.MAX_VALUE);

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (rowsLeft.getAndDecrement() <= 0) {
                throw new SQLException("No space left on device (simulated by StagingFailuresIT)", "53100");
            }
        }
    }
}
