package io.yunqiao.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorProvider;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Solutions;
import io.yunqiao.solution.Variables;
import io.yunqiao.suggestion.MappingSuggester;
import io.yunqiao.suggestion.SourceField;
import io.yunqiao.suggestion.Suggestion;
import io.yunqiao.suggestion.TargetField;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How good smart suggestions (智能映射) are: every shipped template's hand-written mapping is the answer key. Per
 * template and overall: suggestions made, correct, precision and recall, with field metadata only and with sample
 * records read from the sandboxes through the real connectors.
 *
 * <p>The answer key, per target field of a template's mapping (an object constructor):
 * <ul>
 * <li>a value that names exactly one source field, alone or inside function calls ({@code supplierid_number},
 * {@code $formatDate(billdate)}, {@code $valueMap("t", status)}) is a <b>direct</b> pair: a suggestion is correct
 * when it names that field;</li>
 * <li>a value without any source field (a constant such as {@code "供应商"}) expects <b>no</b> suggestion: any is
 * wrong;</li>
 * <li>a value built of several parts ({@code "来自 " & billno}, two fields or more, a nested object or array) is
 * <b>composed</b>: a field taken as it is cannot equal it, so it is left out of the main numbers; the strict
 * numbers count it, a suggestion being correct when it names any field the value uses ({@code $.field} is
 * {@code field});</li>
 * <li>target fields the mapping leaves out are not judged; suggestions for them are counted apart.</li>
 * </ul>
 */
final class SuggestPrecision {

