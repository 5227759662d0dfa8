package io.yunqiao.web.solutions;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.web.shell.Translations;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The incremental window in words, from the UI's own translations, in Chinese (the default) and English. */
class WindowWordsTest {

    private static final Translations TRANSLATIONS = new Translations();
    private static final CronDescription.Texts CHINESE = (key, params) -> TRANSLATIONS.getTranslation(key,
            Translations.CHINESE, params);
    private static final CronDescription.Texts ENGLISH = (key, params) -> TRANSLATIONS.getTranslation(key,
            Locale.ENGLISH, params);

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
        "P30D                      | 30 天前                     | 30 days ago",
        "P1D                       | 1 天前                      | 1 day ago",
        "PT12H                     | 12 小时前                   | 12 hours ago",
        "P1DT12H30M                | 1 天 12 小时 30 分钟前      | 1 day 12 hours 30 minutes ago",
        "2026-11-01T00:00:00+08:00 | 从 2026-11-01 00:00（+08:00）起 | from 2026-11-01 00:00 (+08:00)",
    })
    void theStartReadsAsHowFarBackOrFromWhen(String start, String chinese, String english) {
        // given a start the engine reads, when it is put in words, then it reads as a person says it
        assertThat(WindowWords.start(start, CHINESE)).contains(chinese);
        assertThat(WindowWords.start(start, ENGLISH)).contains(english);
    }

    @Test
    void aStartTheEngineCannotReadHasNoWords() {
        // given starts that are empty or not ISO-8601, when put in words, then nothing is claimed about them
        assertThat(WindowWords.start("", CHINESE)).isEmpty();
        assertThat(WindowWords.start("30 days", CHINESE)).isEmpty();
        assertThat(WindowWords.start("P-3D", CHINESE)).isEmpty();
    }

    @Test
    void theLongestWindowReadsInDaysWhenWhole() {
        // given the default 744 hours and an odd 36, when put in words, then whole days read as days
        assertThat(WindowWords.maxSpan(744, CHINESE)).isEqualTo("最多 31 天一段");
        assertThat(WindowWords.maxSpan(36, CHINESE)).isEqualTo("最多 1 天 12 小时一段");
        assertThat(WindowWords.maxSpan(744, ENGLISH)).isEqualTo("at most 31 days per window");
    }

    @Test
    void theOverlapReadsInMinutes() {
        // given the default 300 seconds, when put in words, then it reads as five minutes
        assertThat(WindowWords.overlap(300, CHINESE)).isEqualTo("5 分钟");
        assertThat(WindowWords.overlap(0, ENGLISH)).isEqualTo("no overlap");
    }
}
