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
import java.util.List;
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
            if (op.paging() != null) {
                mustBeParam(at, "paging.page", op.paging().page(), op);
                mustBeParam(at, "paging.size", op.paging().size(), op);
                if (op.paging().defaultSize() > op.paging().maxSize()) {
                    throw new DefinitionException(at + ": paging.defaultSize exceeds paging.maxSize");
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
                    throw new DefinitionException(at + ": field '" + field.name() + "' is nested under '" + parent
                            + "', which is not declared; declare '" + parent + "' (type array or object) first");
                }
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
