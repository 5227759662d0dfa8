package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.DetailLookups;
import io.yunqiao.run.DryRunSource;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordLogRepository;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.SharedPlatform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

/**
 * Detail lookups (关联查询) end to end over real HTTP against the mounted sandboxes: purchase inbound bills from the
 * Kingdee list, each completed by {@code jdy/pur/pur_inbound_detail} before its mapping, written to Jackyun as one
 * customer per bill; the answers cached per run; a refused lookup failing its record alone; bad details refused
 * when the solution is saved. Also the record filter (筛选条件), which tests each record as merged: skipped records,
 * a filter failing on a record, and a re-push after the filter is mended.
 */
@SharedPlatform
class DetailLookupsIT {

    private static final String LIST = "jdy/pur/pur_inbound_list";
    private static final String DETAIL = "jdy/pur/pur_inbound_detail";

    /** A record filter: bills whose number (at the path filled in) ends in an even digit, about half of a page. */
    private static final String EVEN = "$substring(%s, -1) in [\"0\", \"2\", \"4\", \"6\", \"8\"]";

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
    DetailLookups details;

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

    /** The number of the bill the sandbox answers first. */
    private String firstBill() {
        return client.query(connections.runtime(kingdee), LIST, Map.of("search", "CGRK"), PageRequest.first(1))
                .records().get(0).get("billno").asText();
    }

    /**
     * One customer per bill for the bills numbered like {@code firstBill} (one page of them), mapped from fields
     * only the merged record has: the detail's bill number and supplier name.
     */
    private SolutionSpec perBill(String firstBill, String mapping, List<SolutionSpec.Detail> details) {
        return new SolutionSpec("关联查询方案", null, new SolutionSpec.Source(kingdee, "kingdee-jdy", LIST,
                Map.of("search", TextNode.valueOf(firstBill.substring(0, 13))), 100),
                new SolutionSpec.Window("P31D", 300, 744),
                new SolutionSpec.Target(jackyun, "jackyun", "crm.customer.add", mapping),
                new SolutionSpec.Dedupe(null), new SolutionSpec.RateLimit(0),
                new SolutionSpec.Retry(2, 10, 1, 0), new SolutionSpec.Schedule(null, false), null)
                .withDetails(details);
    }

    private static SolutionSpec.Detail detail(String name, Map<String, String> params) {
        return new SolutionSpec.Detail(name, null, null, DETAIL, params, false);
    }

    private long detailCalls() {
        JsonNode calls = sandboxes.get("/kingdee/_admin/calls");
        JsonNode list = calls.isArray() ? calls : calls.path("calls");
        return StreamSupport.stream(list.spliterator(), false)
                .filter(call -> call.path("path").asText().endsWith("/pur_inbound_detail")).count();
    }

