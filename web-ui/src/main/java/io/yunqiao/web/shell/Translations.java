package io.yunqiao.web.shell;

import com.vaadin.flow.i18n.I18NProvider;
import io.yunqiao.problem.ProblemTexts;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The UI's texts in Chinese (the default) and English. Each screen keeps its own bundle under {@code i18n/}:
 * {@code i18n/<screen>.properties} holds Chinese, {@code i18n/<screen>_en.properties} English (UTF-8 both), so
 * screens don't share one long file. A key missing from a language falls back to the other language; a key with no
 * text at all reads as a sentence naming it (never a bare key or a blank). Each gap is logged once.
 */
@Component
public class Translations implements I18NProvider {

    /** The default language of the UI. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Logger LOG = LoggerFactory.getLogger(Translations.class);
    private static final List<Locale> LOCALES = List.of(CHINESE, Locale.ENGLISH);
    private static final long serialVersionUID = 1L;

    private final Map<String, String> chinese;
    private final Map<String, String> english;
    private final transient java.util.Set<String> logged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Translations() {
        this.chinese = load("classpath*:i18n/*.properties", false);
        this.english = load("classpath*:i18n/*_en.properties", true);
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        boolean inEnglish = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String text = inEnglish ? english.get(key) : chinese.get(key);
        if (text == null) {
            text = inEnglish ? chinese.get(key) : english.get(key);
            if (text != null) {
                gap(key, "no " + (inEnglish ? "English" : "Chinese") + " text: the other language's is shown");
            }
        }
        if (text == null) {
            // never a bare key on a screen: the core's sentence for a message without text names it
            gap(key, "no text in either language");
            return ProblemTexts.render("problem.unknownCode", locale, key, "");
        }
        return params.length == 0 ? text : new MessageFormat(text, locale == null ? CHINESE : locale).format(params);
    }

    private void gap(String key, String what) {
        if (logged.add(key + what)) {
            LOG.warn("translation '{}': {}", key, what);
        }
    }

    /** Every key of one language, for the test that keeps the two languages in step. */
    Map<String, String> keys(Locale locale) {
        return Map.copyOf(Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? english : chinese);
    }

    private static Map<String, String> load(String pattern, boolean englishFiles) {
        Map<String, String> texts = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String name = resource.getFilename();
                if (name == null || name.endsWith("_en.properties") != englishFiles) {
                    continue;
                }
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                for (String key : properties.stringPropertyNames()) {
                    if (texts.put(key, properties.getProperty(key)) != null) {
                        throw new IllegalStateException("translation key '" + key + "' is defined twice; the second"
                                + " time in " + resource + ": keys are prefixed with their screen, rename one");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the UI translations " + pattern, e);
        }
        return texts;
    }
}
