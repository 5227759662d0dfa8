package io.yunqiao.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.Destinations;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.secret.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saved connections (连接器): validated against their connector's definition, secrets sealed at rest and
 * masked on the way out, handed to the runtime decrypted.
 *
 * <p>Secrets are bound to their destination: URL fields must pass the client's {@link Destinations} rules, and a
 * change to any destination field of a saved connection is refused unless every stored secret is typed again in
 * the same save, so that whoever may point a connection elsewhere cannot send someone else's secrets there.
 */
@Service
public class Connections {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final SavedConnectionRepository repository;
    private final ConnectorRegistry registry;
    private final ConnectorClient client;
    private final SecretBox secrets;
    private final Clock clock;
    private final ObjectProvider<ConnectionUse> uses;
    private final InputLimits limits;

    Connections(SavedConnectionRepository repository, ConnectorRegistry registry, ConnectorClient client,
            SecretBox secrets, Clock clock, ObjectProvider<ConnectionUse> uses, InputLimits limits) {
        this.limits = limits;
        this.repository = repository;
        this.registry = registry;
        this.client = client;
        this.secrets = secrets;
        this.clock = clock;
        this.uses = uses;
    }

    @Transactional(readOnly = true)
    public List<ConnectionView> list() {
        return repository.findAll().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ConnectionView get(long id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return repository.existsById(id);
    }

    @Transactional
    public ConnectionView create(ConnectionDraft draft) {
        ConnectorDefinition definition = definitionOf(draft.connectorId());
        String name = checkName(draft.name(), null);
        SavedConnection saved = new SavedConnection(name, definition.id(), clock.instant());
        store(saved, definition, draft.values(), Map.of());
        return view(repository.save(saved));
    }

    @Transactional
    public ConnectionView update(long id, ConnectionDraft draft) {
        SavedConnection saved = find(id);
        if (draft.connectorId() != null && !draft.connectorId().equals(saved.connectorId())) {
            throw Problem.coded(Problem.Kind.INVALID, "connectorId", "problem.connection.connectorChanged",
                    saved.connectorId(), draft.connectorId());
        }
        ConnectorDefinition definition = definitionOf(saved.connectorId());
        String name = checkName(draft.name(), id);
        requireSecretsForNewDestination(saved, definition, draft.values());
        saved.rename(name);
        store(saved, definition, draft.values(), open(saved.secretValues()));
        return view(saved);
    }

    /** The longest name a connection may have ({@code yunqiao.limits.name-length}), for the forms to show. */
    public int nameLength() {
        return limits.nameLength();
    }

    /** Deletes a connection no solution uses; otherwise refuses, naming the solutions. */
    @Transactional
    public void delete(long id) {
        SavedConnection saved = find(id);
        for (ConnectionUse use : uses.orderedStream().toList()) {
            List<String> users = use.usersOf(id);
            if (!users.isEmpty()) {
                throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.connection.inUse", saved.name(),
                        String.join(", ", users));
            }
        }
        repository.delete(saved);
    }

    /** The connection as the runtime needs it: every value, secrets decrypted. */
    @Transactional(readOnly = true)
    public Connection runtime(long id) {
        SavedConnection saved = find(id);
        Map<String, String> values = new TreeMap<>(readMap(saved.plainValues()));
        values.putAll(open(saved.secretValues()));
        return new Connection(String.valueOf(saved.id()), saved.name(), saved.connectorId(), values);
    }

