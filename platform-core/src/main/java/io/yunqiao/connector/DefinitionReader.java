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
import io.yunqiao.connector.auth.DeclarativeAuth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        checkTypes(source, tree);
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
        DeclarativeAuth.check(definition);
        return definition;
    }

    private static final List<String> PAGING_TYPES = List.of("page-number", "offset-limit", "cursor", "next-url",
            "none");
    private static final List<String> BODY_STYLES = List.of("json", "form", "query", "form-json-field", "none");

    /**
     * Refuses an unknown paging type or body style before the schema does, with the names that are known: the
     * schema's own message would only say that the value is not in a list.
     */
    private static void checkTypes(String source, JsonNode tree) {
        JsonNode operations = tree.path("operations");
        for (int i = 0; i < operations.size(); i++) {
            JsonNode type = operations.path(i).path("paging").path("type");
            if (type.isTextual() && !PAGING_TYPES.contains(type.asText())) {
                throw new DefinitionException("problem.definition.paging.unknownType", source,
                        "$.operations[" + i + "].paging.type", type.asText(), String.join(", ", PAGING_TYPES));
            }
            if (type.isTextual() && type.asText().equals("none")) {
                // an unpaged operation is read without its paging, so the rest would be silently ignored
                Iterator<String> properties = operations.path(i).path("paging").fieldNames();
                while (properties.hasNext()) {
                    String property = properties.next();
                    if (!property.equals("type")) {
                        throw new DefinitionException("problem.definition.paging.notForType", source,
                                "$.operations[" + i + "].paging." + property, property, "none");
                    }
                }
            }
            JsonNode body = operations.path(i).path("request").path("body");
            if (body.isTextual() && !BODY_STYLES.contains(body.asText())) {
                throw new DefinitionException("problem.definition.request.unknownBody", source,
                        "$.operations[" + i + "].request.body", body.asText(), String.join(", ", BODY_STYLES));
            }
        }
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
        checkCheck(definition);
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
            String path = "$.operations[" + i + "]";
            checkRequest(definition.source(), path, op);
            if (op.paging() != null) {
                checkPaging(definition.source(), path, op);
                if (op.paging().defaultSize() > op.paging().maxSize()) {
                    throw new DefinitionException(CODE + "pageSizes", at.source(), at.path());
                }
            }
            if (op.rows() != null && op.role() != OperationRole.QUERY) {
                throw new DefinitionException("problem.definition.request.rowsNotQuery", definition.source(),
                        path + ".rows", op.id());
            }
            if (op.window() != null) {
                mustBeParam(at, "window.start", op.window().start(), op);
                mustBeParam(at, "window.end", op.window().end(), op);
            }
            if (op.lookUp() != null) {
                checkLookUp(at, op, definition);
            }
            if (op.identity() != null) {
                checkIdentity(definition.source(), path, op, definition);
            }
            for (FieldDefinition field : op.fields()) {
                String parent = field.parent();
                if (parent != null && op.field(parent).isEmpty()) {
                    throw new DefinitionException(CODE + "parent", at.source(), at.path(), field.name(), parent);
                }
            }
        }
    }

    /**
     * The connection test's operation exists, reads (a test must not write) and can be called without values.
     */
    private static void checkCheck(ConnectorDefinition definition) {
        String check = definition.check();
        if (check == null) {
            return;
        }
        List<String> queries = definition.operations().stream().filter(op -> op.role() == OperationRole.QUERY)
                .map(OperationDefinition::id).toList();
        OperationDefinition op = definition.operation(check).orElseThrow(() -> new DefinitionException(
                "problem.definition.request.checkUnknown", definition.source(), "$.check", check,
                String.join(", ", queries)));
        if (op.role() != OperationRole.QUERY) {
            throw new DefinitionException("problem.definition.request.checkNotQuery", definition.source(), "$.check",
                    check, String.join(", ", queries));
        }
        List<String> needed = op.params().stream()
                .filter(p -> (p.required() || p.in() == ParamLocation.PATH) && p.defaultValue() == null)
                .filter(p -> op.paging() == null || !op.paging().runtimeParams().contains(p.name()))
                .map(ParamDefinition::name).toList();
        if (!needed.isEmpty()) {
            throw new DefinitionException("problem.definition.request.checkNeedsParams", definition.source(),
                    "$.check", check, String.join(", ", needed));
        }
    }

    /**
     * Every {@code {name}} of the path is a parameter declared {@code in: path} and every such parameter is in the
     * path; properties apply to the body style; every parameter has a place; no header the HTTP client owns.
     */
    private static void checkRequest(String source, String at, OperationDefinition op) {
        RequestSpec request = op.request();
        List<String> placeholders = request.pathParams();
        for (String name : placeholders) {
            boolean declared = op.param(name).map(p -> p.in() == ParamLocation.PATH).orElse(false);
            if (!declared) {
                throw new DefinitionException("problem.definition.request.pathParamUndeclared", source,
                        at + ".request.path", name, op.id());
            }
        }
        BodyStyle body = request.body();
        if (request.field() != null && body != BodyStyle.FORM_JSON_FIELD) {
            throw new DefinitionException("problem.definition.request.notForBody", source, at + ".request.field",
                    "field", bodyName(body), "form-json-field");
        }
        if (!request.form().isEmpty() && !body.isForm()) {
            throw new DefinitionException("problem.definition.request.notForBody", source, at + ".request.form",
                    "form", bodyName(body), "form, form-json-field");
        }
        for (String header : request.headers().keySet()) {
            if (RequestLayout.restrictedHeader(header)) {
                throw new DefinitionException("problem.definition.request.restrictedHeader", source,
                        at + ".request.headers." + header, header);
            }
        }
        for (int j = 0; j < op.params().size(); j++) {
            ParamDefinition param = op.params().get(j);
            String paramAt = at + ".params[" + j + "]";
            if (param.in() == ParamLocation.PATH && !placeholders.contains(param.name())) {
                throw new DefinitionException("problem.definition.request.pathParamUnused", source, paramAt + ".in",
                        param.name(), op.id());
            }
            if (param.location(body) == null) {
                throw new DefinitionException("problem.definition.request.paramWithoutPlace", source,
                        paramAt + ".in", param.name());
            }
            if (param.in() == ParamLocation.BODY && (body == BodyStyle.QUERY || body == BodyStyle.NONE)) {
                throw new DefinitionException("problem.definition.request.paramWithoutPlace", source,
                        paramAt + ".in", param.name());
            }
            if (param.in() == ParamLocation.HEADER && RequestLayout.restrictedHeader(param.name())) {
                throw new DefinitionException("problem.definition.request.restrictedHeader", source,
                        paramAt + ".name", param.name());
            }
        }
    }

    private static String bodyName(BodyStyle body) {
        return BODY_STYLES.get(List.of(BodyStyle.JSON, BodyStyle.FORM, BodyStyle.QUERY, BodyStyle.FORM_JSON_FIELD,
                BodyStyle.NONE).indexOf(body));
    }

    /** The paging's parameters are declared, and it uses only the properties of its type. */
    private static void checkPaging(String source, String at, OperationDefinition op) {
        PagingSpec paging = op.paging();
        String type = PAGING_TYPES.get(paging.type().ordinal());
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("page", paging.page());
        given.put("size", paging.size());
        given.put("offset", paging.offset());
        given.put("limit", paging.limit());
        given.put("param", paging.param());
        given.put("next", paging.next());
        given.put("hasMore", paging.hasMore());
        given.put("stop", paging.stop() == StopRule.SHORT_PAGE ? null : paging.stop());
        given.put("total", paging.total());
        given.put("from", paging.type() == PagingType.NEXT_URL ? null : paging.from());
        List<String> applies = switch (paging.type()) {
            case PAGE_NUMBER -> List.of("page", "size", "stop", "total");
            case OFFSET_LIMIT -> List.of("offset", "limit", "stop", "total");
            case CURSOR -> List.of("param", "next", "hasMore", "size");
            case NEXT_URL -> paging.from() == NextUrlSource.LINK_HEADER ? List.of("size") : List.of("next", "size");
            case NONE -> List.of();
        };
        for (Map.Entry<String, Object> property : given.entrySet()) {
            if (property.getValue() != null && !applies.contains(property.getKey())) {
                throw new DefinitionException("problem.definition.paging.notForType", source,
                        at + ".paging." + property.getKey(), property.getKey(), type);
            }
        }
        for (String role : List.of("page", "size", "offset", "limit", "param")) {
            Object name = given.get(role);
            if (name != null && op.param((String) name).isEmpty()) {
                throw new DefinitionException("problem.definition.paging.paramUndeclared", source,
                        at + ".paging." + role, name, op.id());
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

    /**
     * The identity is one value of the request body: a declared field, neither an object nor an array nor inside an
     * array (so a dedupe key can name it). The update names another EXECUTE operation of the same connector, which
     * carries the identity field too (it must find the record to change).
     */
    private static void checkIdentity(String source, String at, OperationDefinition op,
            ConnectorDefinition definition) {
        String identity = op.identity();
        FieldDefinition field = op.field(identity).orElseThrow(() -> new DefinitionException(
                CODE + "identityNotField", source, at + ".identity", identity, op.id(), fieldNames(op)));
        if (field.type().equals("array") || field.type().equals("object") || insideArray(op, field)) {
            throw new DefinitionException(CODE + "identityNotValue", source, at + ".identity", identity, op.id(),
                    field.type());
        }
        String update = op.update();
        if (update == null) {
            return;
        }
        List<String> writes = definition.operations().stream()
                .filter(o -> o.role() == OperationRole.EXECUTE && !o.id().equals(op.id()))
                .map(OperationDefinition::id).toList();
        String offered = writes.isEmpty() ? "-" : String.join(", ", writes);
        if (update.equals(op.id())) {
            throw new DefinitionException(CODE + "updateSelf", source, at + ".update", update, offered);
        }
        OperationDefinition target = definition.operation(update).orElseThrow(() -> new DefinitionException(
                CODE + "updateUnknown", source, at + ".update", update, offered));
        if (target.role() != OperationRole.EXECUTE) {
            throw new DefinitionException(CODE + "updateNotExecute", source, at + ".update", update,
                    target.role().name(), offered);
        }
        if (target.field(identity).isEmpty()) {
            throw new DefinitionException(CODE + "updateWithoutIdentity", source, at + ".update", update,
                    identity);
        }
    }

    private static boolean insideArray(OperationDefinition op, FieldDefinition field) {
        FieldDefinition at = field;
        while (at.parent() != null) {
            FieldDefinition enclosing = op.field(at.parent()).orElse(null);
            if (enclosing == null) {
                return false; // an undeclared parent is refused on its own, with its name
            }
            if (enclosing.type().equals("array")) {
                return true;
            }
            at = enclosing;
        }
        return false;
    }

    private static String fieldNames(OperationDefinition op) {
        String names = op.fields().stream().filter(f -> !f.type().equals("array") && !f.type().equals("object"))
                .map(FieldDefinition::name).limit(20).collect(Collectors.joining(", "));
        return names.isEmpty() ? "-" : names;
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
