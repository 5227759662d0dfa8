package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngines;
import io.yunqiao.solution.SolutionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping (合并): a record's group key, and the one record a group is mapped from. */
class SourceGroupsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SourceGroups bySupplier(int maxLines, int platformLimit) {
        return SourceGroups.of(new SolutionSpec.Group("supplierid_number", "bills", maxLines),
                MappingEngines.defaultEngine(), platformLimit);
    }

    private static String keyOf(SourceGroups groups, String record) {
        return groups.keyOf(json(record), MappingContext.none());
    }

    @Test
    void theGroupKeyIsTheTextOfTheValueTheExpressionGives() {
        assertThat(keyOf(bySupplier(0, 500), "{'supplierid_number':'S-01'}")).isEqualTo("S-01");
        assertThat(keyOf(bySupplier(0, 500), "{'supplierid_number':42}")).isEqualTo("42");
    }

    @Test
    void aMissingOrEmptyValueIsNoGroupKey() {
        assertThat(keyOf(bySupplier(0, 500), "{'billno':'B'}")).isNull();
        assertThat(keyOf(bySupplier(0, 500), "{'supplierid_number':''}")).isNull();
        assertThat(keyOf(bySupplier(0, 500), "{'supplierid_number':null}")).isNull();
    }

    @Test
    void anExpressionGivingSeveralValuesOrAnObjectIsNoGroupKey() {
        assertThat(keyOf(bySupplier(0, 500), "{'supplierid_number':['S-01','S-02']}")).isNull();
        assertThat(keyOf(bySupplier(0, 500), "{'supplierid_number':{'id':'S-01'}}")).isNull();
    }

    @Test
    void aKeyTooLongToStoreIsNoGroupKey() {
        assertThat(keyOf(bySupplier(0, 500), "{'supplierid_number':'" + "s".repeat(301) + "'}")).isNull();
    }

    @Test
    void aGroupIsMappedFromItsFirstRecordWithEveryRecordUnderTheIntoField() {
        JsonNode first = json("{'billno':'B1','supplierid_number':'S'}");
        JsonNode second = json("{'billno':'B2','supplierid_number':'S'}");

        JsonNode merged = bySupplier(0, 500).merged(List.of(first, second));

        assertThat(merged.get("billno").asText()).isEqualTo("B1");
        assertThat(merged.get("bills")).containsExactly(first, second);
        assertThat(first.has("bills")).as("the first record itself is not changed").isFalse();
    }

    @Test
    void zeroLinesMeansThePlatformLimitAndMoreThanItIsCappedToIt() {
        assertThat(bySupplier(0, 500).maxLines()).isEqualTo(500);
        assertThat(bySupplier(20, 500).maxLines()).isEqualTo(20);
        assertThat(bySupplier(900, 500).maxLines()).isEqualTo(500);
    }

    @Test
    void aSolutionWithoutGroupingGroupsNothing() {
        assertThat(SourceGroups.of(null, MappingEngines.defaultEngine(), 500)).isNull();
    }
}
