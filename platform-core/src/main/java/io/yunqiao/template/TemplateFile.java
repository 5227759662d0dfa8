package io.yunqiao.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.limit.JsonRefusals;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Solutions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The template file (模板文件): one JSON or YAML document, published as {@code docs/template.schema.json}. Exports
 * write it with a fixed key order; an import is checked before anything is stored: that it is a template at all,
 * that it carries no connection id or alert recipient, the schema, then the value maps' limits. Every refusal names
 * the place in the file and what to change.
 */
public final class TemplateFile {

    /** The format marker every export writes. */
    public static final String FORMAT = "yunqiao-template/1";
    /** The class-path resource of the schema; the same text is published as docs/template.schema.json. */
    public static final String SCHEMA = "io/yunqiao/template/template.schema.json";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchema SCHEMA_EN = schema(Locale.ENGLISH);
    private static final JsonSchema SCHEMA_ZH = schema(Locale.SIMPLIFIED_CHINESE);

    private TemplateFile() {
    }

    private static JsonSchema schema(Locale locale) {
        try (InputStream in = TemplateFile.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from platform-core: " + SCHEMA);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().locale(locale).pathType(PathType.JSON_PATH)
                            .build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads an imported template file.
     *
     * @param text   the file's text, JSON or YAML
     * @param limits the size limit of an import and of value maps
     * @return the template, origin {@link TemplateOrigin#IMPORTED}, with the version and note the file gives
     * @throws Problem naming the place and the fix; nothing is stored
     */
    static SolutionTemplate read(String text, InputLimits limits) {
        if (text == null || text.isBlank()) {
            throw JsonRefusals.missingBody();
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.importFile().toBytes()) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, null, "problem.template.fileTooLarge", bytes,
                    limits.importFile().toBytes(), "yunqiao.limits.import-file");
        }
        JsonNode tree = parse(text);
        checkIsTemplate(tree);
        checkRules(tree, limits);
        return fromTree(tree, TemplateOrigin.IMPORTED, "file", limits);
    }

    /**
     * Checks a template made on this installation (published from a solution) as an import of its file would be:
     * what passes here imports anywhere with the same connectors.
     */
    static void check(SolutionTemplate template, InputLimits limits) {
        checkRules(tree(template, true), limits);
    }

    /** The rules every template passes, the specific ones first: their messages say more than the schema's. */
    private static void checkRules(JsonNode tree, InputLimits limits) {
        checkNoConnectionsOrAlerts(tree.path("solution"));
        TemplateValueMaps.check(tree.path("valueMaps"), limits);
        checkSchema(tree);
    }

    /** A built-in template from a connector jar: the schema's rules, as an import, but told as a bad plugin is. */
    static SolutionTemplate readBuiltIn(JsonNode tree, String resource) {
        checkRules(tree, InputLimits.DEFAULTS);
        return fromTree(tree, TemplateOrigin.BUILT_IN, resource, InputLimits.DEFAULTS);
    }

    /** The file an export gives: the template with its version, publisher and note. */
    public static String write(SolutionTemplate template) {
        return json(tree(template, true));
    }

    /** What versions are compared by: the template without who published it, when and why. */
    static String content(SolutionTemplate template) {
        return json(tree(template, false));
    }

    /** The template as stored and read back: {@link #content} with the version and publication kept apart. */
    static SolutionTemplate fromContent(String content, int version, TemplateOrigin origin,
            SolutionTemplate.Publication published) {
        JsonNode tree = parse(content);
        return fromTree(tree, origin, "database", InputLimits.DEFAULTS).as(version, origin, "database", published);
    }

    private static String json(JsonNode tree) {
        try {
            return Solutions.SPEC_JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        String start = text.stripLeading();
        try {
            if (start.startsWith("{") || start.startsWith("[")) {
                return Solutions.SPEC_JSON.readTree(text);
            }
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw Problem.coded(Problem.Kind.INVALID, null, "problem.template.unreadable",
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                    firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Refuses what is clearly not a template, saying what it looks like instead. */
    private static void checkIsTemplate(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw Problem.coded(Problem.Kind.INVALID, null, "problem.template.notTemplate");
        }
        if (!tree.has("solution") && tree.has("source") && tree.has("target")) {
            throw Problem.coded(Problem.Kind.INVALID, null, "problem.template.isSolutionExport");
        }
        if (!tree.has("solution") && tree.has("operations")) {
            throw Problem.coded(Problem.Kind.INVALID, null, "problem.template.isConnectorDefinition");
        }
        if (!tree.has("solution") && !tree.has("format")) {
            throw Problem.coded(Problem.Kind.INVALID, null, "problem.template.notTemplate");
        }
        JsonNode format = tree.get("format");
        if (format != null && !FORMAT.equals(format.asText())) {
            throw Problem.coded(Problem.Kind.INVALID, "$.format", "problem.template.formatUnknown", format.asText(),
                    FORMAT);
        }
    }

    /**
     * Connection ids and alert recipients belong to one installation: a file that carries them was not made by an
     * export (or was edited), and importing it would point at someone else's systems or people.
     */
    private static void checkNoConnectionsOrAlerts(JsonNode solution) {
        List<String> places = new ArrayList<>();
        if (solution.path("source").hasNonNull("connection")) {
            places.add("$.solution.source.connection");
        }
        if (solution.path("target").hasNonNull("connection")) {
            places.add("$.solution.target.connection");
        }
        JsonNode details = solution.path("details");
        for (int i = 0; i < details.size(); i++) {
            if (details.get(i).hasNonNull("connection")) {
                places.add("$.solution.details[" + i + "].connection");
            }
        }
        if (!places.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, places.get(0), "problem.template.carriesConnection",
                    String.join(", ", places));
        }
        JsonNode alerts = solution.path("alerts");
        for (String secret : List.of("webhookSecret", "webhook", "emails")) {
            JsonNode value = alerts.get(secret);
            if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())
                    && !(value.isTextual() && value.asText().isBlank())) {
                throw Problem.coded(Problem.Kind.INVALID, "$.solution.alerts." + secret,
                        "problem.template.carriesAlerts", "$.solution.alerts." + secret);
            }
        }
    }

    private static void checkSchema(JsonNode tree) {
        List<ValidationMessage> problems = sorted(SCHEMA_EN.validate(tree));
        if (problems.isEmpty()) {
            return;
        }
        String english = problems.stream().limit(10)
                .map(m -> "  at " + m.getInstanceLocation() + ": " + m.getError())
                .collect(Collectors.joining("\n"));
        String chinese = sorted(SCHEMA_ZH.validate(tree)).stream().limit(10)
                .map(m -> "  位置 " + m.getInstanceLocation() + "：" + m.getError())
                .collect(Collectors.joining("\n"));
        String place = problems.get(0).getInstanceLocation().toString();
        throw Problem.coded(Problem.Kind.INVALID, place, "problem.template.schema", place, english, chinese);
    }

    private static List<ValidationMessage> sorted(Set<ValidationMessage> problems) {
        return problems.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getType))
                .toList();
    }

    private static SolutionTemplate fromTree(JsonNode tree, TemplateOrigin origin, String source,
            InputLimits limits) {
        SolutionSpec spec;
        try {
            spec = Solutions.SPEC_JSON.treeToValue(tree.get("solution"), SolutionSpec.class);
        } catch (JsonProcessingException e) {
            Problem refusal = JsonRefusals.of(e);
            String field = refusal.field() == null ? "$.solution" : "$.solution." + refusal.field();
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.template.solutionUnreadable", field,
                    StoredMessage.of(refusal.code(), refusal.params()).store());
        }
        List<String> tags = new ArrayList<>();
        tree.path("tags").forEach(t -> tags.add(t.asText()));
        List<TemplateInput> inputs = new ArrayList<>();
        tree.path("inputs").forEach(i -> inputs.add(new TemplateInput(i.path("key").asText(), localized(i.get("label")),
                i.hasNonNull("default") ? i.get("default") : null, i.path("required").asBoolean(false))));
        List<String> referenced = new ArrayList<>();
        tree.path("referencedValueMaps").forEach(t -> referenced.add(t.asText()));
        Map<String, Map<String, String>> valueMaps = TemplateValueMaps.check(tree.path("valueMaps"), limits);
        SolutionTemplate.Publication published = null;
        if (tree.hasNonNull("publishedBy") || tree.hasNonNull("note")) {
            published = new SolutionTemplate.Publication(tree.path("publishedBy").asText(null),
                    instant(tree.path("publishedAt").asText(null)), tree.path("note").asText(""));
        }
        return new SolutionTemplate(tree.path("id").asText(), tree.path("version").asInt(1),
                localized(tree.get("title")), tree.hasNonNull("description") ? localized(tree.get("description"))
                        : new LocalizedText("", null),
                tree.path("category").asText(""), tags, inputs, spec, valueMaps, referenced, origin, source,
                published);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static LocalizedText localized(JsonNode node) {
        return node == null ? new LocalizedText("", null)
                : new LocalizedText(node.path("zh").asText(""), node.path("en").asText(null));
    }

    private static JsonNode tree(SolutionTemplate template, boolean withPublication) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode tree = f.objectNode();
        tree.put("format", FORMAT);
        tree.put("id", template.id());
        if (withPublication) {
            tree.put("version", template.version());
        }
        tree.set("title", node(template.title()));
        tree.set("description", node(template.description()));
        if (!template.category().isEmpty()) {
            tree.put("category", template.category());
        }
        if (!template.tags().isEmpty()) {
            ArrayNode tags = tree.putArray("tags");
            template.tags().forEach(tags::add);
        }
        if (!template.inputs().isEmpty()) {
            tree.set("inputs", Solutions.SPEC_JSON.valueToTree(template.inputs()));
        }
        tree.set("solution", Solutions.SPEC_JSON.valueToTree(template.solution()));
        if (!template.valueMaps().isEmpty()) {
            ObjectNode tables = tree.putObject("valueMaps");
            template.valueMaps().forEach((name, entries) -> {
                ObjectNode table = tables.putObject(name);
                entries.forEach(table::put);
            });
        }
        if (!template.referencedValueMaps().isEmpty()) {
            ArrayNode tables = tree.putArray("referencedValueMaps");
            template.referencedValueMaps().forEach(tables::add);
        }
        SolutionTemplate.Publication published = template.published();
        if (withPublication && published != null) {
            if (published.note() != null && !published.note().isEmpty()) {
                tree.put("note", published.note());
            }
            if (published.by() != null) {
                tree.put("publishedBy", published.by());
            }
            if (published.at() != null) {
                tree.put("publishedAt", published.at().toString());
            }
        }
        return tree;
    }

    private static ObjectNode node(LocalizedText text) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("zh", text.zh());
        if (text.en() != null && !text.en().equals(text.zh())) {
            node.put("en", text.en());
        }
        return node;
    }
}