    private static final Pattern ENTRY = Pattern.compile("\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w$.])([A-Za-z_]\\w*+(?:\\.[A-Za-z_]\\w*+)*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "in", "true", "false", "null", "function");
    private static final int SAMPLES = 20;

    private enum Kind { DIRECT, CONSTANT, COMPOSED }

    private record Expected(String target, Kind kind, Set<String> fields) {
    }

    private record Template(String id, SolutionSpec spec) {
    }

    /** Counts of one template or of all. */
    private static final class Tally {
        int made;
        int correct;
        int judged;
        int expected;
        int found;
        int unjudged;
        final List<String> wrong = new ArrayList<>();
        final List<String> missed = new ArrayList<>();
        final List<String> right = new ArrayList<>();
        final List<String> others = new ArrayList<>();

        void add(Tally other) {
            made += other.made;
            correct += other.correct;
            judged += other.judged;
            expected += other.expected;
            found += other.found;
            unjudged += other.unjudged;
            wrong.addAll(other.wrong);
            others.addAll(other.others);
        }

        double precision() {
            return judged == 0 ? 0 : (double) correct / judged;
        }

        double recall() {
            return expected == 0 ? 0 : (double) found / expected;
        }
    }

    private SuggestPrecision() {
    }

    static void run(Options options) throws Exception {
        ClassLoader loader = SuggestPrecision.class.getClassLoader();
        ConnectorRegistry registry = ConnectorRegistry.discover(loader);
        List<Template> templates = templates(loader);
        boolean withSamples = !"none".equals(options.text("samples"));
        Map<String, List<JsonNode>> samples = withSamples ? samples(registry, templates) : Map.of();
        System.out.printf("Smart suggestions against the hand-written mappings of %d shipped templates%n",
                templates.size());
        MappingSuggester suggester = MappingSuggester.standard();
        boolean showAll = "all".equals(options.text("show"));
        report("field metadata only", registry, templates, Map.of(), suggester, showAll);
        if (withSamples) {
            report("with " + SAMPLES + " sandbox records per source as samples", registry, templates, samples,
                    suggester, showAll);
        }
        System.out.printf("%nBy threshold (%s; main numbers, all templates; the platform uses %.2f)%n",
                withSamples ? "with samples" : "metadata only", MappingSuggester.THRESHOLD);
        System.out.printf("%-10s %6s %8s %10s %7s %9s%n", "threshold", "made", "correct", "precision", "recall",
                "unjudged");
        for (String threshold : options.texts("thresholds")) {
            Tally all = total(registry, templates, samples, suggester.withThreshold(Double.parseDouble(threshold)));
            System.out.printf("%-10s %6d %8d %10.2f %7.2f %9d%n", threshold, all.made, all.correct,
                    all.precision(), all.recall(), all.unjudged);
            if (showAll) {
                all.wrong.forEach(w -> System.out.println("    wrong: " + w));
                all.others.forEach(o -> System.out.println("    unjudged: " + o));
            }
        }
    }

    private static void report(String title, ConnectorRegistry registry, List<Template> templates,
            Map<String, List<JsonNode>> samples, MappingSuggester suggester, boolean all) {
        System.out.printf("%n%s (threshold %.2f)%n", title, MappingSuggester.THRESHOLD);
        System.out.printf("%-46s %5s %7s %6s %8s %10s %7s %9s | %7s %6s%n", "template", "made", "judged", "right",
                "expected", "precision", "recall", "unjudged", "strict P", "R");
        Tally total = new Tally();
        Tally totalStrict = new Tally();
        List<String> notes = new ArrayList<>();
        for (Template template : templates) {
            Tally main = new Tally();
            Tally strict = new Tally();
            evaluate(registry, template, samples.getOrDefault(template.id(), List.of()), suggester, main, strict);
            total.add(main);
            totalStrict.add(strict);
            System.out.printf("%-46s %5d %7d %6d %8d %10.2f %7.2f %9d | %7.2f %6.2f%n", cut(template.id()),
                    main.made, main.judged, main.correct, main.expected, main.precision(), main.recall(),
                    main.unjudged, strict.precision(), strict.recall());
            main.right.forEach(r -> notes.add(template.id() + "  right: " + r));
            main.others.forEach(o -> notes.add(template.id() + "  unjudged: " + o));
            main.wrong.forEach(w -> notes.add(template.id() + "  wrong: " + w));
            main.missed.forEach(m -> notes.add(template.id() + "  missed: " + m));
            strict.wrong.stream().filter(w -> !main.wrong.contains(w))
                    .forEach(w -> notes.add(template.id() + "  wrong (composed value): " + w));
        }
        System.out.printf("%-46s %5d %7d %6d %8d %10.2f %7.2f %9d | %7.2f %6.2f%n", "ALL", total.made,
                total.judged, total.correct, total.expected, total.precision(), total.recall(), total.unjudged,
                totalStrict.precision(), totalStrict.recall());
        notes.stream().filter(note -> all || !note.contains("  right: ") && !note.contains("  unjudged: "))
                .forEach(note -> System.out.println("  " + note));
    }

    private static Tally total(ConnectorRegistry registry, List<Template> templates,
            Map<String, List<JsonNode>> samples, MappingSuggester suggester) {
        Tally all = new Tally();
        for (Template template : templates) {
            Tally main = new Tally();
            evaluate(registry, template, samples.getOrDefault(template.id(), List.of()), suggester, main,
                    new Tally());
            all.add(main);
        }
        return all;
    }

    private static void evaluate(ConnectorRegistry registry, Template template, List<JsonNode> records,
            MappingSuggester suggester, Tally main, Tally strict) {
        SolutionSpec spec = template.spec();
        OperationDefinition target = registry.operation(spec.target().connector(), spec.target().operation());
        List<Suggestion> suggestions = suggester.suggest(SourceField.of(spec, registry, records),
                TargetField.of(target));
        Map<String, Expected> key = new LinkedHashMap<>();
        for (Expected expected : answerKey(spec.target().mapping())) {
            key.put(expected.target(), expected);
        }
        Map<String, Suggestion> byTarget = new LinkedHashMap<>();
        suggestions.forEach(s -> byTarget.put(s.target(), s));
        for (Suggestion suggestion : suggestions) {
            main.made++;
            strict.made++;
            Expected expected = key.get(suggestion.target());
            String shown = suggestion.target() + " <- " + suggestion.source() + " (" + suggestion.confidence()
                    + ", " + suggestion.reason(Locale.SIMPLIFIED_CHINESE) + ")";
            if (expected == null) {
                main.others.add(shown);
                main.unjudged++;
                strict.unjudged++;
                continue;
            }
            boolean right = expected.fields().contains(suggestion.source());
            strict.judged++;
            if (right) {
                strict.correct++;
            } else {
                strict.wrong.add(shown + ", template: " + describe(expected));
            }
            if (expected.kind() == Kind.COMPOSED) {
                continue;
            }
            main.judged++;
            if (right) {
                main.correct++;
                main.right.add(shown);
            } else {
                main.wrong.add(shown + ", template: " + describe(expected));
            }
        }
        for (Expected expected : key.values()) {
            if (expected.kind() == Kind.CONSTANT) {
                continue;
            }
            Suggestion suggestion = byTarget.get(expected.target());
            boolean found = suggestion != null && expected.fields().contains(suggestion.source());
            strict.expected++;
            strict.found += found ? 1 : 0;
            if (expected.kind() == Kind.DIRECT) {
                main.expected++;
                main.found += found ? 1 : 0;
                if (suggestion == null) {
                    main.missed.add(expected.target() + " (template: " + describe(expected) + ")");
                }
            }
        }
    }

    private static String describe(Expected expected) {
        return expected.kind() == Kind.CONSTANT ? "a constant" : String.join(" / ", expected.fields());
    }

    /**
     * The target fields of a mapping in the object-constructor shape with the source fields each value names
     * (see the class comment); other shapes give an empty key.
     */
    static List<Expected> answerKey(String mapping) {
        String body = mapping.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            return List.of();
        }
        List<Expected> key = new ArrayList<>();
        for (String entry : topLevel(body.substring(1, body.length() - 1))) {
            Matcher name = ENTRY.matcher(entry);
            if (!name.lookingAt()) {
                continue;
            }
            String value = entry.substring(name.end()).strip();
            // $.field and $$.field name the record's field like field does
            String code = STRING.matcher(value).replaceAll("\"\"").replaceAll("\\$\\$?\\.", "");
            Set<String> fields = new LinkedHashSet<>();
            Matcher path = PATH.matcher(code);
            while (path.find()) {
                if (!KEYWORDS.contains(path.group(1))) {
                    fields.add(path.group(1));
                }
            }
            // a nested object or array is built, not taken from one field
            boolean built = code.startsWith("{") || code.startsWith("[") || code.contains("&");
            Kind kind = fields.isEmpty() ? Kind.CONSTANT
                    : fields.size() == 1 && !built ? Kind.DIRECT : Kind.COMPOSED;
            key.add(new Expected(name.group(1), kind, fields));
        }
        return key;
    }

