package io.yunqiao.web.solutions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Disk sizes as the solutions list shows them. */
class SizesTest {

    @Test
    void bytesUnderAKilobyteAreShownAsBytes() {
        assertThat(Sizes.format(0)).isEqualTo("0 B");
        assertThat(Sizes.format(1023)).isEqualTo("1023 B");
    }

    @Test
    void smallSizesKeepOneDecimalAndLargerOnesNone() {
        assertThat(Sizes.format(1536)).isEqualTo("1.5 KB");
        assertThat(Sizes.format(123 * 1024)).isEqualTo("123 KB");
        assertThat(Sizes.format(5L * 1024 * 1024 + 300 * 1024)).isEqualTo("5.3 MB");
        assertThat(Sizes.format(2500L * 1024 * 1024)).isEqualTo("2.4 GB");
    }

    @Test
    void beyondGigabytesTheUnitStaysGigabytes() {
        assertThat(Sizes.format(3000L * 1024 * 1024 * 1024)).isEqualTo("3000 GB");
    }
}