    /**
     * Proves the connection works with a one-record query of the connector's {@linkplain
     * ConnectorDefinition#checkOperation() check operation} (which also makes the auth scheme log in): the one the
     * definition names with {@code check}, else its first QUERY operation that needs no parameter beyond its
     * defaults.
     */
    public ConnectionTest test(long id) {
        Connection connection = runtime(id);
        ConnectorDefinition definition = registry.definition(connection.connectorId());
        OperationDefinition probe = definition.checkOperation().orElse(null);
        if (probe == null) {
            return new ConnectionTest(false, null, StoredMessage.of("connector.test.noQuery", definition.id()).store(),
                    Duration.ZERO);
        }
        long started = System.nanoTime();
        try {
            ConnectorClient.Probe answer = client.probe(connection, probe.id(), Map.of(), PageRequest.first(1));
            // The credentials work either way; a records path that found nothing may be a wrong path, not "no data".
            return new ConnectionTest(true, probe.id(), StoredMessage.of("connector.test.ok").store(),
                    Duration.ofNanos(System.nanoTime() - started),
                    answer.recordsMatched() ? null : probe.records());
        } catch (ConnectorException e) {
            return new ConnectionTest(false, probe.id(), e.stored().store(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private SavedConnection find(long id) {
        return repository.findById(id).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null,
                "problem.connection.notFound", String.valueOf(id)));
    }

    private ConnectorDefinition definitionOf(String connectorId) {
        if (connectorId == null || connectorId.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "connectorId", "problem.connection.connectorMissing",
                    registry.definitions().stream().map(ConnectorDefinition::id).toList().toString());
        }
        return registry.find(connectorId).orElseThrow(() -> Problem.coded(Problem.Kind.INVALID, "connectorId",
                "problem.connection.unknownConnector", connectorId,
                registry.definitions().stream().map(ConnectorDefinition::id).toList().toString()));
    }

    private String checkName(String name, Long self) {
        if (name == null || name.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "name", "problem.connection.nameBlank");
        }
        String trimmed = name.trim();
        limits.checkName("name", trimmed);
        repository.findByName(trimmed).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.connection.nameTaken", trimmed,
                    String.valueOf(other.id()));
        });
        return trimmed;
    }

    private void store(SavedConnection saved, ConnectorDefinition definition, Map<String, String> given,
            Map<String, String> storedSecrets) {
        for (String key : given.keySet()) {
            if (definition.connectionField(key).isEmpty()) {
                throw Problem.coded(Problem.Kind.INVALID, "values." + key, "problem.connection.unknownField",
                        definition.id(), key,
                        definition.connection().stream().map(ConnectionField::name).toList().toString());
            }
        }
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secret = new TreeMap<>();
        for (ConnectionField field : definition.connection()) {
            String value = given.get(field.name());
            boolean keep = value == null || ConnectorClient.MASK.equals(value);
            if (field.secret()) {
                String effective = keep ? storedSecrets.get(field.name()) : value;
                if (effective != null && !effective.isEmpty()) {
                    secret.put(field.name(), effective);
                }
            } else if (value != null && !value.isBlank()) {
                plain.put(field.name(), value.trim());
            }
            if (field.isUrl() && !field.secret()) {
                checkDestination(field, plain.getOrDefault(field.name(), field.defaultValue()));
            }
            Map<String, String> holder = field.secret() ? secret : plain;
            if (field.required() && !holder.containsKey(field.name()) && field.defaultValue() == null) {
                throw Problem.coded(Problem.Kind.INVALID, "values." + field.name(), "problem.connection.requiredField",
                        field.name(), field.label().zh(), field.label().en());
            }
        }
        saved.store(write(plain), secret.isEmpty() ? null : secrets.encrypt(write(secret)), clock.instant());
    }

    /** Refuses a URL the client would not send to, naming the field, what is wrong and how to fix it. */
    private void checkDestination(ConnectionField field, String url) {
        if (url == null) {
            return;
        }
        client.destinations().check(url).ifPresent(refusal -> {
            throw Problem.coded(Problem.Kind.INVALID, "values." + field.name(), refusal.code(),
                    refusal.params().toArray());
        });
    }

    /**
     * Refuses a change of destination that keeps stored secrets: every secret stored must come again in the same
     * save. Refusing (rather than dropping the secrets) loses nothing: the user types them and saves again.
     */
    private void requireSecretsForNewDestination(SavedConnection saved, ConnectorDefinition definition,
            Map<String, String> given) {
        Map<String, String> stored = readMap(saved.plainValues());
        List<String> moved = definition.connection().stream()
                .filter(field -> field.routesRequests() && !field.secret())
                .filter(field -> !Objects.equals(effective(field, stored.get(field.name())),
                        effective(field, given.get(field.name()))))
                .map(ConnectionField::name).toList();
        if (moved.isEmpty()) {
            return;
        }
        Map<String, String> storedSecrets = open(saved.secretValues());
        List<String> missing = definition.connection().stream()
                .filter(field -> field.secret() && storedSecrets.containsKey(field.name()))
                .filter(field -> {
                    String value = given.get(field.name());
                    return value == null || value.isEmpty() || ConnectorClient.MASK.equals(value);
                })
                .map(ConnectionField::name).toList();
        if (!missing.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "values." + missing.get(0), "problem.connection.secretsRequired",
                    String.join(", ", moved), String.join(", ", missing));
        }
    }

    private static String effective(ConnectionField field, String value) {
        return value == null || value.isBlank() ? field.defaultValue() : value.trim();
    }

    private ConnectionView view(SavedConnection saved) {
        Map<String, String> values = new TreeMap<>(readMap(saved.plainValues()));
        if (saved.secretValues() != null) {
            open(saved.secretValues()).keySet().forEach(key -> values.put(key, ConnectorClient.MASK));
        }
        return new ConnectionView(saved.id(), saved.name(), saved.connectorId(), values, saved.createdAt(),
                saved.updatedAt());
    }

    private Map<String, String> open(String sealed) {
        return sealed == null ? Map.of() : readMap(secrets.decrypt(sealed));
    }

    private static Map<String, String> readMap(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored connection values are not a JSON object", e);
        }
    }

    private static String write(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
