package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Which content the writer maps for a handed-off record: the tree its page was parsed into, unless a later page of
 * the run staged the record again (its stored fetch time is then not before the page's hand-off).
 */
class HandedRecordTest {

    private static final Instant HANDED_OFF = Instant.parse("2026-12-03T04:00:00.500Z");

    private static final RecordWriter.Handed HANDED = new RecordWriter.Handed(
            new Staging.StagedRecord(1, JsonNodeFactory.instance.objectNode().put("billno", "CGRK-1")), HANDED_OFF);

    @Test
    void aRecordStagedByItsOwnPageIsMappedFromTheHandedOffTree() {
        assertThat(HANDED.outdatedBy(HANDED_OFF.minusMillis(20))).isFalse();
    }

    @Test
    void aRecordStagedAgainByALaterPageIsMappedFromItsStoredContent() {
        assertThat(HANDED.outdatedBy(HANDED_OFF.plusMillis(30))).isTrue();
    }

    @Test
    void aRecordStagedAgainInTheSameInstantCountsAsOutdated() {
        // reading the stored content is always right, only slower: a tie takes the safe side
        assertThat(HANDED.outdatedBy(HANDED_OFF)).isTrue();
    }
}
