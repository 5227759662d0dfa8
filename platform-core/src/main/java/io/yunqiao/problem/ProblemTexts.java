package io.yunqiao.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The texts of coded problems: {@code i18n/problems.properties} in Chinese (the default) and
 * {@code i18n/problems_en.properties} in English, UTF-8 both, on core's class path so that the REST API, the
 * screens and the logs share them. A code without a text shows as {@code !{code}} so a forgotten text is seen.
 */
public final class ProblemTexts {

    private static final Map<String, String> CHINESE = load("i18n/problems.properties");
    private static final Map<String, String> ENGLISH = load("i18n/problems_en.properties");

    private ProblemTexts() {
    }

    /** {@code code}'s text in {@code locale}'s language, formatted with {@code params}. */
    public static String render(String code, Locale locale, Object... params) {
        boolean english = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String text = english ? ENGLISH.get(code) : CHINESE.get(code);
        if (text == null) {
            text = CHINESE.get(code);
        }
        if (text == null) {
            return "!{" + code + "}";
        }
        return params.length == 0 ? text
                : new MessageFormat(text, english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE).format(params);
    }

    private static Map<String, String> load(String resource) {
        Properties texts = new Properties();
        try (InputStream in = ProblemTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    texts.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> map = (Map) Map.copyOf(texts);
        return map;
    }
}
