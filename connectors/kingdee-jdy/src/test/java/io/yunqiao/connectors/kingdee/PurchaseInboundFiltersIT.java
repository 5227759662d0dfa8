package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every filter of {@code jdy/pur/pur_inbound_list} answers exactly the bills the data set says. The expectation is
 * worked out here from the full, unfiltered list, never from the sandbox's internals.
 */
class PurchaseInboundFiltersIT extends KingdeeSandboxSupport {

    private List<JsonNode> allBills;

    @BeforeAll
    void readEveryBill() {
        allBills = fetchAll(v1Connection(), LIST, Map.of(), 100);
        assertThat(allBills).hasSize(1000);
    }

    /** Queries with the filter, and checks the answer against the bills the predicate selects. */
    private void assertFilter(Map<String, ?> filter, Predicate<JsonNode> expected) {
        List<String> wanted = ids(allBills.stream().filter(expected).toList());
        assertThat(wanted).as("the filter %s must select some bills but not all", filter)
                .isNotEmpty().hasSizeLessThan(allBills.size());
        assertThat(ids(fetchAll(v1Connection(), LIST, filter, 100))).as("filter %s", filter)
                .containsExactlyElementsOf(wanted);
    }

    private JsonNode bill(int index) {
        return allBills.get(index);
    }

    @Test
    void filtersAuditedBills() {
        assertFilter(Map.of("billstatus", "C"), b -> b.path("billstatus").asText().equals("C"));
    }

    @Test
    void filtersUnauditedBills() {
        assertFilter(Map.of("billstatus", "Z"), b -> b.path("billstatus").asText().equals("Z"));
    }

    @Test
    void anEmptyBillStatusMeansAll() {
        assertThat(fetchAll(v1Connection(), LIST, Map.of("billstatus", ""), 100)).hasSize(allBills.size());
    }

    @Test
    void filtersByCreateDate() {
        LocalDate from = dayOf(bill(300), "createtime");
        LocalDate to = from.plusDays(2);
        assertFilter(Map.of("startdate", from.toString(), "enddate", to.toString()), b -> {
            LocalDate day = dayOf(b, "createtime");
            return !day.isBefore(from) && !day.isAfter(to);
        });
    }

    @Test
    void filtersByModifyDate() {
        LocalDate from = dayOf(bill(500), "modifytime");
        LocalDate to = from.plusDays(3);
        assertFilter(Map.of("begindate", from.toString(), "expiredate", to.toString()), b -> {
            LocalDate day = dayOf(b, "modifytime");
            return !day.isBefore(from) && !day.isAfter(to);
        });
    }

    @Test
    void filtersByCreateTime() {
        long from = millis(bill(200), "createtime");
        long to = millis(bill(400), "createtime");
        assertFilter(Map.of("starttime", from, "endtime", to), b -> millis(b, "createtime") >= from
                && millis(b, "createtime") <= to);
    }

    @Test
    void filtersByModifyTime() {
        long from = millis(bill(600), "modifytime");
        long to = from + 5 * 86_400_000L;
        assertFilter(Map.of("begintime", from, "expiretime", to), b -> millis(b, "modifytime") >= from
                && millis(b, "modifytime") <= to);
    }

    @Test
    void timesMayComeAsTextAndMinusOneMeansNoBound() {
        long from = millis(bill(700), "createtime");
        assertFilter(Map.of("starttime", Long.toString(from), "endtime", "-1"), b -> millis(b, "createtime") >= from);
    }

    @Test
    void filtersByBillDate() {
        LocalDate from = LocalDate.parse(bill(100).path("billdate").asText());
        LocalDate to = from.plusDays(4);
        assertFilter(Map.of("startbilldate", from.toString(), "endbilldate", to.toString()), b -> {
            LocalDate day = LocalDate.parse(b.path("billdate").asText());
            return !day.isBefore(from) && !day.isAfter(to);
        });
    }

    @Test
    void filtersBySupplier() {
        String supplier = bill(10).path("supplierid_id").asText();
        assertFilter(Map.of("supplierid", supplier), b -> b.path("supplierid_id").asText().equals(supplier));
    }

    @Test
    void filtersByDepartment() {
        String department = bill(20).path("deptid_id").asText();
        assertFilter(Map.of("deptid", department), b -> b.path("deptid_id").asText().equals(department));
    }

    @Test
    void filtersBySalesperson() {
        String employee = bill(30).path("empid_id").asText();
        assertFilter(Map.of("empid", employee), b -> b.path("empid_id").asText().equals(employee));
    }

    @Test
    void anUnknownSupplierMatchesNothing() {
        assertThat(fetchAll(v1Connection(), LIST, Map.of("supplierid", "1"), 100)).isEmpty();
    }

    @Test
    void searchFindsSupplierNames() {
        String city = bill(40).path("supplierid_name").asText().substring(0, 2);
        assertFilter(Map.of("search", city), b -> searchMatches(b, city));
    }

    @Test
    void searchFindsSalespersonNames() {
        String name = bill(50).path("empid_name").asText();
        assertFilter(Map.of("search", name), b -> searchMatches(b, name));
    }

    @Test
    void searchFindsMaterialNames() {
        String material = bill(60).path("material_entity").get(0).path("materialid_name").asText();
        assertFilter(Map.of("search", material), b -> searchMatches(b, material));
    }

    @Test
    void searchFindsBillNumbersWhateverTheCase() {
        String prefix = bill(70).path("billno").asText().substring(0, 13).toLowerCase(Locale.ROOT);
        assertFilter(Map.of("search", prefix), b -> searchMatches(b, prefix));
    }

    @Test
    void filtersCombine() {
        String supplier = bill(80).path("supplierid_id").asText();
        Map<String, Object> filter = new HashMap<>();
        filter.put("supplierid", supplier);
        filter.put("billstatus", "C");
        filter.put("begintime", millis(bill(0), "modifytime"));
        filter.put("expiretime", millis(bill(800), "modifytime"));
        assertFilter(filter, b -> b.path("supplierid_id").asText().equals(supplier)
                && b.path("billstatus").asText().equals("C")
                && millis(b, "modifytime") >= millis(bill(0), "modifytime")
                && millis(b, "modifytime") <= millis(bill(800), "modifytime"));
    }

    /** The documented search rule: a case-insensitive substring of supplier, salesperson, material or bill number. */
    private static boolean searchMatches(JsonNode bill, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        if (contains(bill.path("supplierid_name"), needle) || contains(bill.path("empid_name"), needle)
                || contains(bill.path("billno"), needle)) {
            return true;
        }
        for (JsonNode line : bill.path("material_entity")) {
            if (contains(line.path("materialid_name"), needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode value, String needle) {
        return value.asText().toLowerCase(Locale.ROOT).contains(needle);
    }
}
