package io.yunqiao.connector;

import io.yunqiao.connector.auth.DeclarativeAuth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connectors and auth schemes available to the platform, from three sources: built-ins discovered on the class
 * path with {@link ServiceLoader}, plugins {@linkplain #install installed} from other class loaders, and definitions
 * stored in the database ({@linkplain #replaceStored replaced} at run time, without a restart).
 *
 * <p>What callers read ({@link #definitions()}, {@link #find}, {@link #operation}, ...) comes from one immutable
 * snapshot that a change swaps atomically: a change is validated as a whole first, and a refused change leaves the
 * registry as it was. A stored definition with {@code extends} adds its operations to an installed connector, which
 * keeps its id, connection fields, auth, success and error rules.
 */
public final class ConnectorRegistry {

    private volatile State state;
    private final Map<String, Built> declarativeSchemes = new ConcurrentHashMap<>();

    private ConnectorRegistry(State state) {
        this.state = state;
    }

    /** Every connector and auth scheme on the class path of {@code loader}. */
    public static ConnectorRegistry discover(ClassLoader loader) {
        List<ConnectorDefinition> definitions = new ArrayList<>();
        for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class, loader)) {
            ClassLoader own = provider.getClass().getClassLoader();
            for (String resource : provider.definitions()) {
                definitions.add(readResource(own, resource));
            }
        }
        List<AuthScheme> schemes = new ArrayList<>();
        ServiceLoader.load(AuthScheme.class, loader).forEach(schemes::add);
        return new ConnectorRegistry(State.build(installed(definitions, DefinitionOrigin.BUILT_IN), schemes,
                List.of()));
    }

    /** A registry of exactly these parts, for tests and embedding. */
    public static ConnectorRegistry of(Collection<ConnectorDefinition> definitions, Collection<AuthScheme> schemes) {
        return new ConnectorRegistry(State.build(installed(definitions, DefinitionOrigin.BUILT_IN), schemes,
                List.of()));
    }

    /**
     * Adds connectors and auth schemes from another source, e.g. the plugins folder: all of them or, when one clashes
     * with what is installed or breaks a rule, none (the {@link DefinitionException} says which and why).
     */
    public synchronized void install(Collection<ConnectorDefinition> definitions, Collection<AuthScheme> schemes,
            DefinitionOrigin origin) {
        if (origin == DefinitionOrigin.STORED) {
            throw new IllegalArgumentException("stored definitions are replaced with replaceStored, not installed");
        }
        State now = state;
        List<Installed> more = new ArrayList<>(now.installed());
        more.addAll(installed(definitions, origin));
        List<AuthScheme> allSchemes = new ArrayList<>(now.schemes().values());
        allSchemes.addAll(schemes);
        state = State.build(more, allSchemes, now.stored());
    }

    /**
     * What this registry would be with {@code stored} as its stored definitions: a detached copy to validate a change
     * against (e.g. which solutions it breaks) before making it. This registry is unchanged.
     *
     * @throws DefinitionException when the stored definitions clash with each other or with what is installed
     */
    public ConnectorRegistry withStored(Collection<ConnectorDefinition> stored) {
        State now = state;
        return new ConnectorRegistry(State.build(now.installed(), now.schemes().values(), List.copyOf(stored)));
    }

    /**
     * Makes {@code stored} the stored definitions, at once for every caller; when they are refused, nothing changes.
     *
     * @throws DefinitionException when the stored definitions clash with each other or with what is installed
     */
    public synchronized void replaceStored(Collection<ConnectorDefinition> stored) {
        State now = state;
        state = State.build(now.installed(), now.schemes().values(), List.copyOf(stored));
    }

    /** The stored definitions in effect, as stored (extensions with only their own operations). */
    public List<ConnectorDefinition> stored() {
        return state.stored();
    }

    /** Every connector, then every stored extension, with where it comes from. */
    public List<CatalogEntry> catalog() {
        return List.copyOf(state.catalog().values());
    }

    /** The catalog entry of a connector or of a stored extension. */
    public Optional<CatalogEntry> entry(String id) {
        return Optional.ofNullable(state.catalog().get(id));
    }

    /** The installed auth schemes, for adding plugins on top of the built-ins. */
    List<AuthScheme> schemes() {
        return List.copyOf(state.schemes().values());
    }

    private static ConnectorDefinition readResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DefinitionException("connector definition '" + resource + "' is named by a "
                        + "ConnectorProvider but missing from its jar");
            }
            return DefinitionReader.read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every connector, each with the operations its extensions add. */
    public List<ConnectorDefinition> definitions() {
        return List.copyOf(state.effective().values());
    }

    public Optional<ConnectorDefinition> find(String connectorId) {
        return Optional.ofNullable(state.effective().get(connectorId));
    }

    /** The definition of a connector that must exist. */
    public ConnectorDefinition definition(String connectorId) {
        Map<String, ConnectorDefinition> effective = state.effective();
        ConnectorDefinition definition = effective.get(connectorId);
        if (definition == null) {
            throw new IllegalArgumentException("unknown connector '" + connectorId + "'; installed: "
                    + effective.keySet());
        }
        return definition;
    }

    /** The operation of a connector that must exist. */
    public OperationDefinition operation(String connectorId, String operationId) {
        ConnectorDefinition definition = definition(connectorId);
        return definition.operation(operationId).orElseThrow(() -> new IllegalArgumentException(
                "connector '" + connectorId + "' has no operation '" + operationId + "'; it has: "
                        + definition.operations().stream().map(OperationDefinition::id).toList()));
    }

    /**
     * The scheme that authenticates the definition's calls: the installed {@link AuthScheme} its {@code auth}
     * names, or the one built from its declarative schemes, kept per definition id and version (the tokens it
     * caches live as long as the definition does; a changed auth block gets a new one).
     */
    public AuthScheme authSchemeOf(ConnectorDefinition definition) {
        if (!definition.auth().declarative()) {
            return authScheme(definition.auth().schemeId());
        }
        AuthSpec spec = definition.auth();
        String key = definition.id() + "@" + definition.version();
        Built built = declarativeSchemes.get(key);
        if (built != null && (built.spec() == spec || built.spec().equals(spec))) {
            return built.scheme();
        }
        // a definition changed under the same version gets a new scheme (and so logs in afresh)
        return declarativeSchemes.compute(key, (k, old) -> old != null && old.spec().equals(spec) ? old
                : new Built(spec, DeclarativeAuth.scheme(definition))).scheme();
    }

    private record Built(AuthSpec spec, AuthScheme scheme) {
    }

    public AuthScheme authScheme(String id) {
        Map<String, AuthScheme> schemes = state.schemes();
        AuthScheme scheme = schemes.get(id);
        if (scheme == null) {
            throw new IllegalArgumentException("unknown auth scheme '" + id + "'; installed: " + schemes.keySet());
        }
        return scheme;
    }

    private static List<Installed> installed(Collection<ConnectorDefinition> definitions, DefinitionOrigin origin) {
        return definitions.stream().map(d -> new Installed(d, origin)).toList();
    }

    /** A definition installed with the platform or from a plugin. */
    private record Installed(ConnectorDefinition definition, DefinitionOrigin origin) {
    }

    /**
     * One immutable snapshot of the registry.
     *
     * @param installed built-in and plugin definitions, in the order they came
     * @param schemes   auth schemes by id
     * @param stored    stored definitions, standalone and extensions
     * @param effective connectors by id, each with its extensions' operations
     * @param catalog   connectors, then extensions, by id
     */
    private record State(List<Installed> installed, Map<String, AuthScheme> schemes, List<ConnectorDefinition> stored,
            Map<String, ConnectorDefinition> effective, Map<String, CatalogEntry> catalog) {

        static State build(List<Installed> installed, Collection<AuthScheme> schemeList,
                List<ConnectorDefinition> stored) {
            Map<String, AuthScheme> schemes = new LinkedHashMap<>();
            for (AuthScheme scheme : schemeList) {
                AuthScheme clash = schemes.putIfAbsent(scheme.id(), scheme);
                if (clash != null) {
                    throw new DefinitionException("auth scheme id '" + scheme.id() + "' is provided twice: by "
                            + clash.getClass().getName() + " and " + scheme.getClass().getName());
                }
            }
            Map<String, ConnectorDefinition> own = new LinkedHashMap<>();
            Map<String, DefinitionOrigin> origins = new LinkedHashMap<>();
            for (Installed each : installed) {
                ConnectorDefinition definition = each.definition();
                if (definition.isExtension()) {
                    throw new DefinitionException("problem.connectors.extendsNotStored", definition.source(),
                            "$.extends");
                }
                checkAuth(definition, schemes);
                claim(own, definition);
                origins.put(definition.id(), each.origin());
            }
            Map<String, ConnectorDefinition> extensions = new LinkedHashMap<>();
            for (ConnectorDefinition definition : stored) {
                ConnectorDefinition clash = extensions.get(definition.id());
                if (clash != null) {
                    throw duplicate(definition, clash);
                }
                if (definition.isExtension()) {
                    ConnectorDefinition connector = own.get(definition.id());
                    if (connector != null) {
                        throw duplicate(definition, connector);
                    }
                    extensions.put(definition.id(), definition);
                } else {
                    checkAuth(definition, schemes);
                    claim(own, definition);
                    origins.put(definition.id(), DefinitionOrigin.STORED);
                }
            }
            Map<String, List<OperationDefinition>> added = new LinkedHashMap<>();
            Map<String, List<String>> extensionIds = new LinkedHashMap<>();
            Map<String, Map<String, String>> operationOwners = new LinkedHashMap<>();
            for (ConnectorDefinition extension : extensions.values()) {
                String baseId = extension.extendsId();
                ConnectorDefinition base = own.get(baseId);
                if (base == null || origins.get(baseId) == DefinitionOrigin.STORED) {
                    throw new DefinitionException("problem.connectors.unknownBase", extension.source(), "$.extends",
                            baseId, installed.stream().map(i -> i.definition().id()).toList().toString());
                }
                Map<String, String> owners = operationOwners.computeIfAbsent(baseId, id -> {
                    Map<String, String> byOperation = new LinkedHashMap<>();
                    base.operations().forEach(op -> byOperation.put(op.id(), base.source()));
                    return byOperation;
                });
                for (int i = 0; i < extension.operations().size(); i++) {
                    OperationDefinition operation = extension.operations().get(i);
                    String owner = owners.putIfAbsent(operation.id(), extension.source());
                    if (owner != null) {
                        throw new DefinitionException("problem.connectors.operationTaken", extension.source(),
                                "$.operations[" + i + "].id", baseId, operation.id(), owner);
                    }
                }
                added.computeIfAbsent(baseId, id -> new ArrayList<>()).addAll(extension.operations());
                extensionIds.computeIfAbsent(baseId, id -> new ArrayList<>()).add(extension.id());
            }
            Map<String, ConnectorDefinition> effective = new LinkedHashMap<>();
            Map<String, CatalogEntry> catalog = new LinkedHashMap<>();
            own.forEach((id, definition) -> {
                ConnectorDefinition merged = definition.withOperationsAdded(added.getOrDefault(id, List.of()));
                effective.put(id, merged);
                catalog.put(id, new CatalogEntry(merged, origins.get(id), null, extensionIds.get(id)));
            });
            extensions.forEach((id, extension) -> catalog.put(id, new CatalogEntry(extension,
                    DefinitionOrigin.STORED, extension.extendsId(), List.of())));
            return new State(List.copyOf(installed), Collections.unmodifiableMap(schemes),
                    List.copyOf(stored), Collections.unmodifiableMap(effective),
                    Collections.unmodifiableMap(catalog));
        }

        private static void checkAuth(ConnectorDefinition definition, Map<String, AuthScheme> schemes) {
            // an extension has no auth of its own: it uses its base's
            if (definition.auth() != null && !definition.auth().declarative()
                    && !schemes.containsKey(definition.auth().schemeId())) {
                throw new DefinitionException("problem.definition.auth.notInstalled", definition.source(),
                        definition.auth().schemeId(), schemes.keySet());
            }
        }

        private static void claim(Map<String, ConnectorDefinition> own, ConnectorDefinition definition) {
            ConnectorDefinition clash = own.putIfAbsent(definition.id(), definition);
            if (clash != null) {
                throw duplicate(definition, clash);
            }
        }

        private static DefinitionException duplicate(ConnectorDefinition definition, ConnectorDefinition clash) {
            return new DefinitionException("problem.connectors.duplicateId", definition.source(), "$.id",
                    definition.id(), clash.source());
        }
    }
}