    @Test
    void theMappingReadsFieldsTheDetailAddedAndEachDistinctBillIsLookedUpOnce() {
        // given bills completed by their detail (by bill id) and by the detail of one and the same bill for all
        String firstBill = firstBill();
        SolutionView solution = solutions.create(perBill(firstBill,
                "{ \"customerCode\": detail.billno, \"nickname\": detail.supplierid_name & \" / \" & first.billno }",
                List.of(detail("detail", Map.of("id", "id")),
                        detail("first", Map.of("number", "\"" + firstBill + "\"")))), "details");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then every bill became a customer mapped from the merged record
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFetched()).isGreaterThan(1);
        assertThat(run.getWritten()).isEqualTo(run.getFetched());
        JsonNode customers = sandboxes.customers();
        assertThat(customers.path("count").asInt()).isEqualTo(run.getFetched());
        assertThat(customers.toString()).contains(" / " + firstBill);
        // and the detail was called once per distinct parameter set: once per bill, and once for the same bill
        assertThat(detailCalls()).isEqualTo(run.getFetched() + 1);
    }

    @Test
    void aRefusedDetailFailsItsRecordAloneWithACodedMessageNamingTheDetailAndTheVendorsAnswer() {
        // given the detail of the first bill asked for a bill the vendor does not have
        String firstBill = firstBill();
        SolutionView solution = solutions.create(perBill(firstBill,
                "{ \"customerCode\": billno, \"nickname\": detail.supplierid_name }",
                List.of(detail("detail", Map.of("id", "billno = \"" + firstBill + "\" ? \"42\" : id")))), "refusal");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then that record failed, with the detail, the operation and the vendor's message, and the rest were written
        assertThat(run.getStatus()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.getFailed()).isEqualTo(1);
        assertThat(run.getWritten()).isEqualTo(run.getFetched() - 1).isPositive();
        List<RecordLog> failed = logs.findByRunIdAndStatusOrderById(run.getId(), RecordStatus.FAILED,
                Pageable.unpaged());
        assertThat(failed).singleElement().satisfies(log -> {
            assertThat(log.getCode()).isEqualTo(firstBill);
            assertThat(log.getMessage()).contains("关联查询“detail”", DETAIL, "单据不存在");
            assertThat(log.message(Locale.ENGLISH)).contains("Detail lookup \"detail\"", DETAIL, "refused");
        });
    }

    /** Every bill the list answers for {@code search}, paged through independently of the engine. */
    private List<JsonNode> billsMatching(String search) {
        List<JsonNode> found = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        QueryPage answer;
        do {
            answer = client.query(connections.runtime(kingdee), LIST, Map.of("search", search), page);
            found.addAll(answer.records());
            page = answer.next();
        } while (answer.hasMore());
        return found;
    }

    @Test
    void aDetailWithAllReadsEveryPageOfItsOperationNotJustTheFirst() {
        // given the bills of one day, each looking up all bills of its day (more than the list's page of 10)
        String firstBill = firstBill();
        String day = firstBill.substring(0, 13);
        Set<String> sameDay = billsMatching(day).stream().map(bill -> bill.get("billno").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sameDay).hasSizeGreaterThan(10);
        SolutionView solution = solutions.create(perBill(firstBill,
                "{ \"customerCode\": billno, \"nickname\": supplierid_name,"
                        + " \"specialReminding\": $join(sameDay.billno, \",\") }",
                List.of(new SolutionSpec.Detail("sameDay", null, null, LIST,
                        Map.of("search", "$substring(billno, 0, 13)"), true))), "all pages");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then every customer lists every bill of the day, read page by page
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getWritten()).isEqualTo(sameDay.size());
        JsonNode customers = sandboxes.customers().get("customers");
        assertThat(customers).hasSize(sameDay.size()).allSatisfy(customer -> assertThat(new TreeSet<>(
                Arrays.asList(customer.get("specialReminding").asText().split(",")))).isEqualTo(sameDay));
    }

    @Test
    void aDetailWithAllWhoseAnswerExceedsTheLimitFailsItsRecordsInsteadOfUsingAPart() {
        // given bills each looking up all bills (1,000, above the test platform's limit of 150)
        String firstBill = firstBill();
        SolutionView solution = solutions.create(perBill(firstBill,
                "{ \"customerCode\": billno, \"nickname\": supplierid_name & \" \" & $count(everything) }",
                List.of(new SolutionSpec.Detail("everything", null, null, LIST, Map.of("search", "\"CGRK\""),
                        true))), "too many");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then every record failed, saying which lookup answered too many and the limit; nothing was written
        assertThat(run.getFetched()).isPositive();
        assertThat(run.getFailed()).isEqualTo(run.getFetched());
        assertThat(run.getWritten()).isZero();
        assertThat(sandboxes.customers().path("count").asInt()).isZero();
        assertThat(logs.findByRunIdOrderById(run.getId(), Pageable.unpaged())).isNotEmpty().allSatisfy(log -> {
            assertThat(log.getStatus()).isEqualTo(RecordStatus.FAILED);
            assertThat(log.getMessage()).contains("关联查询“everything”", LIST, "超过 150 条");
            assertThat(log.message(Locale.ENGLISH)).contains("Detail lookup \"everything\"", "more than 150 records");
        });
    }

    @Test
    void thePreviewSeesASampleRecordWithItsDetailMergedAndTheSampleItselfUnchanged() {
        // given a sample bill and a detail by bill number
        String firstBill = firstBill();
        JsonNode bill = client.query(connections.runtime(kingdee), LIST, Map.of("search", firstBill),
                PageRequest.first(1)).records().get(0);
        SolutionSpec spec = perBill(firstBill, "{ \"customerCode\": detail.billno }",
                List.of(detail("detail", Map.of("number", "billno"))));

        // when the preview asks for it as the mapping will see it
        List<JsonNode> merged = details.merged(spec, List.of(bill));

        // then the detail's answer is under its name, on a copy
        assertThat(merged).singleElement().satisfies(record -> {
            assertThat(record.path("detail").path("billno").asText()).isEqualTo(firstBill);
            assertThat(record.path("billno").asText()).isEqualTo(firstBill);
        });
        assertThat(bill.has("detail")).isFalse();
    }

    @Test
    void aDetailParameterTheOperationDoesNotDeclareIsRefusedNamingIt() {
        SolutionSpec spec = perBill(firstBill(), "{ \"customerCode\": billno }",
                List.of(detail("detail", Map.of("billId", "id"))));

        assertThatThrownBy(() -> solutions.create(spec, "bad"))
                .isInstanceOfSatisfying(Problem.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.detail.unknownParam");
                    assertThat(e.field()).isEqualTo("details[0].params.billId");
                    assertThat(e.message(Locale.CHINA)).contains("id", "number");
                });
    }

    @Test
    void aDetailParameterWithASyntaxErrorIsRefusedWithLineAndColumn() {
        SolutionSpec spec = perBill(firstBill(), "{ \"customerCode\": billno }",
                List.of(detail("detail", Map.of("id", "id &"))));

        assertThatThrownBy(() -> solutions.create(spec, "bad"))
                .isInstanceOfSatisfying(Problem.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.detail.paramSyntax");
                    assertThat(e.field()).isEqualTo("details[0].params.id");
                    assertThat(e.message(Locale.CHINA)).contains("第 1 行");
                });
    }

    @Test
    void aDetailOperationThatIsNotAQueryIsRefused() {
        SolutionSpec spec = perBill(firstBill(), "{ \"customerCode\": billno }", List.of(
                new SolutionSpec.Detail("detail", jackyun, "jackyun", "crm.customer.add", Map.of(), false)));

        assertThatThrownBy(() -> solutions.create(spec, "bad"))
                .isInstanceOfSatisfying(Problem.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.detail.notQuery");
                    assertThat(e.field()).isEqualTo("details[0].operation");
                });
    }

    @Test
    void aDetailOfAnotherConnectorWithoutAConnectionIsRefused() {
        SolutionSpec spec = perBill(firstBill(), "{ \"customerCode\": billno }", List.of(
                new SolutionSpec.Detail("detail", null, "jackyun", "crm.customer.list", Map.of(), false)));

        assertThatThrownBy(() -> solutions.create(spec, "bad"))
                .isInstanceOfSatisfying(Problem.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.detail.connectionNeeded");
                    assertThat(e.field()).isEqualTo("details[0].connection");
                });
    }

    @Test
    void detailNamesThatRepeatOrHideASourceFieldAreRefused() {
        String bill = firstBill();
        SolutionSpec twice = perBill(bill, "{ \"customerCode\": billno }", List.of(
                detail("detail", Map.of("id", "id")), detail("detail", Map.of("number", "billno"))));
        SolutionSpec hiding = perBill(bill, "{ \"customerCode\": billno }", List.of(
                detail("supplierid_name", Map.of("id", "id"))));
        SolutionSpec blank = perBill(bill, "{ \"customerCode\": billno }", List.of(detail(" ", Map.of("id", "id"))));

        assertThatThrownBy(() -> solutions.create(twice, "bad")).isInstanceOfSatisfying(Problem.class, e -> {
            assertThat(e.code()).isEqualTo("problem.detail.nameDuplicate");
            assertThat(e.field()).isEqualTo("details[1].name");
        });
        assertThatThrownBy(() -> solutions.create(hiding, "bad")).isInstanceOfSatisfying(Problem.class,
                e -> assertThat(e.code()).isEqualTo("problem.detail.nameClash"));
        assertThatThrownBy(() -> solutions.create(blank, "bad")).isInstanceOfSatisfying(Problem.class,
                e -> assertThat(e.code()).isEqualTo("problem.detail.nameBlank"));
    }

    @Test
    void aFilterOnTheMergedRecordWritesTheBillsItHoldsForAndSkipsTheOthersWithACodedMessageSendingNothing() {
        // given one customer per bill, filtered on a field only the detail lookup adds
        String firstBill = firstBill();
        String filter = EVEN.formatted("detail.billno");
        SolutionView solution = solutions.create(perBill(firstBill,
                "{ \"customerCode\": billno, \"nickname\": detail.supplierid_name }",
                List.of(detail("detail", Map.of("id", "id")))).withFilter(filter), "filter");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then the bills it holds for were written, the others skipped: no failure, nothing sent for them
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFailed()).isZero();
        assertThat(run.getWritten()).isPositive();
        assertThat(run.getSkipped()).isPositive();
        assertThat(run.getWritten() + run.getSkipped()).isEqualTo(run.getFetched());
        JsonNode customers = sandboxes.customers();
        assertThat(customers.path("count").asInt()).isEqualTo(run.getWritten());
        customers.path("customers").forEach(customer -> assertThat(customer.path("customerCode").asText())
                .matches(".*[02468]"));
        List<RecordLog> skipped = logs.findByRunIdAndStatusOrderById(run.getId(), RecordStatus.SKIPPED,
                Pageable.unpaged());
        assertThat(skipped).hasSize(run.getSkipped()).allSatisfy(log -> {
            assertThat(log.getCode()).matches(".*[13579]");
            assertThat(log.getRequest()).isNull();
            assertThat(log.getMessage()).contains("不符合筛选条件", filter);
            assertThat(log.message(Locale.ENGLISH)).contains("Left out by the record filter", filter);
        });
    }

    @Test
    void aFilterThatFailsOnARecordFailsItNamingTheFilterAndARePushAfterMendingTheFilterTestsItAgain() {
        // given a filter that fails on the bills whose number ends in an odd digit
        String firstBill = firstBill();
        String broken = EVEN.formatted("billno") + " ? true : $error(\"单号末位不是偶数\")";
        SolutionView solution = solutions.create(perBill(firstBill,
                "{ \"customerCode\": billno, \"nickname\": supplierid_name }", List.of()).withFilter(broken),
                "broken filter");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then those bills failed, naming the filter and what went wrong, and were not left out silently
        assertThat(run.getStatus()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.getFailed()).isPositive();
        assertThat(run.getSkipped()).isZero();
        assertThat(run.getWritten()).isEqualTo(run.getFetched() - run.getFailed()).isPositive();
        List<RecordLog> failed = logs.findByRunIdAndStatusOrderById(run.getId(), RecordStatus.FAILED,
                Pageable.unpaged());
        assertThat(failed).hasSize(run.getFailed()).allSatisfy(log -> {
            assertThat(log.getCode()).matches(".*[13579]");
            assertThat(log.getMessage()).contains("筛选条件", broken, "单号末位不是偶数");
            assertThat(log.message(Locale.ENGLISH)).contains("record filter", "failed on this record");
        });

        // when the filter is mended to leave those bills out, and the failed records are re-pushed
        SolutionView mended = solutions.update(solution.id(), solution.spec().withFilter(EVEN.formatted("billno")),
                "mended");
        Run repush = engine.repush(run.getId(), List.of(), true);

        // then the re-push tested them with the new filter: skipped, none written, none failed
        assertThat(mended.spec().filter()).isEqualTo(EVEN.formatted("billno"));
        assertThat(repush.getStatus()).as(repush.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(repush.getSkipped()).isEqualTo(run.getFailed());
        assertThat(repush.getWritten()).isZero();
        assertThat(repush.getFailed()).isZero();
        assertThat(sandboxes.customers().path("count").asInt()).isEqualTo(run.getWritten());
    }

    @Test
    void aDryRunLogsTheRecordsTheFilterLeavesOutAsSkippedAndCountsThemSoWithoutSendingAnything() {
        // given a solution filtered on an even bill number, and two pasted bills, one odd and one even
        SolutionView solution = solutions.create(perBill(firstBill(),
                "{ \"customerCode\": billno, \"nickname\": supplierid_name }", List.of())
                .withFilter(EVEN.formatted("billno")), "dry filter");
        String sample = "[{\"id\": \"1\", \"billno\": \"CGRK-TRY-1\", \"supplierid_name\": \"杭州测试供应商\"},"
                + " {\"id\": \"2\", \"billno\": \"CGRK-TRY-2\", \"supplierid_name\": \"杭州测试供应商\"}]";

        // when a dry run takes them
        Run dry = engine.runNow(solution.id(), RunTrigger.MANUAL, DryRunSource.sample(sample));

        // then the odd one is logged and counted as skipped by the filter, the even one as valid, nothing written
        assertThat(dry.isDryRun()).isTrue();
        assertThat(dry.getSkipped()).isEqualTo(1);
        assertThat(dry.getFailed()).isZero();
        List<RecordLog> logged = logs.findByRunIdOrderById(dry.getId(), Pageable.unpaged());
        assertThat(logged).extracting(RecordLog::getStatus).containsExactly(RecordStatus.SKIPPED,
                RecordStatus.DRY_RUN);
        assertThat(logged.get(0).getMessage()).contains("不符合筛选条件");
        assertThat(sandboxes.customers().path("count").asInt()).isZero();
    }
}
