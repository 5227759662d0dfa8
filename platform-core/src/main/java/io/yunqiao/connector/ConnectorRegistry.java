package io.yunqiao.connector;

import io.yunqiao.connector.auth.DeclarativeAuth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connectors and auth schemes available to the platform: discovered from plugin jars with
 * {@link ServiceLoader}, validated once at start.
 */
public final class ConnectorRegistry {

    private final Map<String, ConnectorDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, AuthScheme> authSchemes = new LinkedHashMap<>();
    private final Map<String, Built> declarativeSchemes = new ConcurrentHashMap<>();

    private ConnectorRegistry(Collection<ConnectorDefinition> definitions, Collection<AuthScheme> schemes) {
        for (AuthScheme scheme : schemes) {
            AuthScheme clash = authSchemes.putIfAbsent(scheme.id(), scheme);
            if (clash != null) {
                throw new DefinitionException("auth scheme id '" + scheme.id() + "' is provided twice: by "
                        + clash.getClass().getName() + " and " + scheme.getClass().getName());
            }
        }
        for (ConnectorDefinition definition : definitions) {
            if (!definition.auth().declarative() && !authSchemes.containsKey(definition.auth().schemeId())) {
                throw new DefinitionException("problem.definition.auth.notInstalled", definition.source(),
                        definition.auth().schemeId(), authSchemes.keySet());
            }
            ConnectorDefinition clash = this.definitions.putIfAbsent(definition.id(), definition);
            if (clash != null) {
                throw new DefinitionException("connector id '" + definition.id() + "' is defined twice: in '"
                        + clash.source() + "' and '" + definition.source() + "'");
            }
        }
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
        return new ConnectorRegistry(definitions, schemes);
    }

    /** A registry of exactly these parts, for tests and embedding. */
    public static ConnectorRegistry of(Collection<ConnectorDefinition> definitions, Collection<AuthScheme> schemes) {
        return new ConnectorRegistry(definitions, schemes);
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

    public List<ConnectorDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<ConnectorDefinition> find(String connectorId) {
        return Optional.ofNullable(definitions.get(connectorId));
    }

    /** The definition of a connector that must exist. */
    public ConnectorDefinition definition(String connectorId) {
        ConnectorDefinition definition = definitions.get(connectorId);
        if (definition == null) {
            throw new IllegalArgumentException("unknown connector '" + connectorId + "'; installed: "
                    + definitions.keySet());
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

    /** The installed auth schemes, for adding plugins on top of the built-ins. */
    List<AuthScheme> schemes() {
        return List.copyOf(authSchemes.values());
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
        AuthScheme scheme = authSchemes.get(id);
        if (scheme == null) {
            throw new IllegalArgumentException("unknown auth scheme '" + id + "'; installed: " + authSchemes.keySet());
        }
        return scheme;
    }
}
