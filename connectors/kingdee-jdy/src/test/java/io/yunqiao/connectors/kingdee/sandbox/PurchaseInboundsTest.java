package io.yunqiao.connectors.kingdee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated data set: deterministic, plausible, and complete against the field dictionary. */
class PurchaseInboundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant END = Instant.parse("2026-11-28T00:00:00Z");

    private static PurchaseInbounds dataSet(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of("end", END.toString(), "bills", "300"));
        settings.putAll(overrides);
        SandboxSettings parsed = SandboxSettings.from(settings);
        return new PurchaseInbounds(parsed, new Catalog(parsed));
    }

    private static JsonNode bill(PurchaseInbounds bills, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            new BillJson(bills).writeV1(g, index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSameSeedGivesTheSameBills() {
        PurchaseInbounds first = dataSet(Map.of());
        PurchaseInbounds second = dataSet(Map.of());
        for (int i : new int[] {0, 1, 150, 299}) {
            assertThat(bill(second, i)).isEqualTo(bill(first, i));
        }
    }

    @Test
    void anotherSeedGivesOtherBills() {
        assertThat(bill(dataSet(Map.of("seed", "7")), 0)).isNotEqualTo(bill(dataSet(Map.of()), 0));
    }

    @Test
    void billsSpanTheThirtyDaysBeforeTheEndInIdOrder() {
        PurchaseInbounds bills = dataSet(Map.of());
        long start = END.minusSeconds(30 * 86_400L).toEpochMilli();
        for (int i = 0; i < bills.count(); i++) {
            assertThat(bills.createTime(i)).isBetween(start, END.toEpochMilli());
            assertThat(bills.modifyTime(i)).isBetween(bills.createTime(i), END.toEpochMilli());
            assertThat(bills.lineCount(i)).isBetween(1, 8);
            if (i > 0) {
                assertThat(bills.id(i)).isGreaterThan(bills.id(i - 1));
            }
        }
    }

    @Test
    void billNumbersCarryTheBillDateAndAreUnique() {
        PurchaseInbounds bills = dataSet(Map.of());
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < bills.count(); i++) {
            JsonNode bill = bill(bills, i);
            String billNo = bill.path("billno").asText();
            assertThat(billNo).matches("CGRK-\\d{8}-\\d{4}");
            assertThat(billNo.substring(5, 13))
                    .isEqualTo(LocalDate.parse(bill.path("billdate").asText()).toString().replace("-", ""));
            assertThat(numbers.add(billNo)).as("unique %s", billNo).isTrue();
            assertThat(bills.indexOfBillNo(billNo)).isEqualTo(i);
        }
    }

    @Test
    void everyBillCarriesEveryFieldOfTheFieldDictionary() {
        // given the 140 fields the connector definition declares for the list
        OperationDefinition list = ConnectorRegistry.discover(getClass().getClassLoader())
                .operation("kingdee-jdy", "jdy/pur/pur_inbound_list");
        PurchaseInbounds bills = dataSet(Map.of());

        for (int i = 0; i < bills.count(); i += 7) {
            JsonNode bill = bill(bills, i);
            // then each top-level field is present, and each line field in every line
            for (FieldDefinition field : list.topLevelFields()) {
                assertThat(bill.has(field.name())).as("bill %d has %s", i, field.name()).isTrue();
                assertThat(bill.get(field.name()).isNull()).isFalse();
            }
            assertThat(bill.path("material_entity").size()).isEqualTo(bills.lineCount(i));
            for (JsonNode line : bill.path("material_entity")) {
                for (FieldDefinition field : list.childrenOf("material_entity")) {
                    String name = field.name().substring("material_entity.".length());
                    assertThat(line.has(name)).as("line of bill %d has %s", i, name).isTrue();
                    assertThat(line.get(name).isTextual()).isTrue();
                }
            }
            assertThat(bill.size()).isEqualTo(list.topLevelFields().size());
        }
    }

    @Test
    void identityAndPartyFieldsAreFilled() {
        PurchaseInbounds bills = dataSet(Map.of());
        for (int i = 0; i < bills.count(); i += 11) {
            JsonNode bill = bill(bills, i);
            for (String name : new String[] {"id", "billno", "billdate", "billstatus", "createtime", "modifytime",
                "creatorid_name", "deptid_name", "empid_name", "supplierid_id", "supplierid_name", "supplierid_number",
                "contact_phone", "contact_province_name", "contact_city_name", "contact_district_name",
                "contact_address", "totalamount", "edit_pay_type_name", "edit_pay_account_name"}) {
                assertThat(bill.path(name).asText()).as("bill %d %s", i, name).isNotBlank();
            }
            assertThat(bill.path("billstatus").asText()).isIn("C", "Z");
            assertThat(bill.path("auditorid_name").asText().isEmpty()).isEqualTo(bill.path("billstatus").asText()
                    .equals("Z"));
            for (JsonNode line : bill.path("material_entity")) {
                assertThat(line.path("materialid_name").asText()).isNotBlank();
                assertThat(line.path("barcode").asText()).matches("69\\d{11}");
                assertThat(Double.parseDouble(line.path("qty").asText())).isPositive();
                assertThat(Double.parseDouble(line.path("price").asText())).isPositive();
            }
        }
    }

    @Test
    void aboutFiftySuppliersAreUsed() {
        PurchaseInbounds bills = dataSet(Map.of("bills", "2000"));
        Set<Integer> suppliers = new HashSet<>();
        for (int i = 0; i < bills.count(); i++) {
            suppliers.add(bills.supplier(i));
        }
        assertThat(suppliers).hasSize(50);
    }

    @Test
    void touchingSetsTheModifyTimeUntilReset() {
        PurchaseInbounds bills = dataSet(Map.of());
        long generated = bills.modifyTime(5);
        bills.touch(5, 42L);
        assertThat(bills.modifyTime(5)).isEqualTo(42L);
        bills.reset();
        assertThat(bills.modifyTime(5)).isEqualTo(generated);
    }
}
