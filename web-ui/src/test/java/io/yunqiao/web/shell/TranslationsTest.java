package io.yunqiao.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The UI's two languages stay in step: every text a screen shows exists in Chinese and in English. */
class TranslationsTest {

    private final Translations translations = new Translations();

    @Test
    void everyChineseTextHasAnEnglishOne() {
        Set<String> missing = new TreeSet<>(translations.keys(Translations.CHINESE).keySet());
        missing.removeAll(translations.keys(Locale.ENGLISH).keySet());
        assertThat(missing).as("keys without English text").isEmpty();
    }

    @Test
    void everyEnglishTextHasAChineseOne() {
        Set<String> missing = new TreeSet<>(translations.keys(Locale.ENGLISH).keySet());
        missing.removeAll(translations.keys(Translations.CHINESE).keySet());
        assertThat(missing).as("keys without Chinese text").isEmpty();
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsChosenByLanguage() {
        assertThat(translations.getTranslation("shell.nav.solutions", null)).isEqualTo("集成方案");
        assertThat(translations.getTranslation("shell.nav.solutions", Locale.US)).isEqualTo("Solutions");
        assertThat(translations.getTranslation("shell.nav.solutions", Locale.GERMAN)).isEqualTo("集成方案");
    }

    @Test
    void parametersAreFilledIn() {
        assertThat(translations.getTranslation("users.passwordHelp", Locale.ENGLISH, 8))
                .isEqualTo("At least 8 characters");
    }

    @Test
    void aMissingKeyReadsAsASentenceNamingItNeverABareKey() {
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH))
                .isEqualTo("Message code no.such.key (this version has no text for it)");
        assertThat(translations.getTranslation("no.such.key", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("消息代码 no.such.key（这个版本没有它的文字）");
    }
}
