package io.yunqiao.connector;

import java.util.Locale;

/**
 * A text shown to users in Chinese (the default) and English.
 *
 * @param zh the Chinese text; always present
 * @param en the English text; falls back to {@code zh} when absent
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        if (en == null || en.isBlank()) {
            en = zh;
        }
    }

    /** The text for a locale: English for any English locale, Chinese otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }

    @Override
    public String toString() {
        return zh;
    }
}
