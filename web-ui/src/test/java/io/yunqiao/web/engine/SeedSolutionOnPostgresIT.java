package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.web.postgres.TestPostgres;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SeedSolutionIT} on a real PostgreSQL ({@link TestPostgres}): the engine behaves the same on both databases.
 * Also grouping (合并) there: the writers claim whole groups by their stored group key with {@code FOR UPDATE SKIP
 * LOCKED}, which H2 only imitates.
 */
@DirtiesContext
class SeedSolutionOnPostgresIT extends SeedSolutionIT {

    private static final String LIST = "jdy/pur/pur_inbound_list";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "seedsolution-postgres");
    }

    /** Every bill of the sandbox, bill number to supplier number, read page by page through the connector. */
    private Map<String, String> supplierOfEveryBill(long kingdee) {
        Map<String, String> suppliers = new LinkedHashMap<>();
        PageRequest page = PageRequest.first(100);
        QueryPage answer;
        do {
            answer = client.query(connections.runtime(kingdee), LIST, Map.of(), page);
            answer.records().forEach(bill -> suppliers.put(bill.get("billno").asText(),
                    bill.get("supplierid_number").asText()));
            page = answer.next();
        } while (answer.hasMore());
        return suppliers;
    }

    @Test
    void groupingBySupplierClaimsEachGroupOnceWritesOneCustomerWithAllItsBillsAndGivesEveryBillItsGroupsOutcome() {
        // given every bill grouped by supplier, written by the platform's four writers, one supplier's group
        // mapping to an empty nickname (so that group fails as a whole)
        SandboxAdmin sandboxes = new SandboxAdmin(port);
        SandboxAdmin.Connected connected = sandboxes.freshPlatform(solutions, connections);
        Map<String, String> supplierOf = supplierOfEveryBill(connected.kingdee());
        Map<String, TreeSet<String>> billsOf = new TreeMap<>();
        supplierOf.forEach((bill, supplier) -> billsOf.computeIfAbsent(supplier, s -> new TreeSet<>()).add(bill));
        String failing = supplierOf.values().iterator().next();
        SolutionView solution = solutions.create(new SolutionSpec("按供应商合并（PostgreSQL）", null,
                new SolutionSpec.Source(connected.kingdee(), "kingdee-jdy", LIST, Map.of(), 100),
                new SolutionSpec.Window("P31D", 300, 744),
                new SolutionSpec.Target(connected.jackyun(), "jackyun", "crm.customer.add", "{ \"customerCode\":"
                        + " supplierid_number, \"nickname\": supplierid_number = \"" + failing + "\" ? \"\" :"
                        + " supplierid_name, \"specialReminding\": $join(bills.billno, \",\") }"),
                new SolutionSpec.Dedupe(null), new SolutionSpec.RateLimit(0), new SolutionSpec.Retry(2, 0, 1, 0),
                new SolutionSpec.Schedule(null, false), SolutionSpec.Alerts.OFF)
                .withGroup(new SolutionSpec.Group("supplierid_number", "bills", 0)), "grouped on PostgreSQL");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // then every other supplier was added exactly once, listing every bill of it
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.getFetched()).isEqualTo(supplierOf.size());
        JsonNode customers = sandboxes.customers();
        Map<String, Integer> addCalls = new TreeMap<>();
        customers.get("addCalls").properties().forEach(e -> addCalls.put(e.getKey(), e.getValue().asInt()));
        assertThat(addCalls.keySet()).isEqualTo(billsOf.keySet().stream().filter(s -> !s.equals(failing))
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(addCalls.values()).containsOnly(1);
        for (JsonNode customer : customers.get("customers")) {
            assertThat(new TreeSet<>(Arrays.asList(customer.get("specialReminding").asText().split(","))))
                    .isEqualTo(billsOf.get(customer.get("customerCode").asText()));
        }
        // and every bill was claimed and logged once, with its group's outcome
        List<RecordLog> logged = logs.findByRunIdOrderById(run.getId(), Pageable.unpaged());
        assertThat(logged).extracting(RecordLog::getCode).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(supplierOf.keySet());
        assertThat(logged).allSatisfy(log -> assertThat(log.getStatus()).isEqualTo(
                supplierOf.get(log.getCode()).equals(failing) ? RecordStatus.FAILED : RecordStatus.SUCCESS));
        assertThat(run.getFailed()).isEqualTo(billsOf.get(failing).size());
        assertThat(run.getWritten()).isEqualTo(supplierOf.size() - billsOf.get(failing).size());
        assertThat(sourceRecords.countBySolutionIdAndStatus(solution.id(), RecordStatus.PENDING)).isZero();
        assertThat(sourceRecords.countBySolutionIdAndStatus(solution.id(), RecordStatus.PROCESSING)).isZero();
    }
}
