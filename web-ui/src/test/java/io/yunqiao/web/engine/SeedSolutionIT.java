package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordLogRepository;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SourceRecord;
import io.yunqiao.run.SourceRecordRepository;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.runs.RunFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import io.yunqiao.web.SharedPlatform;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed scenario end to end over real HTTP against the mounted sandboxes: Kingdee purchase inbound bills become
 * Jackyun customers, one per supplier, with dedupe, windows, validation failures and retried faults.
 */
@SharedPlatform
class SeedSolutionIT {

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
    RecordLogRepository logs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SourceRecordRepository sourceRecords;

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

    /** The seed template bound to the sandboxes, with a first window that covers the sandbox's 30 days. */
    private SolutionView seedSolution() {
        SolutionView copied = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "种子方案", kingdee, jackyun);
        SolutionSpec spec = copied.spec();
        return solutions.update(copied.id(), new SolutionSpec(spec.name(), spec.description(), spec.source(),
                new SolutionSpec.Window("P31D", 300, 744), spec.target(), spec.dedupe(),
                new SolutionSpec.RateLimit(0), spec.retry(), spec.schedule(), spec.alerts()), "whole data set");
    }

    /** The number of the bill the sandbox answers first. */
    private String firstBill() {
        return client.query(connections.runtime(kingdee), "jdy/pur/pur_inbound_list", Map.of("search", "CGRK"),
                PageRequest.first(1)).records().get(0).get("billno").asText();
    }

    /**
     * One customer per bill, for the bills numbered like {@code firstBill} (one page of them), where the first bill
     * maps to an empty nickname and so fails validation.
     */
    private SolutionSpec perBillWithoutFirstNickname(SolutionSpec spec, String firstBill, SolutionSpec.Retry retry,
            LogLevel logLevel) {
        return new SolutionSpec(spec.name(), null, new SolutionSpec.Source(kingdee, "kingdee-jdy",
                "jdy/pur/pur_inbound_list", Map.of("search", TextNode.valueOf(firstBill.substring(0, 13))), 100),
                spec.window(), spec.target().withMapping("{ \"customerCode\": billno, \"nickname\": billno = \""
                        + firstBill + "\" ? \"\" : supplierid_name }"),
                new SolutionSpec.Dedupe(null), spec.rateLimit(), retry, spec.schedule(), spec.alerts(), logLevel);
    }

    /** Distinct supplier numbers of every bill, read independently through the connector. */
    private Set<String> suppliersOfAllBills() {
        Set<String> suppliers = new HashSet<>();
        PageRequest page = PageRequest.first(100);
        QueryPage answer;
        do {
            answer = client.query(connections.runtime(kingdee), "jdy/pur/pur_inbound_list", Map.of(), page);
            answer.records().forEach(r -> suppliers.add(r.get("supplierid_number").asText()));
            page = answer.next();
        } while (answer.hasMore());
        return suppliers;
    }

    private static Map<String, Integer> addCalls(JsonNode customers) {
        Map<String, Integer> calls = new TreeMap<>();
        customers.get("addCalls").properties().forEach(e -> calls.put(e.getKey(), e.getValue().asInt()));
        return calls;
    }

    @Test
    void writesExactlyOneCustomerPerDistinctSupplier() {
        SolutionView seed = seedSolution();
        Run run = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        Set<String> suppliers = suppliersOfAllBills();
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFetched()).isEqualTo(1000);
        assertThat(run.getWritten()).isEqualTo(suppliers.size());
        assertThat(run.getSkipped()).isEqualTo(1000 - suppliers.size());
        assertThat(run.getFailed()).isZero();
        JsonNode customers = sandboxes.customers();
        assertThat(customers.get("count").asInt()).isEqualTo(suppliers.size());
        assertThat(addCalls(customers).keySet()).isEqualTo(suppliers);
        assertThat(addCalls(customers).values()).containsOnly(1);
    }

    @Test
    void theV2GatewayTemplateWritesTheSameCustomersThroughTheSignedGateway() {
        // given the V2 template (app-token + X-Api-* signing, declared in its definition alone) bound to the sandbox
        long v2 = connections.create(new ConnectionDraft("金蝶沙箱 V2", "kingdee-jdy-v2", Map.of(
                "baseUrl", sandboxes.kingdee(), "clientId", "yunqiao-v2-demo", "clientSecret", "demo-secret-v2",
                "appKey", "demo-app-key", "appSecret", "demo-app-secret"))).id();
        SolutionView copied = templates.copy("kingdee-v2-pur-inbound-to-jackyun-customer", "种子方案 V2", v2, jackyun);
        SolutionSpec spec = copied.spec();
        SolutionView seed = solutions.update(copied.id(), new SolutionSpec(spec.name(), spec.description(),
                spec.source(), new SolutionSpec.Window("P31D", 300, 744), spec.target(), spec.dedupe(),
                new SolutionSpec.RateLimit(0), spec.retry(), spec.schedule(), spec.alerts()), "whole data set");

        // when it runs
        Run run = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        // then every bill was read through the gateway and one customer per supplier was written to Jackyun
        Set<String> suppliers = suppliersOfAllBills();
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFetched()).isEqualTo(1000);
        assertThat(run.getWritten()).isEqualTo(suppliers.size());
        assertThat(run.getFailed()).isZero();
        assertThat(addCalls(sandboxes.customers()).keySet()).isEqualTo(suppliers);
    }

    @Test
    void aSecondRunWritesNothingNew() {
        SolutionView seed = seedSolution();
        engine.runNow(seed.id(), RunTrigger.MANUAL, false);
        Map<String, Integer> before = addCalls(sandboxes.customers());

        Run second = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        assertThat(second.getStatus()).isEqualTo(RunStatus.SUCCESS);
        assertThat(second.getWritten()).isZero();
        assertThat(addCalls(sandboxes.customers())).isEqualTo(before);
    }

    @Test
    void billsModifiedInTheSourceAreFetchedAgainByTheNextWindow() {
        SolutionView seed = seedSolution();
        engine.runNow(seed.id(), RunTrigger.MANUAL, false);
        Run quiet = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        sandboxes.post("/kingdee/_admin/bills/touch", "{\"count\":7}");
        Run next = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        assertThat(next.getStatus()).as(() -> next.getError() + " " + logs.findByRunIdAndStatusOrderById(
                next.getId(), RecordStatus.FAILED, Pageable.unpaged()).stream().map(RecordLog::getMessage).toList())
                .isEqualTo(RunStatus.SUCCESS);
        assertThat(next.getFetched()).isEqualTo(quiet.getFetched() + 7);
        assertThat(next.getWritten()).isZero();
        assertThat(next.getSkipped()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void aRecordFailingValidationFailsAloneAndTheRestSucceed() {
        SolutionView seed = seedSolution();
        // one customer per bill, and the bill that comes first has no nickname
        String firstBill = firstBill();
        solutions.update(seed.id(), perBillWithoutFirstNickname(seed.spec(), firstBill, seed.spec().retry(),
                LogLevel.ALL), "one customer per bill");

        Run run = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        assertThat(run.getStatus()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.getFailed()).isEqualTo(1);
        assertThat(run.getWritten()).isEqualTo(run.getFetched() - 1).isPositive();
        List<RecordLog> failed = logs.findByRunIdAndStatusOrderById(run.getId(), RecordStatus.FAILED,
                Pageable.unpaged());
        assertThat(failed).singleElement().satisfies(log -> {
            assertThat(log.getCode()).isEqualTo(firstBill);
            assertThat(log.getMessage()).contains("nickname");
        });
    }

    @Test
    void atSummaryOnlyRecordsNotWrittenAreLoggedInFullAndTheCountsStillAddUp() {
        // given one customer per bill at the log level 仅摘要, tried once: the first bill has no nickname, and the
        // target answers the first add with a server error
        SolutionView seed = seedSolution();
        solutions.update(seed.id(), perBillWithoutFirstNickname(seed.spec(), firstBill(),
                new SolutionSpec.Retry(1, 0, 1, 0), LogLevel.SUMMARY), "summary only");
        sandboxes.post("/jackyun/_admin/faults", "{\"kind\":\"HTTP_500\",\"count\":1}");

        // when it runs
        Run run = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        // then the run counts every record, written or not
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.getFailed()).isEqualTo(2);
        assertThat(run.getWritten()).isEqualTo(run.getFetched() - 2).isPositive();
        assertThat(run.getWritten() + run.getSkipped() + run.getFailed()).isEqualTo(run.getFetched());
        // and the log has a line for each failed record alone, in full: what was sent, what came back, why
        List<RecordLog> logged = logs.findByRunIdOrderById(run.getId(), Pageable.unpaged());
        assertThat(logged).hasSize(2).allSatisfy(log -> {
            assertThat(log.getStatus()).isEqualTo(RecordStatus.FAILED);
            assertThat(log.getRequest()).contains("customerCode");
            assertThat(log.getMessage()).isNotBlank();
        });
        assertThat(logged).anySatisfy(log -> assertThat(log.getMessage()).contains("nickname"));
        assertThat(logged).anySatisfy(log -> {
            assertThat(log.getErrorClass()).isNotEqualTo("VALIDATION");
            // the server's HTML error page is summarised in words, and kept whole in the response for operators
            assertThat(log.getMessage()).isEqualTo(
                    "对方系统返回 HTTP 500 服务器错误（返回的是网页，不是接口数据），页面写着：500 Internal Server Error");
            assertThat(log.message(Locale.ENGLISH)).startsWith("The other system answered HTTP 500 server error");
            assertThat(log.getResponse()).contains("<h1>500 Internal Server Error</h1>");
        });
        // and both can be re-pushed as at any level: the one the server refused is written this time
        Run repushed = engine.repush(run.getId(), List.of(), true);
        assertThat(repushed.getWritten()).isEqualTo(1);
        assertThat(repushed.getFailed()).isEqualTo(1);
    }

    @Test
    void bodiesAreStoredCompressedAndLogsFromBeforeAsWellAsDamagedBodiesStillRead() throws Exception {
        // given a run logged in full
        SolutionView seed = seedSolution();
        Run run = engine.runNow(seed.id(), RunTrigger.MANUAL, false);
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);

        // then its request bodies are stored compressed, not as text, and read back as the JSON that was sent
        Long compressed = jdbc.queryForObject("select min(id) from yq_record_log where run_id = ?"
                + " and request_zstd is not null and request is null", Long.class, run.getId());
        assertThat(compressed).isNotNull();
        assertThat(logs.findById(compressed).orElseThrow().getRequest()).contains("customerCode");

        // and given a log as written before compression, and a compressed body that was damaged in the database
        jdbc.update("insert into yq_record_log (id, run_id, status, attempts, request, response, duration_ms,"
                + " created_at) values (-1, ?, 'SUCCESS', 1, ?, ?, 5, ?)", run.getId(),
                "{\"customerCode\":\"OLD-1\"}", "{\"code\":200}", Timestamp.from(Instant.now()));
        jdbc.update("update yq_record_log set request_zstd = ? where id = ?", new byte[] {1, 2, 3, 4}, compressed);

        // when they are read, then the old one answers its text and the damaged one says why it cannot be shown
        RecordLog old = logs.findById(-1L).orElseThrow();
        assertThat(old.getRequest()).isEqualTo("{\"customerCode\":\"OLD-1\"}");
        assertThat(old.getResponse()).isEqualTo("{\"code\":200}");
        RecordLog damaged = logs.findById(compressed).orElseThrow();
        assertThat(damaged.getRequest()).contains("无法解压").contains(String.valueOf(compressed));
        assertThat(damaged.request(Locale.ENGLISH)).contains("cannot be decompressed");
        assertThat(damaged.getResponse()).isNotBlank();
        // and the REST API answers the record log as usual, not a server error
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/runs/" + run.getId() + "/records?size=1000"))
                .header("Authorization", RunFixtures.basic("admin", SandboxAdmin.ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("无法解压").contains("OLD-1");
    }

    @Test
    void failedRecordsAreRepushedWithTheCurrentMapping() {
        SolutionView seed = seedSolution();
        SolutionSpec spec = seed.spec();
        // a mapping that misses nickname for every bill of supplier GYS0001
        solutions.update(seed.id(), spec.withTarget(spec.target().withMapping("{ \"customerCode\": supplierid_number,"
                + " \"nickname\": supplierid_number = \"GYS0001\" ? \"\" : supplierid_name }")), "broken");
        Run broken = engine.runNow(seed.id(), RunTrigger.MANUAL, false);
        assertThat(broken.getFailed()).isPositive();
        solutions.update(seed.id(), spec, "fixed");

        Run repushed = engine.repush(broken.getId(), List.of(), true);

        assertThat(repushed.getTrigger()).isEqualTo(RunTrigger.REPUSH);
        assertThat(repushed.getStatus()).as(repushed.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(repushed.getWritten()).isEqualTo(1);
        assertThat(repushed.getSkipped()).isEqualTo(broken.getFailed() - 1);
        assertThat(addCalls(sandboxes.customers())).containsEntry("GYS0001", 1);
    }

    @Test
    void throttleAndServerErrorsAreRetriedAndEndWritten() {
        SolutionView seed = seedSolution();
        sandboxes.post("/jackyun/_admin/faults", "{\"kind\":\"THROTTLE\",\"count\":3}");
        sandboxes.post("/jackyun/_admin/faults", "{\"kind\":\"HTTP_500\",\"count\":2}");

        Run run = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFailed()).isZero();
        assertThat(run.getWritten()).isEqualTo(suppliersOfAllBills().size());
        assertThat(logs.findByRunIdAndStatusOrderById(run.getId(), RecordStatus.SUCCESS, Pageable.unpaged()))
                .anySatisfy(log -> assertThat(log.getAttempts()).isGreaterThan(1));
    }

    @Test
    void theFirstRecordIsWrittenBeforeTheLastPageIsFetched() {
        // given the seed scenario: 1000 bills, fetched in pages of 100
        SolutionView seed = seedSolution();

        // when it runs
        Run run = engine.runNow(seed.id(), RunTrigger.MANUAL, false);

        // then writing overlapped fetching: the first outcome was recorded before the last page was staged (a run
        // that fetched everything before writing would have staged every page first)
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getPages()).isGreaterThanOrEqualTo(10);
        Instant firstWritten = logs.findByRunIdAndStatusOrderById(run.getId(), RecordStatus.SUCCESS,
                Pageable.unpaged()).stream().map(RecordLog::getCreatedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant lastStaged = sourceRecords.findAll().stream().filter(r -> r.getSolutionId() == seed.id())
                .map(SourceRecord::getFetchedAt).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(firstWritten).as("the first record written").isBefore(lastStaged);
        assertThat(run.getWritingSince()).as("writing began").isBefore(lastStaged);
    }
}
