package io.yunqiao.connector;

import java.util.List;

/**
 * The entry point of a connector plugin, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.yunqiao.connector.ConnectorProvider}). A provider only says where its definition
 * files are; everything else about the connector is declared in them.
 */
public interface ConnectorProvider {

    /**
     * Class-path resources (YAML or JSON) holding the connector definitions of this plugin, relative to the root of
     * the provider's class loader, e.g. {@code META-INF/yunqiao/connectors/acme-erp.yaml}.
     */
    List<String> definitions();

    /**
     * Class-path resources (JSON) of the solution templates (方案模板) this plugin ships: a template is a solution
     * spec without connections, plus an id, a title, a description and optionally the value-map tables its mapping
     * reads ({@code valueMaps}), created by the copy where missing. See docs/solutions.md.
     */
    default List<String> templates() {
        return List.of();
    }
}
