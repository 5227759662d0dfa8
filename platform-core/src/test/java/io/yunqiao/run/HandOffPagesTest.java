package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How many staged pages a run's fetcher may hand its writer ahead ({@code yunqiao.engine.hand-off-pages}). */
class HandOffPagesTest {

    private static final long MB = 1L << 20;

    @Test
    void autoHandsOffFourPagesSoThatABacklogBuildsUpForHelpingNodes() {
        assertThat(RunPipeline.handOffPages("auto", 2048 * MB)).isEqualTo(4);
        assertThat(RunPipeline.handOffPages("auto", 512 * MB)).isEqualTo(4);
    }

    @Test
    void autoHandsOffOnePageInAHeapUnder512Megabytes() {
        assertThat(RunPipeline.handOffPages("auto", 256 * MB)).isEqualTo(1);
        assertThat(RunPipeline.handOffPages(" AUTO ", 511 * MB)).isEqualTo(1);
    }

    @Test
    void aNumberOfPagesIsTakenAsItIsWhateverTheHeap() {
        assertThat(RunPipeline.handOffPages("2", 256 * MB)).isEqualTo(2);
        assertThat(RunPipeline.handOffPages("8", 4096 * MB)).isEqualTo(8);
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        for (String wrong : new String[] {"0", "-1", "many", "", "1.5"}) {
            assertThatThrownBy(() -> RunPipeline.handOffPages(wrong, 256 * MB))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("yunqiao.engine.hand-off-pages").hasMessageContaining("'" + wrong + "'");
        }
    }
}
