package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The screens' buttons, found in the views' source, and the catalogue (api/ui-actions.json) that says what each one
 * does over the REST API. A button is named by its label's translation key ({@code new Button(getTranslation("k")}
 * or the {@code small("k", …)} / {@code small(getTranslation("k"), …)} helpers of the lists), else by the variable
 * it is assigned to ({@code private final Button runNow = new Button();}).
 */
final class UiActions {

    static final Path VIEWS = Path.of("src/main/java/io/yunqiao/web");

    private static final Pattern KEYED = Pattern.compile("new Button\\(getTranslation\\(\"([^\"]+)\"");
    private static final Pattern ASSIGNED = Pattern.compile("(\\w+)\\s*=\\s*new Button\\(");
    private static final Pattern HELPER = Pattern.compile("\\bsmall\\((?:getTranslation\\()?\"([^\"]+)\"");
    /** An operation as the catalogue writes it, also inside a "ui: … saved with PUT /api/…" note. */
    static final Pattern OPERATION = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/api/\\S*[^\\s;,.)])");

    private UiActions() {
    }

    /** Per source file (relative to {@link #VIEWS}), each button name and how often it occurs. */
    static Map<String, Map<String, Integer>> inSource() {
        Map<String, Map<String, Integer>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(VIEWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = VIEWS.relativize(file).toString().replace('\\', '/');
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    for (String button : buttons(line, name)) {
                        found.computeIfAbsent(name, n -> new LinkedHashMap<>()).merge(button, 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> buttons(String line, String file) {
        List<String> names = new ArrayList<>();
        if (line.contains("new Button(")) {
            Matcher keyed = KEYED.matcher(line);
            Matcher assigned = ASSIGNED.matcher(line);
            if (keyed.find()) {
                names.add(keyed.group(1));
            } else if (assigned.find()) {
                names.add(assigned.group(1));
            } else {
                // neither a key nor a variable: the catalogue could not tell it from another; make it nameable
                throw new AssertionError(file + ": a Button without a label key or a variable: " + line.strip());
            }
        }
        Matcher helper = HELPER.matcher(line);
        while (helper.find()) {
            names.add(helper.group(1));
        }
        return names;
    }

    /** The catalogue: per source file, each button name with what each of its occurrences does. */
    static Map<String, Map<String, List<String>>> catalogue() {
        try (InputStream in = UiActions.class.getResourceAsStream("/api/ui-actions.json")) {
            JsonNode buttons = new ObjectMapper().readTree(in).path("buttons");
            Map<String, Map<String, List<String>>> catalogue = new TreeMap<>();
            for (Map.Entry<String, JsonNode> file : buttons.properties()) {
                Map<String, List<String>> actions = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> button : file.getValue().properties()) {
                    List<String> uses = new ArrayList<>();
                    button.getValue().forEach(use -> uses.add(use.asText()));
                    actions.put(button.getKey(), uses);
                }
                catalogue.put(file.getKey(), actions);
            }
            return catalogue;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every REST operation the catalogue names, as "METHOD /path". */
    static Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        catalogue().values().forEach(file -> file.values().forEach(uses -> uses.forEach(use -> {
            Matcher operation = OPERATION.matcher(use);
            while (operation.find()) {
                operations.add(operation.group(1) + " " + operation.group(2));
            }
        })));
        return operations;
    }
}
