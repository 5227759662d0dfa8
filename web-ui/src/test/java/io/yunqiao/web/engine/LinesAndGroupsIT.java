package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import io.yunqiao.run.SourceRecordRepository;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.SharedPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

/**
 * One record per line (明细拆分) and grouping (合并) end to end against the mounted sandboxes: Kingdee purchase inbound
 * bills split into their material lines, each written as a Jackyun customer; bills grouped by supplier, each
 * supplier written once with its bills; and the bad input of both, told in the record log.
 */
@SharedPlatform
class LinesAndGroupsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PER_LINE = "{ \"customerCode\": billno & \"-\" & material_entity.seq,"
            + " \"nickname\": supplierid_name, \"specialReminding\": material_entity.materialid_name }";
    private static final String PER_SUPPLIER = "{ \"customerCode\": supplierid_number, \"nickname\": supplierid_name,"
            + " \"specialReminding\": $join(bills.billno, \",\") }";

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    SyncEngine engine;

    @Autowired
    ConnectorClient client;

    @Autowired
    RecordLogRepository logs;

    @Autowired
    SourceRecordRepository sourceRecords;

    private SandboxAdmin sandboxes;
    private long kingdee;
    private long jackyun;
    /** The bills of one page of the sandbox (those numbered like its first bill), read through the connector. */
    private List<JsonNode> bills;
    private String search;

    @BeforeEach
    void freshSandboxesAndConnections() {
        sandboxes = new SandboxAdmin(port);
        SandboxAdmin.Connected connected = sandboxes.freshPlatform(solutions, connections);
        kingdee = connected.kingdee();
        jackyun = connected.jackyun();
        String first = client.query(connections.runtime(kingdee), "jdy/pur/pur_inbound_list", Map.of("search",
                "CGRK"), PageRequest.first(1)).records().get(0).get("billno").asText();
        search = first.substring(0, 13);
        bills = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        QueryPage answer;
        do {
            answer = client.query(connections.runtime(kingdee), "jdy/pur/pur_inbound_list", Map.of("search", search),
                    page);
            bills.addAll(answer.records());
            page = answer.next();
        } while (answer.hasMore());
        assertThat(bills).hasSizeBetween(2, 100);
    }

    /** A solution over this test's bills, writing Jackyun customers with {@code mapping}, deduped by customer code. */
    private SolutionSpec spec(String name, String mapping) {
        return new SolutionSpec(name, null, new SolutionSpec.Source(kingdee, "kingdee-jdy", "jdy/pur/pur_inbound_list",
                Map.of("search", TextNode.valueOf(search)), 100), new SolutionSpec.Window("P31D", 300, 744),
                new SolutionSpec.Target(jackyun, "jackyun", "crm.customer.add", mapping),
                new SolutionSpec.Dedupe("customerCode"), new SolutionSpec.RateLimit(0),
                new SolutionSpec.Retry(2, 0, 1, 0), new SolutionSpec.Schedule(null, false), SolutionSpec.Alerts.OFF);
    }

    private SolutionView perLine(String mapping) {
        return solutions.create(spec("按明细行", mapping).withSplit(new SolutionSpec.Split("material_entity", "seq")),
                "lines");
    }

    /** Every line of the test's bills as billno-seq, in order. */
    private List<String> lineCodes(List<JsonNode> of) {
        List<String> codes = new ArrayList<>();
        of.forEach(bill -> bill.get("material_entity").forEach(line -> codes.add(bill.get("billno").asText() + "-"
                + line.get("seq").asText())));
        return codes;
    }

    private static Map<String, Integer> addCalls(JsonNode customers) {
        Map<String, Integer> calls = new TreeMap<>();
        customers.get("addCalls").properties().forEach(e -> calls.put(e.getKey(), e.getValue().asInt()));
        return calls;
    }

    private List<RecordLog> logsOf(Run run) {
        return logs.findByRunIdOrderById(run.getId(), Pageable.unpaged());
    }

    private static String chinese(RecordLog log) {
        return log.message(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void billsSplitIntoLinesAreWrittenAsOneCustomerPerLineWithCountsAndLogsPerLine() {
        // given a solution that splits each bill into its material lines
        SolutionView solution = perLine(PER_LINE);
        List<String> lines = lineCodes(bills);

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then each line became one customer coded billno-seq, and the run counts and logs lines, not bills
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(lines.size()).isGreaterThan(bills.size());
        assertThat(run.getFetched()).isEqualTo(lines.size());
        assertThat(run.getWritten()).isEqualTo(lines.size());
        assertThat(run.getFailed()).isZero();
        assertThat(addCalls(sandboxes.customers())).containsOnlyKeys(lines).allSatisfy((code, calls) ->
                assertThat(calls).isEqualTo(1));
        assertThat(logsOf(run)).extracting(RecordLog::getCode).containsExactlyInAnyOrderElementsOf(
                lines.stream().map(code -> code.replaceFirst("-(\\d+)$", "#$1")).toList());
        JsonNode bill = bills.get(0);
        assertThat(sourceRecords.findAll()).extracting(r -> r.getSourceKey())
                .contains(bill.get("id").asText() + "#" + bill.at("/material_entity/0/seq").asText());
    }

    @Test
    void aSecondRunWritesNothingAndATouchedBillIsStagedAgainLineByLineWithoutWritingAgain() {
        // given the lines written once
        SolutionView solution = perLine(PER_LINE);
        engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        Map<String, Integer> before = addCalls(sandboxes.customers());

        // when nothing changed, a second run writes nothing
        Run quiet = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        assertThat(quiet.getStatus()).as(quiet.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(quiet.getWritten()).isZero();
        assertThat(addCalls(sandboxes.customers())).isEqualTo(before);

        // when one bill is edited in Kingdee (its modify time changes, so each of its lines has new content)
        JsonNode touched = bills.get(1);
        sandboxes.post("/kingdee/_admin/bills/touch", "{\"ids\":[\"" + touched.get("id").asText() + "\"]}");
        Run next = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then exactly that bill's lines are staged and logged again, each skipped as its customer code is written
        assertThat(next.getStatus()).as(next.getError()).isEqualTo(RunStatus.SUCCESS);
        List<String> touchedLines = lineCodes(List.of(touched)).stream()
                .map(code -> code.replaceFirst("-(\\d+)$", "#$1")).toList();
        assertThat(logsOf(next)).extracting(RecordLog::getCode).containsExactlyInAnyOrderElementsOf(touchedLines);
        assertThat(logsOf(next)).extracting(RecordLog::getStatus).containsOnly(RecordStatus.SKIPPED);
        assertThat(next.getWritten()).isZero();
        assertThat(addCalls(sandboxes.customers())).isEqualTo(before);
    }

    @Test
    void aLineThatFailedIsRePushedAloneOnceTheMappingIsFixed() {
        // given a mapping that gives the second line of the first bill no nickname
        JsonNode bill = bills.get(0);
        String billno = bill.get("billno").asText();
        String seq = bill.at("/material_entity/0/seq").asText();
        SolutionView solution = perLine(PER_LINE.replace("\"nickname\": supplierid_name", "\"nickname\": billno = \""
                + billno + "\" and material_entity.seq = \"" + seq + "\" ? \"\" : supplierid_name"));
        Run first = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        assertThat(first.getFailed()).isEqualTo(1);
        assertThat(logs.findByRunIdAndStatusOrderById(first.getId(), RecordStatus.FAILED, Pageable.unpaged()))
                .singleElement().satisfies(log -> assertThat(log.getCode()).isEqualTo(billno + "#" + seq));

        // when the mapping is fixed and the run's failures are re-pushed
        solutions.update(solution.id(), solutions.get(solution.id()).spec().withTarget(
                solution.spec().target().withMapping(PER_LINE)), "fixed");
        Run repush = engine.repush(first.getId(), List.of(), true);

        // then that line alone is written
        assertThat(repush.getStatus()).as(repush.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(repush.getWritten()).isEqualTo(1);
        assertThat(addCalls(sandboxes.customers())).containsEntry(billno + "-" + seq, 1)
                .hasSize(lineCodes(bills).size());
    }

    @Test
    void aDryRunMapsAndLogsEachLineAndEachGroupWithoutWriting() {
        // given one solution splitting bills into lines and one grouping them by supplier
        SolutionView lines = perLine(PER_LINE);
        SolutionView grouped = solutions.create(spec("按供应商试运行", PER_SUPPLIER)
                .withGroup(new SolutionSpec.Group("supplierid_number", "bills", 0)), "grouped");

        // when both are dry-run
        Run linesRun = engine.runNow(lines.id(), RunTrigger.MANUAL, true);
        Run groupedRun = engine.runNow(grouped.id(), RunTrigger.MANUAL, true);

        // then every line has its own log, every bill its group's request, and nothing was written
        assertThat(logsOf(linesRun)).hasSize(lineCodes(bills).size()).extracting(RecordLog::getStatus)
                .containsOnly(RecordStatus.DRY_RUN);
        assertThat(logsOf(groupedRun)).hasSize(bills.size()).allSatisfy(log ->
                assertThat(log.getRequest()).contains("specialReminding"));
        assertThat(addCalls(sandboxes.customers())).isEmpty();
    }

    /** The test's bills by supplier number, each supplier's bill numbers in page order. */
    private Map<String, List<String>> billsBySupplier() {
        Map<String, List<String>> bySupplier = new LinkedHashMap<>();
        bills.forEach(bill -> bySupplier.computeIfAbsent(bill.get("supplierid_number").asText(),
                k -> new ArrayList<>()).add(bill.get("billno").asText()));
        return bySupplier;
    }

    @Test
    void groupingBySupplierWritesOneCustomerPerSupplierListingItsBills() {
        // given a solution that groups the bills by supplier into 'bills'
        SolutionView solution = solutions.create(spec("按供应商合并", PER_SUPPLIER)
                .withGroup(new SolutionSpec.Group("supplierid_number", "bills", 0)), "grouped");
        Map<String, List<String>> bySupplier = billsBySupplier();

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then each supplier was added once, its special reminder naming every bill of it; each bill has its log
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFetched()).isEqualTo(bills.size());
        assertThat(run.getWritten()).isEqualTo(bills.size());
        JsonNode customers = sandboxes.customers();
        assertThat(addCalls(customers)).containsOnlyKeys(bySupplier.keySet())
                .allSatisfy((code, calls) -> assertThat(calls).isEqualTo(1));
        for (JsonNode customer : customers.get("customers")) {
            assertThat(new TreeSet<>(Arrays.asList(customer.get("specialReminding").asText().split(","))))
                    .isEqualTo(new TreeSet<>(bySupplier.get(customer.get("customerCode").asText())));
        }
        assertThat(logsOf(run)).hasSize(bills.size()).extracting(RecordLog::getStatus)
                .containsOnly(RecordStatus.SUCCESS);
    }

    @Test
    void aGroupLargerThanItsLineLimitIsSentAsSeveralTargetRecords() {
        // given at most two bills per customer, coded by the supplier and the group's first bill
        SolutionView solution = solutions.create(spec("两张一组", "{ \"customerCode\": supplierid_number & \"-\""
                + " & bills[0].billno, \"nickname\": supplierid_name, \"specialReminding\": $join(bills.billno,"
                + " \",\") }").withGroup(new SolutionSpec.Group("supplierid_number", "bills", 2)), "pairs");
        Map<String, List<String>> bySupplier = billsBySupplier();
        Set<String> expected = new TreeSet<>();
        bySupplier.forEach((supplier, numbers) -> {
            for (int i = 0; i < numbers.size(); i += 2) {
                expected.add(supplier + "-" + numbers.get(i));
            }
        });

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then every supplier's bills went out two at a time, in staging order
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getWritten()).isEqualTo(bills.size());
        assertThat(addCalls(sandboxes.customers()).keySet()).isEqualTo(expected);
    }

    @Test
    void aSplitPathThatHoldsNoArrayFailsEachBillWithACodedMessageAndStagesNothing() {
        // given a split by billno, which is a text
        SolutionView solution = solutions.create(spec("拆错了", PER_LINE)
                .withSplit(new SolutionSpec.Split("billno", null)), "wrong path");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then every bill failed, saying in Chinese that billno is no array, its content kept in the log
        assertThat(run.getFailed()).isEqualTo(bills.size());
        assertThat(run.getWritten()).isZero();
        assertThat(logsOf(run)).hasSize(bills.size()).allSatisfy(log -> {
            assertThat(log.getStatus()).isEqualTo(RecordStatus.FAILED);
            assertThat(chinese(log)).contains("billno", "不是数组");
            assertThat(log.message(Locale.ENGLISH)).contains("billno", "holds no array");
            assertThat(log.getResponse()).contains("material_entity");
        });
        assertThat(sourceRecords.countBySolutionIdAndStatus(solution.id(), RecordStatus.PENDING)).isZero();
        assertThat(addCalls(sandboxes.customers())).isEmpty();
    }

    @Test
    void aRecordWithoutAGroupKeyFailsAloneNamingTheExpressionAndTheRestIsWritten() {
        // given a group key that the first bill lacks
        String billno = bills.get(0).get("billno").asText();
        String by = "billno = \"" + billno + "\" ? nosuchfield : supplierid_number";
        SolutionView solution = solutions.create(spec("缺合并依据", PER_SUPPLIER)
                .withGroup(new SolutionSpec.Group(by, "bills", 0)), "missing key");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then that bill failed with a message naming it and the expression; the others were written
        assertThat(run.getFailed()).isEqualTo(1);
        assertThat(run.getWritten()).isEqualTo(bills.size() - 1);
        assertThat(logs.findByRunIdAndStatusOrderById(run.getId(), RecordStatus.FAILED, Pageable.unpaged()))
                .singleElement().satisfies(log -> {
                    assertThat(chinese(log)).contains(billno, by, "合并依据");
                    assertThat(log.message(Locale.ENGLISH)).contains(billno, "group key");
                });
    }

    private JsonNode call(String method, String path, Object body, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64
                            .getEncoder().encodeToString(("admin:" + SharedPlatform.ADMIN_PASSWORD)
                                    .getBytes(StandardCharsets.UTF_8)));
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
            return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRestApiKeepsSplitAndGroupThroughSaveAndExportAndRefusesABadGroupKeyWithItsCode() {
        // given a solution saved over the REST API with a split and a grouping
        SolutionView solution = solutions.create(spec("REST", PER_SUPPLIER), "plain");
        ObjectNode spec = JSON.valueToTree(solution.spec().withSplit(new SolutionSpec.Split("material_entity", "seq"))
                .withGroup(new SolutionSpec.Group("supplierid_number", "bills", 20)));
        call("PUT", "/api/solutions/" + solution.id(), JSON.createObjectNode().put("comment", "shape")
                .set("solution", spec), 200);

        // then reading and exporting it give them back
        JsonNode read = call("GET", "/api/solutions/" + solution.id(), null, 200);
        assertThat(read.at("/solution/spec/split/path").asText()).isEqualTo("material_entity");
        assertThat(read.at("/solution/spec/group/maxLines").asInt()).isEqualTo(20);
        JsonNode exported = call("GET", "/api/solutions/" + solution.id() + "/export", null, 200);
        assertThat(exported.at("/split/lineKey").asText()).isEqualTo("seq");
        assertThat(exported.at("/group/into").asText()).isEqualTo("bills");

        // when a group key expression that does not parse is saved
        ((ObjectNode) spec.get("group")).put("by", "supplierid_number &");
        JsonNode refused = call("PUT", "/api/solutions/" + solution.id(), JSON.createObjectNode()
                .put("comment", "broken").set("solution", spec), 400);

        // then it is refused with its code, the field, and where in the expression
        assertThat(refused.path("code").asText()).isEqualTo("problem.group.bySyntax");
        assertThat(refused.path("field").asText()).isEqualTo("group.by");
        assertThat(refused.path("message").asText()).contains("第 1 行");
        assertThat(solutions.get(solution.id()).spec().group().by()).isEqualTo("supplierid_number");
    }
}
