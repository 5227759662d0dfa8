package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One registry of three sources: installed connectors, plugins and stored definitions, changed as a whole or not at all. */
class ConnectorRegistryTest {

    private static final String EXTENSION = """
            id: shop-extra
            name: { zh: 商城扩展 }
            version: "1.0"
            extends: test-shop
            operations:
              - id: orders.all
                role: QUERY
                title: { zh: 全部订单 }
                request: { method: GET, path: /orders }
                records: data
                key: id
                fields:
                  - { name: id, label: { zh: 编号 }, type: string }
            """;

    private static final String STANDALONE = """
            id: acme
            name: { zh: 某系统 }
            vendor: Acme
            version: "1.0"
            auth: test-token
            connection:
              - { name: baseUrl, label: { zh: 地址 }, type: url, required: true }
            operations:
              - id: items
                role: QUERY
                title: { zh: 商品 }
                request: { method: GET, path: /items }
                records: data
                key: id
                fields:
                  - { name: id, label: { zh: 编号 }, type: string }
            """;

    private static ConnectorRegistry installed() throws IOException {
        try (InputStream in = ConnectorRegistryTest.class.getClassLoader().getResourceAsStream("definitions/shop.yaml")) {
            return ConnectorRegistry.of(List.of(DefinitionReader.read("definitions/shop.yaml", in)),
                    List.of(new ShopTokenAuth()));
        }
    }

    private static ConnectorDefinition stored(String yaml) {
        ConnectorDefinition definition = DefinitionReader.read("stored:x", yaml);
        return DefinitionReader.read("stored:" + definition.id(), yaml);
    }

    @Test
    void anExtensionAddsItsOperationsToTheInstalledConnectorUnderItsId() throws IOException {
        ConnectorRegistry registry = installed();

        registry.replaceStored(List.of(stored(EXTENSION)));

        ConnectorDefinition shop = registry.definition("test-shop");
        assertThat(shop.operations()).extracting(OperationDefinition::id).contains("orders.list", "orders.all");
        assertThat(shop.auth().schemeId()).isEqualTo("test-token");
        assertThat(registry.operation("test-shop", "orders.all").key()).isEqualTo("id");
        assertThat(registry.find("shop-extra")).isEmpty();
        CatalogEntry extension = registry.entry("shop-extra").orElseThrow();
        assertThat(extension.origin()).isEqualTo(DefinitionOrigin.STORED);
        assertThat(extension.base()).isEqualTo("test-shop");
        assertThat(registry.entry("test-shop").orElseThrow().extensions()).containsExactly("shop-extra");
        assertThat(registry.entry("test-shop").orElseThrow().origin()).isEqualTo(DefinitionOrigin.BUILT_IN);
    }

    @Test
    void aStandaloneStoredDefinitionIsAConnectorOfItsOwn() throws IOException {
        ConnectorRegistry registry = installed();

        registry.replaceStored(List.of(stored(STANDALONE)));

        assertThat(registry.definitions()).extracting(ConnectorDefinition::id).containsExactly("test-shop", "acme");
        assertThat(registry.entry("acme").orElseThrow().origin()).isEqualTo(DefinitionOrigin.STORED);
    }

    @Test
    void aStoredDefinitionWithAnInstalledIdIsRefusedNamingBothAndNothingChanges() throws IOException {
        ConnectorRegistry registry = installed();
        registry.replaceStored(List.of(stored(EXTENSION)));

        assertThatThrownBy(() -> registry.replaceStored(List.of(stored(EXTENSION),
                stored(STANDALONE.replace("id: acme", "id: test-shop")))))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.connectors.duplicateId");
                    assertThat(e.getMessage()).contains("stored:test-shop", "definitions/shop.yaml");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("被定义了两次");
                });

        assertThat(registry.stored()).extracting(ConnectorDefinition::id).containsExactly("shop-extra");
        assertThat(registry.definition("test-shop").operation("orders.all")).isPresent();
    }

    @Test
    void anExtensionMayNotTakeAnOperationIdOfItsBaseOrOfAnotherExtension() throws IOException {
        ConnectorRegistry registry = installed();

        assertThatThrownBy(() -> registry.withStored(List.of(stored(EXTENSION.replace("orders.all", "orders.list")))))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.connectors.operationTaken");
                    assertThat(DefinitionReader.pathOf(e)).isEqualTo("$.operations[0].id");
                });
        assertThatThrownBy(() -> registry.withStored(List.of(stored(EXTENSION),
                stored(EXTENSION.replace("id: shop-extra", "id: shop-more")))))
                .hasMessageContaining("already has an operation 'orders.all' (from 'stored:shop-extra')");
    }

    @Test
    void anExtensionMustNameAnInstalledConnector() throws IOException {
        ConnectorRegistry registry = installed();

        assertThatThrownBy(() -> registry.withStored(List.of(stored(STANDALONE),
                stored(EXTENSION.replace("extends: test-shop", "extends: acme")))))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.connectors.unknownBase");
                    assertThat(DefinitionReader.pathOf(e)).isEqualTo("$.extends");
                });
    }

    @Test
    void aCandidateIsDetachedFromTheRegistryInEffect() throws IOException {
        ConnectorRegistry registry = installed();

        ConnectorRegistry candidate = registry.withStored(List.of(stored(STANDALONE)));

        assertThat(candidate.find("acme")).isPresent();
        assertThat(registry.find("acme")).isEmpty();
    }

    @Test
    void pluginsAreInstalledNextToTheBuiltInsAndStoredDefinitionsStay() throws IOException {
        ConnectorRegistry registry = installed();
        registry.replaceStored(List.of(stored(EXTENSION)));

        registry.install(List.of(DefinitionReader.read("plugin.yaml", STANDALONE.replace("id: acme", "id: plugged"))),
                List.of(), DefinitionOrigin.PLUGIN);

        assertThat(registry.entry("plugged").orElseThrow().origin()).isEqualTo(DefinitionOrigin.PLUGIN);
        assertThat(registry.definition("test-shop").operation("orders.all")).isPresent();
        assertThatThrownBy(() -> registry.install(List.of(DefinitionReader.read("again.yaml",
                STANDALONE.replace("id: acme", "id: plugged"))), List.of(), DefinitionOrigin.PLUGIN))
                .hasMessageContaining("'plugin.yaml'");
    }

    @Test
    void onlyStoredDefinitionsMayExtend() {
        assertThatThrownBy(() -> ConnectorRegistry.of(List.of(DefinitionReader.read("jar.yaml", EXTENSION)),
                List.of(new ShopTokenAuth())))
                .isInstanceOfSatisfying(DefinitionException.class,
                        e -> assertThat(e.code()).isEqualTo("problem.connectors.extendsNotStored"));
    }

    @Test
    void anExtensionCannotRedefineTheConnectionOrAuth() {
        assertThatThrownBy(() -> DefinitionReader.read("stored:shop-extra",
                EXTENSION.replace("extends: test-shop", "extends: test-shop\nauth: test-token")))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.connectors.definition.schema");
                    assertThat(e.getMessage()).contains("auth");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("不符合定义格式", "位置");
                });
    }
}
