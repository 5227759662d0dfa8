package io.yunqiao.connector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a connector definition file (YAML or JSON), validates it against {@value #SCHEMA} and checks what a schema
 * cannot: that names refer to declared things. Every refusal names the file, the place in it and the rule, as a
 * coded {@link DefinitionException} ({@code problem.connectors.definition.*}) readable in Chinese and English; the
 * place is the parameter {@value #PATH_PARAM} of those codes (see {@link #pathOf}).
 */
public final class DefinitionReader {

    /** The class-path resource of the JSON Schema every definition must satisfy; published as docs/ too. */
    public static final String SCHEMA = "io/yunqiao/connector/connector-definition.schema.json";

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonSchema SCHEMA_VALIDATOR = loadSchema(Locale.ENGLISH);
    /** The same schema with the validator's Chinese messages, for the Chinese text of a refusal. */
    private static final JsonSchema SCHEMA_VALIDATOR_ZH = loadSchema(Locale.SIMPLIFIED_CHINESE);

    /** Which parameter of a {@code problem.connectors.definition.*} code holds the JSON path of the fault. */
    static final int PATH_PARAM = 1;

    private static final String CODE = "problem.connectors.definition.";

    private DefinitionReader() {
    }

    private static JsonSchema loadSchema(Locale locale) {
        try (InputStream in = DefinitionReader.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from platform-core: " + SCHEMA);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().locale(locale).pathType(PathType.LEGACY).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one definition from its text, as {@link #read(String, InputStream)} does.
     *
     * @param source where it comes from (a file name or a stored definition), used in every error message
     * @param text   its YAML or JSON text
     */
    public static ConnectorDefinition read(String source, String text) {
        return read(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The JSON path ({@code $.operations[2].role}) a refusal of this reader or of the registry points at, or
     * {@code null} when it names none: by convention a coded refusal's first parameter is the source and its second
     * the path (with the operation's id after a space, which is left out here).
     */
    public static String pathOf(DefinitionException refusal) {
        Object[] params = refusal.params();
        if (refusal.code() == null || params.length <= PATH_PARAM
                || !(params[PATH_PARAM] instanceof String path) || !path.startsWith("$")) {
            return null;
        }
        int space = path.indexOf(' ');
        return space < 0 ? path : path.substring(0, space);
    }

    /**
     * Reads one definition.
     *
     * @param source where it comes from (a resource or file name), used in every error message
     * @param in     its YAML or JSON text (JSON is YAML)
     * @throws DefinitionException when it does not parse, breaks the schema or refers to undeclared names
     */
    public static ConnectorDefinition read(String source, InputStream in) {
        JsonNode tree;
        try {
            tree = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DefinitionException(CODE + "syntax", source, "$", parserWords(e.getOriginalMessage()),
                    at == null ? "?" : String.valueOf(at.getLineNr()),
                    at == null ? "?" : String.valueOf(at.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new DefinitionException(CODE + "empty", source, "$");
        }
        validateSchema(source, tree);
        ConnectorDefinition definition;
        try {
            definition = MAPPER.treeToValue(tree, ConnectorDefinition.class).withSource(source);
        } catch (IOException e) {
            // the schema admits what the records read; this is a schema and record out of step, not bad input
            throw new DefinitionException("connector definition '" + source + "' cannot be read: " + e.getMessage(),
                    e);
        }
        checkReferences(definition);
        return definition;
    }

    private static void validateSchema(String source, JsonNode tree) {
        List<ValidationMessage> problems = sorted(SCHEMA_VALIDATOR.validate(tree));
        if (problems.isEmpty()) {
            return;
        }
        String details = problems.stream()
                .map(m -> "  at " + m.getInstanceLocation() + ": " + m.getError() + " (rule: " + m.getType() + ")")
                .collect(Collectors.joining("\n"));
        String chinese = sorted(SCHEMA_VALIDATOR_ZH.validate(tree)).stream()
                .map(m -> "  位置 " + m.getInstanceLocation() + "：" + m.getError() + "（规则：" + m.getType() + "）")
                .collect(Collectors.joining("\n"));
        throw new DefinitionException(CODE + "schema", source, problems.get(0).getInstanceLocation().toString(),
                SCHEMA, details, chinese);
    }

    /**
     * The parser's own words without its excerpt of the text and the caret under it (the line and column are given
     * apart): {@code while parsing a flow sequence; expected ',' or ']', but got <stream end>}.
     */
    private static String parserWords(String message) {
        if (message == null) {
            return "";
        }
        String words = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining("; "));
        return words.isEmpty() ? message.strip() : words;
    }

    private static List<ValidationMessage> sorted(Set<ValidationMessage> problems) {
        return problems.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getType))
                .toList();
    }

    private static void checkReferences(ConnectorDefinition definition) {
        Place where = new Place(definition.source(), "$");
        unique(where, "connection field", "连接字段", definition.connection().stream().map(ConnectionField::name)
                .toList());
        unique(where, "operation id", "接口 id", definition.operations().stream().map(OperationDefinition::id)
                .toList());
        for (int i = 0; i < definition.operations().size(); i++) {
            OperationDefinition op = definition.operations().get(i);
            Place at = new Place(definition.source(), "$.operations[" + i + "] (" + op.id() + ")");
            unique(at, "param", "参数", op.params().stream().map(ParamDefinition::name).toList());
            unique(at, "field", "字段", op.fields().stream().map(FieldDefinition::name).toList());
            if (op.role() == OperationRole.QUERY) {
                mustBeField(at, "key", op.key(), op);
                if (op.code() != null) {
                    mustBeField(at, "code", op.code(), op);
                }
            }
            if (op.paging() != null) {
                mustBeParam(at, "paging.page", op.paging().page(), op);
                mustBeParam(at, "paging.size", op.paging().size(), op);
                if (op.paging().defaultSize() > op.paging().maxSize()) {
                    throw new DefinitionException(CODE + "pageSizes", at.source(), at.path());
                }
            }
            if (op.window() != null) {
                mustBeParam(at, "window.start", op.window().start(), op);
                mustBeParam(at, "window.end", op.window().end(), op);
            }
            if (op.lookUp() != null) {
                checkLookUp(at, op, definition);
            }
            for (FieldDefinition field : op.fields()) {
                String parent = field.parent();
                if (parent != null && op.field(parent).isEmpty()) {
                    throw new DefinitionException(CODE + "parent", at.source(), at.path(), field.name(), parent);
                }
            }
        }
    }

    /** A look-up names a QUERY operation of the same connector, one of its params, and fields on both sides. */
    private static void checkLookUp(Place at, OperationDefinition op, ConnectorDefinition definition) {
        LookUpSpec lookUp = op.lookUp();
        OperationDefinition query = definition.operation(lookUp.operation()).orElseThrow(() ->
                new DefinitionException(CODE + "lookUpUnknown", at.source(), at.path(), lookUp.operation()));
        if (query.role() != OperationRole.QUERY) {
            throw new DefinitionException(CODE + "lookUpRole", at.source(), at.path(), lookUp.operation(),
                    query.role().name());
        }
        mustBeField(at, "lookUp.key", lookUp.key(), op);
        Place queryAt = new Place(at.source(), at.path() + " lookUp.operation '" + query.id() + "'");
        mustBeParam(queryAt, "lookUp.param", lookUp.param(), query);
        mustBeField(queryAt, "lookUp.match", lookUp.match(), query);
    }

    /** Where in which definition a check looks: the source and a JSON path, with the operation's id. */
    private record Place(String source, String path) {
    }

    private static void unique(Place where, String what, String whatZh, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new DefinitionException(CODE + "duplicate", where.source(), where.path(), what, name, whatZh);
            }
        }
    }

    private static void mustBeField(Place at, String role, String name, OperationDefinition op) {
        if (op.field(name).isEmpty()) {
            throw new DefinitionException(CODE + "notField", at.source(), at.path(), role, name);
        }
    }

    private static void mustBeParam(Place at, String role, String name, OperationDefinition op) {
        if (op.param(name).isEmpty()) {
            throw new DefinitionException(CODE + "notParam", at.source(), at.path(), role, name);
        }
    }
}
