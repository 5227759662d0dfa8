package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which statuses mean the record's content is at the target. */
class RecordStatusTest {

    @Test
    void onlyWrittenAndSkippedDuplicatesCountAsWritten() {
        assertThat(Arrays.stream(RecordStatus.values()).filter(RecordStatus::isWritten))
                .containsExactly(RecordStatus.SUCCESS, RecordStatus.SKIPPED);
    }
}
