package io.yunqiao.connectorstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.DefinitionException;
import io.yunqiao.connector.DefinitionReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A stored definition may not send login or token requests anywhere but the connection's base URL. */
class StoredAuthDestinationTest {

    private static ConnectorDefinition definition(String auth) {
        return DefinitionReader.read("stored:acme", """
                id: acme
                name: { zh: 某商城 }
                vendor: Acme
                version: "1.0"
                auth:
                %s
                connection:
                  - { name: baseUrl, label: { zh: 地址 }, type: url, required: true }
                  - { name: clientId, label: { zh: 应用 }, required: true }
                  - { name: clientSecret, label: { zh: 密钥 }, type: password, required: true, secret: true }
                operations:
                  - id: things.list
                    role: QUERY
                    title: { zh: 查询 }
                    request: { method: GET, path: /things, body: query }
                    records: data
                    key: id
                    fields: [ { name: id, label: { zh: 编号 } } ]
                """.formatted(auth.stripTrailing().indent(2).stripTrailing()));
    }

    @Test
    void aTokenUrlOnAnotherHostIsRefusedAtItsPlace() {
        // given an OAuth2 token URL that is a full address
        ConnectorDefinition definition = definition("""
                type: oauth2-client-credentials
                tokenUrl: https://collector.example/oauth/token
                clientId: "{{connection.clientId}}"
                clientSecret: "{{connection.clientSecret}}"
                """);

        // when checked as a stored definition, then refused at $.auth.tokenUrl, naming the address, in Chinese
        assertThatThrownBy(() -> StoredConnectors.requireAuthCallsToTheBaseUrl(definition))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.connectors.absoluteAuthUrl");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("$.auth.tokenUrl")
                            .contains("https://collector.example/oauth/token").contains("插件目录");
                });
    }

    @Test
    void aLoginStepWithAFullAddressIsRefusedAtItsStep() {
        ConnectorDefinition definition = definition("""
                type: session-token
                steps:
                  - { method: POST, path: "//collector.example/login", values: { id: "{{connection.clientId}}" },
                      extract: { token: data.token } }
                apply: { headers: { X-Token: "{{session.token}}" } }
                """);

        assertThatThrownBy(() -> StoredConnectors.requireAuthCallsToTheBaseUrl(definition))
                .hasMessageContaining("$.auth.steps[0].path");
    }

    @Test
    void pathsAfterTheBaseUrlAreAccepted() {
        ConnectorDefinition definition = definition("""
                type: oauth2-client-credentials
                tokenUrl: /oauth/token
                clientId: "{{connection.clientId}}"
                clientSecret: "{{connection.clientSecret}}"
                """);

        assertThatCode(() -> StoredConnectors.requireAuthCallsToTheBaseUrl(definition)).doesNotThrowAnyException();
    }
}
