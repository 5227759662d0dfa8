package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.definition;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.DefinitionException;
import io.yunqiao.connector.OutgoingRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates, chains, and the refusals of a definition's auth when it is read. */
class DeclarativeAuthTest {

    @Test
    void nowIsWrittenInTheSchemesTimeZoneAndNonceIsTheSameWithinARequest() {
        AuthScheme scheme = scheme("""
                type: api-key
                in: header
                name: X-Stamp
                value: "{{now:yyyyMMddHHmmss}}-{{now:epoch-s}}-{{nonce}}-{{nonce}}"
                timeZone: Europe/London
                """);
        OutgoingRequest request = AuthFixtures.get("/x");
        scheme.authenticate(connection(Map.of()), request, new AuthFixtures.FakeContext());
        assertThat(request.headers()).containsEntry("X-Stamp", "20261128020000-1795831200-12345-12345");
    }

    @Test
    void aDigestValueIsComputedFromItsTemplates() {
        AuthScheme scheme = scheme("""
                type: api-key
                in: query
                name: signature
                value: { digest: SHA256, message: "{{connection.appKey}}", encoding: hex }
                """);
        OutgoingRequest request = AuthFixtures.get("/x");
        scheme.authenticate(connection(Map.of()), request, new AuthFixtures.FakeContext());
        assertThat(request.query().get("signature")).hasSize(64);
    }

    @Test
    void theLoginOfASessionIsSignedByTheSchemesAfterItInTheChain() {
        // given a chain: a session token whose login is signed by the hmac-headers scheme after it
        AuthScheme chain = scheme("""
                - type: session-token
                  steps:
                    - { method: GET, path: /token, values: { key: "{{connection.appKey}}" }, extract: { t: token } }
                  apply: { headers: { X-Token: "{{session.t}}" } }
                - type: hmac-headers
                  headers: { X-Nonce: "{{nonce}}" }
                  signedHeaders: [X-Nonce]
                  signature: { digest: HMAC-SHA256, key: "{{connection.appSecret}}", encoding: hex }
                  output: X-Signature
                """);
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering("{\"token\":\"tk\"}");
        OutgoingRequest request = AuthFixtures.get("/things");

        // when a request is authenticated
        chain.authenticate(connection(Map.of()), request, context);

        // then the login carried a signature of its own, and the request both the token and a signature
        assertThat(context.sent.get(0).headers().firstValue("X-Signature")).isPresent();
        assertThat(context.sent.get(0).headers().firstValue("X-Token")).isEmpty();
        assertThat(request.headers()).containsKeys("X-Token", "X-Nonce", "X-Signature");
        assertThat(chain.maskedFields()).containsExactlyInAnyOrder("X-Token", "X-Signature");
    }

