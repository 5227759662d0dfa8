package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The official JSONata test suite (jsonata-js test/test-suite): its cases, and how to judge an engine on one.
 * See TESTSUITE.md in the suite folder for the case format.
 */
final class JsonataSuite {

    /** The system property, then the environment variable, naming the suite's folder; none given: no suite. */
    static final String LOCATION_PROPERTY = "yunqiao.jsonata.suite";
    static final String LOCATION_VARIABLE = "YUNQIAO_JSONATA_SUITE";

    /** Budget of a case that sets no time limit of its own. */
    static final long DEFAULT_TIME_LIMIT_MILLIS = 5_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonataSuite() {
    }

    /**
     * One case.
     *
     * @param input     the input, {@code null} for undefined
     * @param expected  the expected result when one is given ({@code NullNode} for JSON null)
     * @param undefined whether the result must be undefined
     * @param error     whether the case expects an error at compile or evaluation time
     */
    record Case(String group, String name, String expression, JsonNode input, JsonNode bindings, JsonNode expected,
            boolean undefined, boolean error, long timeLimitMillis, int maxDepth, boolean unordered) {

        EvaluationLimits limits() {
            return new EvaluationLimits(timeLimitMillis, maxDepth);
        }

        @Override
        public String toString() {
            return group + "/" + name + ": " + expression;
        }
    }

    /** The suite's folder, or {@code null} when neither the property nor the variable names one. */
    static Path location() {
        String given = System.getProperty(LOCATION_PROPERTY, System.getenv(LOCATION_VARIABLE));
        return given == null || given.isBlank() ? null : Path.of(given).toAbsolutePath().normalize();
    }

    static List<Case> load(Path suite) {
        Map<String, JsonNode> datasets = new HashMap<>();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> groups = Files.list(suite.resolve("groups"))) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(group)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        JsonNode content = JSON.readTree(file.toFile());
                        List<JsonNode> entries = new ArrayList<>();
                        if (content.isArray()) {
                            content.forEach(entries::add);
                        } else {
                            entries.add(content);
                        }
                        for (int i = 0; i < entries.size(); i++) {
                            String name = file.getFileName().toString().replace(".json", "")
                                    + (entries.size() > 1 ? "[" + i + "]" : "");
                            cases.add(toCase(suite, group, name, entries.get(i), datasets));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Case toCase(Path suite, Path group, String name, JsonNode entry, Map<String, JsonNode> datasets)
            throws IOException {
        String expression = entry.has("expr") ? entry.get("expr").asText()
                : Files.readString(group.resolve(entry.get("expr-file").asText()));
        JsonNode input = null;
        if (entry.has("data")) {
            input = entry.get("data");
        } else if (entry.hasNonNull("dataset")) {
            String dataset = entry.get("dataset").asText();
            input = datasets.computeIfAbsent(dataset, d -> read(suite.resolve("datasets").resolve(d + ".json")));
        }
        JsonNode bindings = entry.has("bindings") && entry.get("bindings").size() > 0 ? entry.get("bindings") : null;
        boolean error = entry.has("code") || entry.has("error");
        long timeLimit = entry.has("timelimit") ? entry.get("timelimit").asLong() : DEFAULT_TIME_LIMIT_MILLIS;
        int depth = entry.has("depth") ? entry.get("depth").asInt() : Integer.MAX_VALUE;
        return new Case(group.getFileName().toString(), name, expression, input, bindings, entry.get("result"),
                entry.path("undefinedResult").asBoolean(false), error, timeLimit, depth,
                entry.path("unordered").asBoolean(false));
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one case the way the jsonata-js runner does: an expected error passes when compiling or evaluating
     * throws, anything else must evaluate to the expected value.
     */
    static boolean passes(MappingEngine engine, Case c) {
        CompiledMapping mapping;
        try {
            mapping = (CompiledMapping) engine.compile(c.expression());
        } catch (MappingSyntaxException e) {
            return c.error();
        }
        JsonNode output;
        try {
            output = mapping.evaluateOrThrow(c.input() == null ? null : c.input().deepCopy(), c.bindings(),
                    MappingContext.none(), c.limits());
        } catch (Exception | StackOverflowError e) {
            return c.error();
        }
        if (c.error()) {
            return false;
        }
        if (c.undefined() || c.expected() == null) {
            return output == null;
        }
        return output != null && sameJson(c.expected(), output, c.unordered());
    }

    /**
     * JSON equality with numbers compared by value ({@code 1 == 1.0}); {@code unordered} applies to a top-level
     * array.
     */
    static boolean sameJson(JsonNode expected, JsonNode actual, boolean unordered) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.doubleValue() == actual.doubleValue()
                    || new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            if (!unordered) {
                for (int i = 0; i < expected.size(); i++) {
                    if (!sameJson(expected.get(i), actual.get(i), false)) {
                        return false;
                    }
                }
                return true;
            }
            List<JsonNode> remaining = new ArrayList<>();
            actual.forEach(remaining::add);
            for (JsonNode element : expected) {
                if (!remaining.removeIf(new OnlyFirst(element))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                JsonNode other = actual.get(field.getKey());
                if (other == null || !sameJson(field.getValue(), other, false)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    /** Matches the first element equal to the expected one, so duplicates are counted. */
    private static final class OnlyFirst implements Predicate<JsonNode> {
        private final JsonNode expected;
        private boolean matched;

        OnlyFirst(JsonNode expected) {
            this.expected = expected;
        }

        @Override
        public boolean test(JsonNode candidate) {
            if (!matched && sameJson(expected, candidate, false)) {
                matched = true;
                return true;
            }
            return false;
        }
    }
}
