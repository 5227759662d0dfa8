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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The texts of coded problems: {@code i18n/problems.properties} in Chinese (the default) and
 * {@code i18n/problems_en.properties} in English, UTF-8 both, on core's class path so that the REST API, the
 * screens and the logs share them. {@code ProblemTextsTest} makes sure every code used has both texts; {@link #render}
 * still copes with one that has not (a stored message of an older or newer version).
 */
public final class ProblemTexts {

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{\\d+[,}]");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemTexts.class);
    /** The gaps already logged: a missing text is reported once, not on every render. */
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final Map<String, String> CHINESE = load("i18n/problems.properties");
    private static final Map<String, String> ENGLISH = load("i18n/problems_en.properties");

    private ProblemTexts() {
    }

    /**
     * {@code code}'s text in {@code locale}'s language, formatted with {@code params}. Never shows a bare key or a
     * blank: a text missing in one language is taken from the other, a code without any text reads as a sentence
     * naming it with its parameters, and a missing parameter shows as "…"; each such gap is logged once. A parameter
     * that is itself a stored coded message ({@link StoredMessage#store()}: a connector's failure inside a run's error,
     * what a mapped body lacks inside a refusal) is shown in the same language.
     */
    public static String render(String code, Locale locale, Object... given) {
        Object[] params = given.clone();
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof String text) {
                params[i] = StoredMessage.render(text, locale);
            }
        }
        boolean english = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String text = english ? ENGLISH.get(code) : CHINESE.get(code);
        if (text == null) {
            text = english ? CHINESE.get(code) : ENGLISH.get(code);
            if (text != null) {
                gap(code, "has no " + (english ? "English" : "Chinese") + " text: the other language's is shown");
            }
        }
        if (text == null && "problem.unknownCode".equals(code)) {
            return code + " " + java.util.Arrays.toString(params);
        }
        if (text == null) {
            gap(code, "has no text in either language");
            return render("problem.unknownCode", locale, code, String.join(" | ",
                    java.util.Arrays.stream(params).map(String::valueOf).toList())).strip();
        }
        if (params.length == 0 && !PLACEHOLDER.matcher(text).find()) {
            // no parameters, none wanted: the text as written (it may hold braces, e.g. a JSONata example)
            return text;
        }
        MessageFormat format = new MessageFormat(text, english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        java.text.Format[] formats = format.getFormatsByArgumentIndex();
        Object[] all = java.util.Arrays.copyOf(params, Math.max(params.length, formats.length));
        if (params.length < formats.length) {
            gap(code, "was given " + params.length + " of its " + formats.length + " parameters");
            java.util.Arrays.fill(all, params.length, formats.length, "…");
        }
        for (int i = 0; i < formats.length; i++) {
            // a stored message keeps its parameters as text: a number (or choice) format wants the number back
            if (formats[i] instanceof java.text.NumberFormat && all[i] instanceof String digits) {
                all[i] = number(digits);
            }
        }
        return format.format(all);
    }

    private static Object number(String text) {
        try {
            return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void gap(String code, String what) {
        if (LOGGED.add(code + what)) {
            LOG.warn("message code {} {}", code, what);
        }
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
