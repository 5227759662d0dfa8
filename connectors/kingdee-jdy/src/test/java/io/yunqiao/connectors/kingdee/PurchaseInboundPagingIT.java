package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.connector.WindowSpec;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging through {@code jdy/pur/pur_inbound_list} over real HTTP, window by window. */
class PurchaseInboundPagingIT extends KingdeeSandboxSupport {

    private List<JsonNode> allBills;

    @BeforeAll
    void readEveryBill() {
        allBills = fetchAll(v1Connection(), LIST, Map.of(), 100);
    }

    private WindowSpec window() {
        return registry.operation("kingdee-jdy", LIST).window();
    }

    private List<String> billsModifiedBetween(Instant from, Instant to) {
        return ids(allBills.stream().filter(b -> millis(b, "modifytime") >= from.toEpochMilli()
                && millis(b, "modifytime") <= to.toEpochMilli()).toList());
    }

    @Test
    void theWholeDataSetIsReadOnceInIdOrder() {
        // then every bill of the data set came exactly once, in id order
        assertThat(allBills).hasSize(1000);
        assertThat(ids(allBills)).doesNotHaveDuplicates();
        assertThat(allBills).isSortedAccordingTo(Comparator.comparing((JsonNode b) -> b.path("id").asText()));
    }

    @Test
    void readsEveryBillOfAModifyTimeWindowExactlyOnceUntilAShortPage() {
        // given the incremental window of the last 10 days, as the runtime fills it
        Instant from = END.minusSeconds(10 * 86_400L);
        Map<String, Object> params = window().params(from, END);

        // when it is paged through with pages of 100
        List<QueryPage> pages = fetchPages(v1Connection(), LIST, params, 100);

        // then every bill modified in the window came exactly once, and the last page was short and final
        List<String> expected = billsModifiedBetween(from, END);
        List<String> read = ids(pages.stream().flatMap(p -> p.records().stream()).toList());
        assertThat(expected).hasSizeBetween(200, 500);
        assertThat(read).containsExactlyElementsOf(expected);
        QueryPage last = pages.get(pages.size() - 1);
        assertThat(last.records().size()).isLessThan(100);
        assertThat(last.hasMore()).isFalse();
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> assertThat(p.hasMore()).isTrue());
        assertThat(pages).allSatisfy(p -> assertThat(p.total()).isEqualTo((long) expected.size()));
    }

    @Test
    void pagesWithAnOddPageSize() {
        // given a window of 3 days and pages of 7
        Instant from = END.minusSeconds(20 * 86_400L);
        Instant to = END.minusSeconds(17 * 86_400L);

        // when paged through
        List<QueryPage> pages = fetchPages(v1Connection(), LIST, window().params(from, to), 7);

        // then the bills of the window come once each, 7 a page
        List<String> expected = billsModifiedBetween(from, to);
        assertThat(ids(pages.stream().flatMap(p -> p.records().stream()).toList()))
                .containsExactlyElementsOf(expected);
        assertThat(pages).hasSize(expected.size() / 7 + 1);
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> assertThat(p.records()).hasSize(7));
    }

    @Test
    void endsOnAnEmptyPageWhenTheWindowFillsItsLastPageExactly() {
        // given a window holding exactly 20 bills (between the modify times of the 1st and 20th of a sorted run)
        List<JsonNode> byModifyTime = allBills.stream()
                .sorted(Comparator.comparingLong((JsonNode b) -> millis(b, "modifytime"))).toList();
        int first = 300;
        while (millis(byModifyTime.get(first - 1), "modifytime") == millis(byModifyTime.get(first), "modifytime")
                || millis(byModifyTime.get(first + 19), "modifytime")
                        == millis(byModifyTime.get(first + 20), "modifytime")) {
            first++;
        }
        Instant from = Instant.ofEpochMilli(millis(byModifyTime.get(first), "modifytime"));
        Instant to = Instant.ofEpochMilli(millis(byModifyTime.get(first + 19), "modifytime"));

        // when paged with pages of 10
        List<QueryPage> pages = fetchPages(v1Connection(), LIST, window().params(from, to), 10);

        // then two full pages say "more", and an empty third page ends the window
        assertThat(pages).extracting(p -> p.records().size()).containsExactly(10, 10, 0);
        assertThat(pages).extracting(QueryPage::hasMore).containsExactly(true, true, false);
        assertThat(billsModifiedBetween(from, to)).hasSize(20);
    }

    @Test
    void aWindowWithNoBillsIsOneEmptyPage() {
        // given a window after the data set's end
        Connection connection = v1Connection();

        // when queried
        List<QueryPage> pages = fetchPages(connection, LIST, window().params(END.plusSeconds(60),
                END.plusSeconds(3600)), 100);

        // then one empty, final page with a total of 0
        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.records()).isEmpty();
            assertThat(p.hasMore()).isFalse();
            assertThat(p.total()).isZero();
        });
    }
}
