package io.yunqiao.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What a record filter (筛选条件) says of a record: kept, left out, or failed, as JSONata's $boolean counts. */
class RecordFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode record(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static RecordFilter filter(String expression) {
        return RecordFilter.compile(MappingEngines.defaultEngine(), expression);
    }

    @Test
    void aBillWithACustomerIsKeptAndOneWithABlankOrMissingCustomerIsLeftOut() throws Exception {
        RecordFilter filter = filter("$exists(customerid_number) and customerid_number != \"\"");

        assertThat(filter.test(record("{\"customerid_number\":\"KH0001\"}"), MappingContext.none()).keep()).isTrue();
        assertThat(filter.test(record("{\"customerid_number\":\"\"}"), MappingContext.none()).leftOut()).isTrue();
        assertThat(filter.test(record("{}"), MappingContext.none()).leftOut()).isTrue();
    }

    @Test
    void aValueCountsAsJsonataBooleanCountsIt() throws Exception {
        JsonNode bill = record("{\"no\":\"A\",\"blank\":\"\",\"zero\":0,\"qty\":2,\"none\":null,\"empty\":[],"
                + "\"lines\":[0,\"x\"],\"obj\":{},\"full\":{\"a\":1}}");

        for (String kept : new String[] {"no", "qty", "lines", "full", "true"}) {
            assertThat(filter(kept).test(bill, MappingContext.none()).keep()).as(kept).isTrue();
        }
        for (String leftOut : new String[] {"blank", "zero", "none", "empty", "obj", "missing", "false"}) {
            assertThat(filter(leftOut).test(bill, MappingContext.none()).leftOut()).as(leftOut).isTrue();
        }
    }

    @Test
    void aConditionThatFailsOnARecordNeitherKeepsNorLeavesItOutButSaysWhy() throws Exception {
        RecordFilter filter = filter("$error(\"坏条件\")");

        RecordFilter.Verdict verdict = filter.test(record("{}"), MappingContext.none());

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.leftOut()).isFalse();
        assertThat(verdict.error()).contains("坏条件");
    }

    @Test
    void noFilterKeepsEveryRecord() throws Exception {
        assertThat(filter(" ").isNone()).isTrue();
        assertThat(RecordFilter.NONE.test(record("{}"), MappingContext.none()).keep()).isTrue();
        assertThat(filter(null)).isSameAs(RecordFilter.NONE);
    }
}
