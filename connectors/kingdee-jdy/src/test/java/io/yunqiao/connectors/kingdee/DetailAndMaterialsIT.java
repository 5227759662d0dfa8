package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code jdy/pur/pur_inbound_detail} and {@code jdy/basedata/material_list} over real HTTP. */
class DetailAndMaterialsIT extends KingdeeSandboxSupport {

    @Test
    void theDetailOfABillIsTheBillOfTheList() {
        // given a bill from the list
        Connection connection = v1Connection();
        JsonNode listed = client.query(connection, LIST, Map.of(), new PageRequest(3, 10)).records().get(4);

        // when its detail is read by id
        QueryPage detail = client.query(connection, DETAIL, Map.of("id", listed.path("id").asText()),
                PageRequest.first(1));

        // then it is the same single record, with all its fields
        assertThat(detail.records()).singleElement().isEqualTo(listed);
        assertThat(detail.hasMore()).isFalse();
    }

    @Test
    void theDetailIsFoundByBillNumber() {
        Connection connection = v1Connection();
        JsonNode listed = client.query(connection, LIST, Map.of(), PageRequest.first(10)).records().get(7);
        QueryPage detail = client.query(connection, DETAIL, Map.of("number", listed.path("billno").asText()),
                PageRequest.first(1));
        assertThat(detail.records()).singleElement()
                .satisfies(bill -> assertThat(bill.path("id").asText()).isEqualTo(listed.path("id").asText()));
    }

    @Test
    void anUnknownBillIsTheVendorsNotFoundError() {
        assertThatThrownBy(() -> client.query(v1Connection(), DETAIL, Map.of("id", "42"), PageRequest.first(1)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.OTHER);
                    assertThat(e.vendorCode()).isEqualTo("10020");
                })
                .hasMessageContaining("单据不存在");
    }

    @Test
    void theMaterialListPagesThroughEveryMaterialOnce() {
        // when every material is read, 30 a page
        List<QueryPage> pages = fetchPages(v1Connection(), MATERIALS, Map.of(), 30);
        List<JsonNode> materials = pages.stream().flatMap(p -> p.records().stream()).toList();

        // then each of the data set's materials came once, with its fields
        int expected = admin("GET", "/_admin/bills", "").path("materials").asInt();
        assertThat(materials).hasSize(expected);
        assertThat(ids(materials)).doesNotHaveDuplicates();
        assertThat(pages.get(0).total()).isEqualTo((long) expected);
        assertThat(materials).allSatisfy(m -> {
            assertThat(m.path("number").asText()).matches("SP\\d{5}");
            assertThat(m.path("name").asText()).isNotBlank();
            assertThat(m.path("baseunit_name").asText()).isNotBlank();
            assertThat(m.path("barcode").asText()).matches("69\\d{11}");
            assertThat(m.path("isbatch").asText()).isIn("true", "false");
        });
    }

    @Test
    void theMaterialSearchFindsNamesNumbersAndBarcodes() {
        // given every material
        List<JsonNode> all = fetchAll(v1Connection(), MATERIALS, Map.of(), 100);
        JsonNode some = all.get(17);

        for (String search : List.of(some.path("name").asText(), some.path("number").asText().toLowerCase(
                Locale.ROOT), some.path("barcode").asText().substring(0, 9))) {
            // when searched, then exactly the materials whose number, name, model or barcode contain the text
            String needle = search.toLowerCase(Locale.ROOT);
            List<String> expected = ids(all.stream().filter(m -> List.of("number", "name", "model", "barcode")
                    .stream().anyMatch(f -> m.path(f).asText().toLowerCase(Locale.ROOT).contains(needle))).toList());
            assertThat(expected).contains(some.path("id").asText());
            assertThat(ids(fetchAll(v1Connection(), MATERIALS, Map.of("search", search), 100)))
                    .as("search %s", search).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theMaterialListTakesAModifyTimeWindow() {
        List<JsonNode> all = fetchAll(v1Connection(), MATERIALS, Map.of(), 100);
        long from = millis(all.get(50), "modifytime");
        long to = from + 20 * 86_400_000L;
        List<String> expected = ids(all.stream().filter(m -> millis(m, "modifytime") >= from
                && millis(m, "modifytime") <= to).toList());
        assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(ids(fetchAll(v1Connection(), MATERIALS, Map.of("begintime", from, "expiretime", to), 100)))
                .containsExactlyElementsOf(expected);
    }
}
