package io.yunqiao.connector;

import java.util.List;

/**
 * One definition as the catalog lists it: a connector (with the operations its extensions add) or a stored
 * extension (with only its own operations).
 *
 * @param definition what is in effect: for a connector, its definition with every extension's operations; for an
 *                   extension, the extension as stored
 * @param origin     where the definition comes from
 * @param base       for an extension, the connector it extends; otherwise {@code null}
 * @param extensions for a connector, the ids of the stored definitions that add operations to it
 */
public record CatalogEntry(ConnectorDefinition definition, DefinitionOrigin origin, String base,
        List<String> extensions) {

    public CatalogEntry {
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    public String id() {
        return definition.id();
    }
}
