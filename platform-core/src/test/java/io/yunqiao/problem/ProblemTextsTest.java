package io.yunqiao.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The texts of coded problems stay usable: the same keys in Chinese and English, none defined twice, each a valid
 * message pattern, and every code the main sources refuse with has its texts.
 */
class ProblemTextsTest {

    private static final Path CHINESE = Path.of("src/main/resources/i18n/problems.properties");
    private static final Path ENGLISH = Path.of("src/main/resources/i18n/problems_en.properties");
    private static final Pattern CODED = Pattern.compile(
            "Problem\\.coded\\(\\s*[^,]+,\\s*[^,]+,\\s*\"(problem\\.[^\"]+)\"\\s*[,)]");
    /** A message kept in the database ({@link StoredMessage#of}) with a literal code. */
    private static final Pattern STORED = Pattern.compile("StoredMessage\\.of\\(\\s*\"([a-zA-Z][^\"]+)\"\\s*[,)]");
    /** A text with a parameter is formatted; one without is shown as it is, braces and quotes included. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\d");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> chinese = texts(CHINESE).keySet();
        Set<String> english = texts(ENGLISH).keySet();

        assertThat(difference(chinese, english)).as("keys without English text").isEmpty();
        assertThat(difference(english, chinese)).as("keys without Chinese text").isEmpty();
    }

    @Test
    void noKeyIsDefinedTwice() {
        assertThat(duplicates(CHINESE)).as("keys defined twice in problems.properties").isEmpty();
        assertThat(duplicates(ENGLISH)).as("keys defined twice in problems_en.properties").isEmpty();
    }

    @Test
    void everyTextWithParametersIsAValidMessagePattern() {
        List<String> broken = new ArrayList<>();
        for (Path file : List.of(CHINESE, ENGLISH)) {
            texts(file).forEach((key, text) -> {
                if (!PARAMETER.matcher(text).find()) {
                    return;
                }
                try {
                    new MessageFormat(text, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    broken.add(file.getFileName() + " " + key + ": " + e.getMessage());
                }
            });
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyCodeTheMainSourcesRefuseWithHasTexts() throws IOException {
        Usage refusals = codesUsed(CODED);
        assertThat(refusals.codes()).as("coded refusals found in the main sources").isGreaterThan(100);
        assertThat(refusals.missing()).as("codes without a Chinese or English text").isEmpty();
    }

    @Test
    void everyCodeTheMainSourcesStoreMessagesWithHasTexts() throws IOException {
        Usage stored = codesUsed(STORED);
        assertThat(stored.codes()).as("stored messages found in the main sources").isGreaterThan(50);
        assertThat(stored.missing()).as("codes without a Chinese or English text").isEmpty();
    }

    /** How many codes {@code pattern} (group 1: the code) finds in the main sources, and those without both texts. */
    private record Usage(int codes, Set<String> missing) {
    }

    private static Usage codesUsed(Pattern pattern) throws IOException {
        Set<String> chinese = texts(CHINESE).keySet();
        Set<String> english = texts(ENGLISH).keySet();
        Set<String> missing = new TreeSet<>();
        int codes = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../web-ui/src/main/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher used = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (used.find()) {
                        codes++;
                        if (!chinese.contains(used.group(1)) || !english.contains(used.group(1))) {
                            missing.add(file.getFileName() + ": " + used.group(1));
                        }
                    }
                }
            }
        }
        return new Usage(codes, missing);
    }

    private static Set<String> difference(Set<String> from, Set<String> without) {
        Set<String> left = new TreeSet<>(from);
        left.removeAll(without);
        return left;
    }

    private static Map<String, String> texts(Path file) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String line : lines(file)) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                texts.put(line.substring(0, equals).trim(), line.substring(equals + 1));
            }
        }
        return texts;
    }

    private static Set<String> duplicates(Path file) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        for (String line : lines(file)) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0 && !seen.add(line.substring(0, equals).trim())) {
                twice.add(line.substring(0, equals).trim());
            }
        }
        return twice;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