    /** The comma-separated parts of an object body, ignoring commas inside strings, calls and nested values. */
    private static List<String> topLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    private static List<Template> templates(ClassLoader loader) throws Exception {
        List<Template> templates = new ArrayList<>();
        for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class, loader)) {
            for (String resource : provider.templates()) {
                try (InputStream in = provider.getClass().getClassLoader().getResourceAsStream(resource)) {
                    JsonNode tree = Solutions.SPEC_JSON.readTree(in);
                    templates.add(new Template(tree.path("id").asText(resource),
                            Solutions.SPEC_JSON.treeToValue(tree.get("solution"), SolutionSpec.class)));
                }
            }
        }
        return templates;
    }

    /**
     * Up to {@value #SAMPLES} records of each template's source, read from the sandboxes with the template's own
     * parameters over the last year; a source no sandbox serves gets none (and says so).
     */
    private static Map<String, List<JsonNode>> samples(ConnectorRegistry registry, List<Template> templates)
            throws Exception {
        Map<String, List<JsonNode>> samples = new LinkedHashMap<>();
        ConnectorClient client = new ConnectorClient(registry);
        try (SandboxServer kingdee = SandboxServer.start(sandbox("kingdee"));
                SandboxServer jackyun = SandboxServer.start(sandbox("jackyun"))) {
            Map<String, Connection> connections = Map.of(
                    "kingdee-jdy", new Connection("suggest-kingdee", "sandbox Kingdee", "kingdee-jdy", Map.of(
                            "baseUrl", kingdee.baseUrl(), "clientId", "yunqiao-demo",
                            "clientSecret", "demo-secret-v1", "username", "demo", "password", "demo-pass")),
                    "kingdee-jdy-v2", new Connection("suggest-kingdee-v2", "sandbox Kingdee V2", "kingdee-jdy-v2",
                            Map.of("baseUrl", kingdee.baseUrl(), "clientId", "yunqiao-v2-demo",
                                    "clientSecret", "demo-secret-v2", "appKey", "demo-app-key",
                                    "appSecret", "demo-app-secret")),
                    "jackyun", new Connection("suggest-jackyun", "sandbox Jackyun", "jackyun", Map.of(
                            "baseUrl", jackyun.baseUrl() + "/open/openapi/do", "appKey", "100200",
                            "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")));
            Instant end = Instant.now();
            Instant start = end.minus(Duration.ofDays(365));
            for (Template template : templates) {
                SolutionSpec.Source source = template.spec().source();
                Connection connection = connections.get(source.connector());
                if (connection == null) {
                    System.out.printf("  %s: no sandbox for connector %s, metadata only%n", template.id(),
                            source.connector());
                    continue;
                }
                OperationDefinition operation = registry.operation(source.connector(), source.operation());
                PageRequest page = PageRequest.first(SAMPLES);
                Map<String, Object> params = new LinkedHashMap<>();
                if (operation.window() != null) {
                    params.putAll(operation.window().params(start, end));
                }
                params.putAll(Variables.fill(source.params(), start, end, page.index(), page.size()));
                try {
                    List<JsonNode> records = client.query(connection, operation.id(), params, page).records();
                    samples.put(template.id(), records.size() > SAMPLES ? records.subList(0, SAMPLES) : records);
                } catch (RuntimeException e) {
                    System.out.printf("  %s: sample query failed (%s), metadata only%n", template.id(),
                            e.getMessage());
                }
            }
        }
        samples.forEach((id, records) -> System.out.printf("  %s: %d sample records%n", id, records.size()));
        return samples;
    }

    private static io.yunqiao.sandbox.SandboxServlet sandbox(String id) {
        for (Sandbox sandbox : ServiceLoader.load(Sandbox.class, SuggestPrecision.class.getClassLoader())) {
            if (sandbox.id().equals(id)) {
                return sandbox.create(Map.of());
            }
        }
        throw new IllegalStateException("no sandbox '" + id + "' on the class path");
    }

    private static String cut(String text) {
        return text.length() > 46 ? text.substring(0, 45) + "…" : text;
    }
}
