package io.yunqiao.connector;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.yunqiao.connector.auth.DeclarativeAuth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a connector definition file (YAML or JSON), validates it against {@value #SCHEMA} and checks what a schema
 * cannot: that names refer to declared things. Every refusal names the file, the place in it and the rule.
 */
public final class DefinitionReader {

    /** The class-path resource of the JSON Schema every definition must satisfy; published as docs/ too. */
    public static final String SCHEMA = "io/yunqiao/connector/connector-definition.schema.json";

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonSchema SCHEMA_VALIDATOR = loadSchema();

    private DefinitionReader() {
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = DefinitionReader.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from platform-core: " + SCHEMA);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        } catch (IOException e) {
            throw new DefinitionException("connector definition '" + source + "' is not valid YAML/JSON: "
                    + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new DefinitionException("connector definition '" + source + "' is empty");
        }
        checkTypes(source, tree);
        validateSchema(source, tree);
        ConnectorDefinition definition;
        try {
            definition = MAPPER.treeToValue(tree, ConnectorDefinition.class).withSource(source);
        } catch (IOException e) {
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
        Set<ValidationMessage> problems = SCHEMA_VALIDATOR.validate(tree);
        if (problems.isEmpty()) {
            return;
        }
        String details = problems.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getType))
                .map(m -> "  at " + m.getInstanceLocation() + ": " + m.getError() + " (rule: " + m.getType() + ")")
                .collect(Collectors.joining("\n"));
        throw new DefinitionException("connector definition '" + source + "' breaks " + SCHEMA + ":\n" + details);
    }

    private static void checkReferences(ConnectorDefinition definition) {
        String where = "connector definition '" + definition.source() + "'";
        unique(where, "connection field", definition.connection().stream().map(ConnectionField::name).toList());
        unique(where, "operation id", definition.operations().stream().map(OperationDefinition::id).toList());
        checkCheck(definition);
        for (int i = 0; i < definition.operations().size(); i++) {
            OperationDefinition op = definition.operations().get(i);
            String at = where + " at $.operations[" + i + "] (" + op.id() + ")";
            unique(at, "param", op.params().stream().map(ParamDefinition::name).toList());
            unique(at, "field", op.fields().stream().map(FieldDefinition::name).toList());
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
                    throw new DefinitionException(at + ": paging.defaultSize exceeds paging.maxSize");
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
            for (FieldDefinition field : op.fields()) {
                String parent = field.parent();
                if (parent != null && op.field(parent).isEmpty()) {
                    throw new DefinitionException(at + ": field '" + field.name() + "' is nested under '" + parent
                            + "', which is not declared; declare '" + parent + "' (type array or object) first");
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
    private static void checkLookUp(String at, OperationDefinition op, ConnectorDefinition definition) {
        LookUpSpec lookUp = op.lookUp();
        OperationDefinition query = definition.operation(lookUp.operation()).orElseThrow(() ->
                new DefinitionException(at + ": lookUp.operation '" + lookUp.operation() + "' is not an operation"
                        + " of this connector; name one of its QUERY operations"));
        if (query.role() != OperationRole.QUERY) {
            throw new DefinitionException(at + ": lookUp.operation '" + lookUp.operation() + "' is an "
                    + query.role() + " operation; a look-up must name a QUERY operation");
        }
        mustBeField(at, "lookUp.key", lookUp.key(), op);
        String queryAt = at + " lookUp.operation '" + query.id() + "'";
        mustBeParam(queryAt, "lookUp.param", lookUp.param(), query);
        mustBeField(queryAt, "lookUp.match", lookUp.match(), query);
    }

    private static void unique(String where, String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new DefinitionException(where + ": " + what + " '" + name + "' is declared twice");
            }
        }
    }

    private static void mustBeField(String at, String role, String name, OperationDefinition op) {
        if (op.field(name).isEmpty()) {
            throw new DefinitionException(at + ": " + role + " '" + name
                    + "' is not one of the operation's fields; declare it under fields");
        }
    }

    private static void mustBeParam(String at, String role, String name, OperationDefinition op) {
        if (op.param(name).isEmpty()) {
            throw new DefinitionException(at + ": " + role + " '" + name
                    + "' is not one of the operation's params; declare it under params");
        }
    }
}
