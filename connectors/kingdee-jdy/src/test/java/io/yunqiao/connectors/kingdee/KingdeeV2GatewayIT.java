package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The V2 gateway scheme ({@code kingdee-jdy-v2}) end to end: app-token, X-Api-* signatures, refusals. */
class KingdeeV2GatewayIT extends KingdeeSandboxSupport {

    private static final String APP_TOKEN = "/jdyconnector/app_management/kingdee_auth_token";

    @Test
    void readsTheSameBillsAsV1ThroughTheSignedGateway() {
        // given a modify-time window of 5 days
        Instant from = END.minusSeconds(8 * 86_400L);
        Instant to = END.minusSeconds(3 * 86_400L);
        Map<String, Object> v1Window = registry.operation("kingdee-jdy", LIST).window().params(from, to);
        Map<String, Object> v2Window = registry.operation("kingdee-jdy-v2", V2_LIST).window().params(from, to);

        // when both APIs are paged through it
        List<JsonNode> v1 = fetchAll(v1Connection(), LIST, v1Window, 100);
        List<QueryPage> v2Pages = fetchPages(v2Connection("星辰 V2", Map.of()), V2_LIST, v2Window, 50);
        List<JsonNode> v2 = v2Pages.stream().flatMap(p -> p.records().stream()).toList();

        // then they are the same bills, with the same numbers and modify times
        assertThat(v2).isNotEmpty();
        assertThat(ids(v2)).containsExactlyElementsOf(ids(v1));
        for (int i = 0; i < v1.size(); i++) {
            assertThat(v2.get(i).path("bill_no").asText()).isEqualTo(v1.get(i).path("billno").asText());
            assertThat(v2.get(i).path("modify_time").asLong()).isEqualTo(millis(v1.get(i), "modifytime"));
            assertThat(v2.get(i).path("material_entity").size()).isEqualTo(v1.get(i).path("material_entity").size());
        }
        assertThat(v2Pages.get(v2Pages.size() - 1).hasMore()).isFalse();
        // and one app-token served every page
        assertThat(callsTo(APP_TOKEN)).hasSize(1);
    }

    @Test
    void refreshesTheAppTokenOnceWhenItExpires() {
        // given a V2 connection that read a page
        Connection connection = v2Connection("星辰 V2", Map.of());
        QueryPage first = client.query(connection, V2_LIST, Map.of(), PageRequest.first(20));

        // when every token expires, and the next page is read
        admin("POST", "/_admin/tokens/expire", "");
        QueryPage second = client.query(connection, V2_LIST, Map.of(), first.next());

        // then it was refused once, a new app-token was fetched and the page came
        assertThat(second.records()).hasSize(20);
        assertThat(callsTo(APP_TOKEN)).hasSize(2);
        assertThat(ids(second.records())).doesNotContainAnyElementsOf(ids(first.records()));
    }

    @Test
    void aWrongClientSecretGets519AndIsAnAuthErrorNamingTheConnection() {
        // given a connection whose client secret, which signs every request, is wrong
        Connection connection = v2Connection("星辰 V2 生产", Map.of("clientSecret", "not-the-secret"));

        // when it queries, then the gateway refused the signature with HTTP 519, and that is AUTH
        assertThatThrownBy(() -> client.query(connection, V2_LIST, Map.of(), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
                    assertThat(e.connectionName()).isEqualTo("星辰 V2 生产");
                })
                .hasMessageContaining("签名错误")
                .hasMessageContaining("clientSecret");
        assertThat(callsTo(APP_TOKEN)).singleElement()
                .satisfies(call -> assertThat(call.path("status").asInt()).isEqualTo(519));
    }

    @Test
    void aWrongAppSecretIsAnAuthError() {
        Connection connection = v2Connection("星辰 V2", Map.of("appSecret", "wrong"));
        assertThatThrownBy(() -> client.query(connection, V2_LIST, Map.of(), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
                    assertThat(e.vendorCode()).isEqualTo("10011");
                })
                .hasMessageContaining("appSecret");
    }

    @Test
    void aTamperedBusinessSignatureGets519() {
        // given a valid app-token and correctly signed headers for a list call
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1", "page_size", "5");
        long now = System.currentTimeMillis();
        Map<String, String> headers = signedHeaders("GET", "/jdy/v2/scm/pur_inbound", query, "778899", now);

        // when sent as signed, then accepted; when the signature is altered, then refused with 519
        assertThat(listCall(query, headers, appToken, null).statusCode()).isEqualTo(200);
        HttpResponse<String> tampered = listCall(query, headers, appToken, "X-Api-Signature");
        assertThat(tampered.statusCode()).isEqualTo(519);
        assertThat(parse(tampered.body()).path("errcode").asInt()).isEqualTo(10519);
    }

    @Test
    void aStaleTimestampGets519() {
        // given headers signed correctly but six minutes ago
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1");
        long sixMinutesAgo = System.currentTimeMillis() - 6 * 60_000L;
        Map<String, String> headers = signedHeaders("GET", "/jdy/v2/scm/pur_inbound", query, "1", sixMinutesAgo);

        // then the gateway refuses them
        HttpResponse<String> response = listCall(query, headers, appToken, null);
        assertThat(response.statusCode()).isEqualTo(519);
        assertThat(parse(response.body()).path("description").asText()).contains("X-Api-TimeStamp");
    }

    @Test
    void aSignatureOverAnotherQueryGets519() {
        // given headers signed for page 1, when sent with page 2, then refused
        String appToken = appToken();
        Map<String, String> headers = signedHeaders("GET", "/jdy/v2/scm/pur_inbound", Map.of("page", "1"), "5",
                System.currentTimeMillis());
        assertThat(listCall(Map.of("page", "2"), headers, appToken, null).statusCode()).isEqualTo(519);
    }

    /** Headers signed by the definition's hmac-headers scheme with the sandbox's demo app. */
    private static Map<String, String> signedHeaders(String method, String path, Map<String, String> query,
            String nonce, long millis) {
        return V2Signatures.headers("yunqiao-v2-demo", "demo-secret-v2", method, path, query, nonce, millis);
    }

    /** An app-token fetched with a correctly signed request. */
    private String appToken() {
        Map<String, String> query = Map.of("app_key", "demo-app-key",
                "app_signature", V2Signatures.appSignature("demo-app-key", "demo-app-secret"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + APP_TOKEN + "?"
                + ConnectorClient.urlEncoded(query))).GET();
        signedHeaders("GET", APP_TOKEN, query, "42", System.currentTimeMillis()).forEach(request::header);
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = parse(response.body());
        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("description").asText()).isEqualTo("成功");
        return answer.path("data").path("app-token").asText();
    }

    private HttpResponse<String> listCall(Map<String, String> query, Map<String, String> headers, String appToken,
            String headerToTamper) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/jdy/v2/scm/pur_inbound?"
                + ConnectorClient.urlEncoded(query))).GET().header("app-token", appToken);
        List<String> names = new ArrayList<>(headers.keySet());
        for (String name : names) {
            String value = headers.get(name);
            request.header(name, name.equals(headerToTamper) ? "x" + value.substring(1) : value);
        }
        return send(request);
    }
}
