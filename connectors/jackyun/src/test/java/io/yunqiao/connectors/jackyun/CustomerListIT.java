package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.connector.WindowSpec;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** crm.customer.list against the sandbox over HTTP: paging and the modification window. */
class CustomerListIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final RunningJackyunSandbox sandbox = new RunningJackyunSandbox();

    /** Every page of the list, in order, until the runtime says there is no more. */
    static List<QueryPage> allPages(Map<String, Object> params, int pageSize) {
        List<QueryPage> pages = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            QueryPage page = sandbox.client().query(sandbox.connection(), "crm.customer.list", params, request);
            pages.add(page);
            if (!page.hasMore()) {
                return pages;
            }
            request = page.next();
        }
    }

    static List<String> codes(List<QueryPage> pages) {
        return pages.stream().flatMap(p -> p.records().stream()).map(r -> r.get("customerCode").asText()).toList();
    }

    static void seed(int count, String prefix) {
        ArrayNode customers = new ObjectMapper().createArrayNode();
        for (int i = 0; i < count; i++) {
            customers.add(SampleCustomers.minimal(prefix + i));
        }
        sandbox.seed(customers);
    }

    @Test
    void pagesThroughManyWrittenCustomersReachingEachExactlyOnce() {
        // given 250 customers added through the connector
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String code = String.format("C-PAGE-%03d", i);
            assertThat(sandbox.client().execute(sandbox.connection(), "crm.customer.add",
                    SampleCustomers.minimal(code)).success()).isTrue();
            written.add(code);
        }
        // when all pages of 100 are listed
        List<QueryPage> pages = allPages(Map.of(), 100);
        // then three pages (100, 100, 50) hold every customer once, in write order, with the total on each
        assertThat(pages).extracting(p -> p.records().size()).containsExactly(100, 100, 50);
        assertThat(pages).allSatisfy(p -> assertThat(p.total()).isEqualTo(250));
        assertThat(codes(pages)).containsExactlyElementsOf(written);
    }

    @Test
    void endsOnTheTotalWithoutAskingForAnEmptyPage() {
        // given exactly two full pages of customers
        seed(200, "C-FULL-");
        // when all pages of 100 are listed
        List<QueryPage> pages = allPages(Map.of(), 100);
        // then two calls were made and every customer came once
        assertThat(pages).hasSize(2);
        assertThat(sandbox.servlet().calls()).hasSize(2);
        assertThat(codes(pages)).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void endsOnAShortPageWhenNoTotalIsAsked() {
        // given 150 customers
        seed(150, "C-SHORT-");
        // when all pages of 100 are listed without a total
        List<QueryPage> pages = allPages(Map.of("hasTotal", 0), 100);
        // then the short second page ends the list
        assertThat(pages).extracting(p -> p.records().size()).containsExactly(100, 50);
        assertThat(pages).allSatisfy(p -> assertThat(p.total()).isNull());
    }

    @Test
    void listsOnlyCustomersModifiedWithinTheWindowBothEndsIncluded() {
        // given customers modified at 09:00, 10:00, 10:30, 11:00 and 12:00 (Shanghai)
        ArrayNode customers = new ObjectMapper().createArrayNode();
        for (String time : List.of("09:00:00", "10:00:00", "10:30:00", "11:00:00", "12:00:00")) {
            ObjectNode customer = SampleCustomers.minimal("C-" + time);
            customer.put("gmtCreate", "2026-11-28 08:00:00");
            customer.put("gmtModified", "2026-11-28 " + time);
            customers.add(customer);
        }
        sandbox.seed(customers);
        // when the window 10:00–11:00 is listed, written by the definition's window format
        WindowSpec window = sandbox.definition().operation("crm.customer.list").orElseThrow().window();
        Map<String, Object> params = new HashMap<>(window.params(
                LocalDateTime.of(2026, 11, 28, 10, 0).atZone(SHANGHAI).toInstant(),
                LocalDateTime.of(2026, 11, 28, 11, 0).atZone(SHANGHAI).toInstant()));
        List<QueryPage> pages = allPages(params, 100);
        // then the three customers modified within it are listed, with their times
        assertThat(params).containsEntry("gmtModifiedBegin", "2026-11-28 10:00:00");
        assertThat(codes(pages)).containsExactly("C-10:00:00", "C-10:30:00", "C-11:00:00");
        JsonNode first = pages.get(0).records().get(0);
        assertThat(first.get("gmtModified").asText()).isEqualTo("2026-11-28 10:00:00");
        assertThat(first.get("gmtCreate").asText()).isEqualTo("2026-11-28 08:00:00");
    }

    @Test
    void listsNothingForAWindowBeforeAnyChange() {
        // given customers written now
        seed(3, "C-NOW-");
        // when a window from last year is listed
        Map<String, Object> params = Map.of("gmtModifiedBegin", "2025-01-01 00:00:00",
                "gmtModifiedEnd", "2025-01-02 00:00:00");
        List<QueryPage> pages = allPages(params, 100);
        // then one empty page ends the list
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).records()).isEmpty();
        assertThat(pages.get(0).total()).isZero();
    }
}
