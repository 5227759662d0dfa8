package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The declarative description of one system (平台/适配器定义): identity, connection fields, auth scheme and
 * operations. Read from a YAML or JSON file validated against {@code connector-definition.schema.json}.
 *
 * @param id          stable identifier, e.g. {@code acme-erp}
 * @param name        what users see
 * @param vendor      who makes the system
 * @param version     the definition's own version
 * @param description what the system is
 * @param auth        how every call is authenticated: an {@link AuthScheme} id or declarative schemes
 * @param connection  the fields of a connection form; {@code baseUrl} is always one of them
 * @param success     default success conditions of every operation
 * @param errors      default error classification of every operation
 * @param operations  the APIs
 * @param check       the id of the QUERY operation the connection test calls, or {@code null} for the first QUERY
 *                    operation that needs no parameter without a default
 * @param source      where the definition was read from, for error messages
 * @param extendsId   stored definitions only ({@code extends}): the installed connector whose operations this
 *                    definition adds to; it then has no connection, auth, success or error rules of its own
 */
public record ConnectorDefinition(
        String id,
        LocalizedText name,
        String vendor,
        String version,
        LocalizedText description,
        AuthSpec auth,
        List<ConnectionField> connection,
        List<SuccessCondition> success,
        ErrorRules errors,
        List<OperationDefinition> operations,
        String check,
        String source,
        @JsonProperty("extends") String extendsId) {

    /** The connection field every definition has: where the vendor's API lives. */
    public static final String BASE_URL = "baseUrl";

    public ConnectorDefinition {
        connection = connection == null ? List.of() : List.copyOf(connection);
        success = success == null ? List.of() : List.copyOf(success);
        errors = errors == null ? ErrorRules.none() : errors;
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    public Optional<OperationDefinition> operation(String operationId) {
        return operations.stream().filter(o -> o.id().equals(operationId)).findFirst();
    }

    /**
     * The operation the connection test calls: the declared {@link #check()}, else the first QUERY operation whose
     * parameters all have a value without a caller (neither required nor in the path, or with a default).
     */
    public Optional<OperationDefinition> checkOperation() {
        if (check != null) {
            return operation(check);
        }
        return operations.stream()
                .filter(op -> op.role() == OperationRole.QUERY)
                .filter(op -> op.params().stream().noneMatch(p -> (p.required() || p.in() == ParamLocation.PATH)
                        && p.defaultValue() == null))
                .findFirst();
    }

    public Optional<ConnectionField> connectionField(String name) {
        return connection.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The success conditions that apply to an operation: its own, or the connector's. */
    public List<SuccessCondition> successOf(OperationDefinition operation) {
        return operation.success().isEmpty() ? success : operation.success();
    }

    /** The error rules that apply to an operation: the connector's refined by the operation's. */
    public ErrorRules errorsOf(OperationDefinition operation) {
        return errors.refinedBy(operation.errors());
    }

    ConnectorDefinition withSource(String newSource) {
        return new ConnectorDefinition(id, name, vendor, version, description, auth, connection, success, errors,
                operations, check, newSource, extendsId);
    }

    /** Whether this definition adds operations to an installed connector instead of standing alone. */
    public boolean isExtension() {
        return extendsId != null;
    }

    /** This connector with {@code more} operations after its own: a base with the operations of its extensions. */
    ConnectorDefinition withOperationsAdded(List<OperationDefinition> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<OperationDefinition> all = new ArrayList<>(operations);
        all.addAll(more);
        return new ConnectorDefinition(id, name, vendor, version, description, auth, connection, success, errors,
                all, check, source, extendsId);
    }
}
