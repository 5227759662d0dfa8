package io.yunqiao.valuemap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the value-map tables an expression reads. */
class ValueMapUsesTest {

    @Test
    void tablesWrittenInDoubleOrSingleQuotesAreFoundOnce() {
        assertThat(ValueMapUses.tables("{ \"pay\": $valueMap(\"付款方式\", way), \"type\": $valueMap( '客户类别' , t),"
                + " \"again\": $valueMap(\"付款方式\", other) }")).containsExactly("付款方式", "客户类别");
    }

    @Test
    void anEscapedQuoteBelongsToTheName() {
        assertThat(ValueMapUses.tables("$valueMap(\"a\\\"b\", k)")).containsExactly("a\"b");
    }

    @Test
    void aComputedTableNameIsNotAUse() {
        assertThat(ValueMapUses.tables("$valueMap(tableName, k)")).isEmpty();
        assertThat(ValueMapUses.tables(null)).isEmpty();
    }
}