    @Test
    void anUndeclaredConnectionFieldIsRefusedWithThePathAndTheDeclaredFields() {
        assertThatThrownBy(() -> definition("""
                type: bearer
                token: "{{connection.apiToken}}"
                """))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.definition.auth.unknownField");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("test-api.yaml").contains("$.auth.token")
                            .contains("apiToken").contains("appSecret");
                })
                .hasMessageContaining("Declare it under connection");
    }

    @Test
    void aSessionValueNoStepExtractsIsRefused() {
        assertThatThrownBy(() -> definition("""
                type: session-token
                steps:
                  - { method: GET, path: /token, extract: { token: data.token } }
                apply: { headers: { X-Token: "{{session.tokn}}" } }
                """))
                .isInstanceOfSatisfying(DefinitionException.class,
                        e -> assertThat(e.code()).isEqualTo("problem.definition.auth.unknownSession"))
                .hasMessageContaining("$.auth.apply.headers.X-Token").hasMessageContaining("[token]");
    }

    @Test
    void anUnknownPlaceholderAndABadTimeFormatAreRefused() {
        assertThatThrownBy(() -> definition("""
                type: bearer
                token: "{{secret}}"
                """)).hasMessageContaining("$.auth.token").hasMessageContaining("{{secret}}")
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.message(Locale.CHINESE))
                        .contains("$.auth.token").contains("{{secret}}").contains("{{connection.字段}}"));
        assertThatThrownBy(() -> definition("""
                type: bearer
                token: "{{now:yyyy-MM-dd ppp}}"
                """)).isInstanceOfSatisfying(DefinitionException.class,
                        e -> assertThat(e.code()).isEqualTo("problem.definition.auth.timeFormat"));
    }

    @Test
    void anHmacHashWithASecretPlacedAsPrefixIsRefused() {
        assertThatThrownBy(() -> definition("""
                type: signed-params
                sign: { secret: "{{connection.appSecret}}", placement: prefix, hash: HMAC-SHA256 }
                """)).isInstanceOfSatisfying(DefinitionException.class,
                        e -> assertThat(e.code()).isEqualTo("problem.definition.auth.hmacPlacement"))
                .hasMessageContaining("$.auth.sign.placement");
    }

    @Test
    void aSignFieldThatNoRequestCanCarryIsRefusedAtItsPlace() {
        // given signed-params that sign "timestmap" (a typo): no operation sends it and the scheme does not add it
        // when the definition is read, then it is refused at the misspelt name, listing the names requests carry
        assertThatThrownBy(() -> definition("""
                type: signed-params
                in: query
                add: { appkey: "{{connection.appKey}}", timestamp: "{{now:epoch-s}}" }
                sign: { include: [appkey, timestmap], secret: "{{connection.appSecret}}", hash: MD5 }
                """)).isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.definition.auth.signFieldUnknown");
                    assertThat(e.message(java.util.Locale.SIMPLIFIED_CHINESE)).contains("$.auth.sign.include[1]")
                            .contains("timestmap").contains("timestamp");
                });
    }

    @Test
    void signFieldsThatTheSchemeAddsOrAnOperationSendsAreAccepted() {
        // given include names added by the scheme (appkey) and sent by the operation (the key field id)
        // when read, then nothing is refused
        definition("""
                type: signed-params
                in: query
                add: { appkey: "{{connection.appKey}}" }
                sign: { include: [appkey, id], secret: "{{connection.appSecret}}", hash: MD5 }
                """);
    }

    @Test
    void anUnknownTypeIsRefusedByTheSchemaAtItsPath() {
        assertThatThrownBy(() -> definition("""
                - type: none
                - type: md5-sign
                """)).hasMessageContaining("$.auth[1].type").hasMessageContaining("enum");
    }

    @Test
    void aMissingParameterIsRefusedByTheSchemaNamingIt() {
        assertThatThrownBy(() -> definition("""
                type: oauth2-client-credentials
                clientId: "{{connection.appKey}}"
                clientSecret: "{{connection.appSecret}}"
                """)).hasMessageContaining("$.auth").hasMessageContaining("tokenUrl");
    }

    @Test
    void anUnknownParameterIsRefusedByTheSchema() {
        assertThatThrownBy(() -> definition("""
                type: bearer
                token: "{{connection.token}}"
                headr: X-Token
                """)).hasMessageContaining("headr");
    }

    @Test
    void theRegistryKeepsOneSchemePerDefinitionSoCachedTokensAreShared() {
        // given a registry with a declarative definition
        ConnectorDefinition definition = definition("""
                type: bearer
                token: "{{connection.token}}"
                """);
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(definition), List.of());

        // when its scheme is asked for twice, then it is the same scheme
        assertThat(registry.authSchemeOf(definition)).isSameAs(registry.authSchemeOf(definition));
    }

    @Test
    void aSchemeIdStillNamesAnSpiScheme() {
        assertThat(definition("shop-token").auth().declarative()).isFalse();
        assertThat(definition("shop-token").auth().schemeId()).isEqualTo("shop-token");
    }
}
