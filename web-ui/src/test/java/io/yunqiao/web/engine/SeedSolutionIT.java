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
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.solution.Templates;
import io.yunqiao.web.SharedPlatform;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

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

    private SandboxAdmin sandboxes;
    private long kingdee;
    private long jackyun;

    @BeforeEach
    void freshSandboxesAndConnections() {
        sandboxes = new SandboxAdmin(port);
        sandboxes.resetBoth();
        solutions.list().forEach(s -> solutions.delete(s.id()));
        connections.list().forEach(c -> connections.delete(c.id()));
        kingdee = connections.create(new ConnectionDraft("金蝶沙箱", "kingdee-jdy", Map.of(
                "baseUrl", sandboxes.kingdee(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                "username", "demo", "password", "demo-pass"))).id();
        jackyun = connections.create(new ConnectionDraft("吉客云沙箱", "jackyun", Map.of(
                "baseUrl", sandboxes.jackyunGateway(), "appKey", "100200",
                "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
    }

    /** The seed template bound to the sandboxes, with a first window that covers the sandbox's 30 days. */
    private SolutionView seedSolution() {
        SolutionView copied = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "种子方案", kingdee, jackyun);
        SolutionSpec spec = copied.spec();
        return solutions.update(copied.id(), new SolutionSpec(spec.name(), spec.description(), spec.source(),
                new SolutionSpec.Window("P31D", 300, 744), spec.target(), spec.dedupe(),
                new SolutionSpec.RateLimit(0), spec.retry(), spec.schedule(), spec.alerts()), "whole data set");
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
        SolutionSpec spec = seed.spec();
        // one customer per bill, and the bill that comes first has no nickname
        String firstBill = client.query(connections.runtime(kingdee), "jdy/pur/pur_inbound_list",
                Map.of("search", "CGRK"), PageRequest.first(1)).records().get(0).get("billno").asText();
        SolutionSpec perBill = new SolutionSpec(spec.name(), null, new SolutionSpec.Source(kingdee, "kingdee-jdy",
                "jdy/pur/pur_inbound_list", Map.of("search", TextNode.valueOf(firstBill.substring(0, 13))), 100),
                spec.window(), spec.target().withMapping("{ \"customerCode\": billno, \"nickname\": billno = \""
                        + firstBill + "\" ? \"\" : supplierid_name }"),
                new SolutionSpec.Dedupe(null), spec.rateLimit(), spec.retry(), spec.schedule(), spec.alerts());
        solutions.update(seed.id(), perBill, "one customer per bill");

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
}
