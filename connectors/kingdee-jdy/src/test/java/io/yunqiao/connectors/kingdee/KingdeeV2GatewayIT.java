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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The V2 gateway scheme ({@code kingdee-jdy-v2}) end to end: app-token, X-Api-* signatures, refusals. The app-token
 * refresh after expiry and the generic fault classes are checked by the conformance suite
 * ({@link KingdeeV2ConformanceIT}); the gateway's own codes stay here.
 */
class KingdeeV2GatewayIT extends KingdeeSandboxSupport {

    private static final String APP_TOKEN = "/jdyconnector/app_management/kingdee_auth_token";
    private static final String LIST_PATH = "/jdy/v2/scm/pur_inbound";

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
                .satisfies(call -> {
                    assertThat(call.path("status").asInt()).isEqualTo(519);
                    assertThat(call.path("outcome").path("errcode").asText()).isEqualTo("4008");
                });
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
    void aTamperedBusinessSignatureGets519With4008() {
        // given a valid app-token and correctly signed headers for a list call
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1", "page_size", "5");
        Map<String, String> headers = signed("GET", LIST_PATH, query, "778899", System.currentTimeMillis(), Map.of());

        // when sent as signed, then accepted; when the signature is altered, then refused with 519 and 4008
        assertThat(listCall(query, headers, appToken, null).statusCode()).isEqualTo(200);
        HttpResponse<String> tampered = listCall(query, headers, appToken, "X-Api-Signature");
        assertGatewayRefusal(tampered, 519, 4008);
    }

    @Test
    void aStaleTimestampGets519With4006() {
        // given headers signed correctly but six minutes ago
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1");
        long sixMinutesAgo = System.currentTimeMillis() - 6 * 60_000L;
        Map<String, String> headers = signed("GET", LIST_PATH, query, "1", sixMinutesAgo, Map.of());

        // then the gateway refuses them
        HttpResponse<String> response = listCall(query, headers, appToken, null);
        assertGatewayRefusal(response, 519, 4006);
        assertThat(parse(response.body()).path("description").asText()).contains("X-Api-TimeStamp");
    }

    @Test
    void aSignatureOverAnotherQueryGets519() {
        // given headers signed for page 1, when sent with page 2, then refused
        String appToken = appToken();
        Map<String, String> headers = signed("GET", LIST_PATH, Map.of("page", "1"), "5", System.currentTimeMillis(),
                Map.of());
        assertGatewayRefusal(listCall(Map.of("page", "2"), headers, appToken, null), 519, 4008);
    }

    @Test
    void aQueryValueWithAnAsteriskAndATildeSignedAsTheGatewayEncodesItIsAccepted() {
        // given a search for "A*B~C" signed with the gateway encoder (* as %2A in the string to sign)
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1", "search", "A*B~C");
        Map<String, String> headers = signed("GET", LIST_PATH, query, "31", System.currentTimeMillis(), Map.of());

        // when sent, then the gateway accepts it and answers a (here empty) page
        HttpResponse<String> response = listCall(query, headers, appToken, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(parse(response.body()).path("errcode").asInt()).isZero();
    }

    @Test
    void anExtraHeaderListedInSignHeadersIsSignedAndChecked() {
        // given the app-token header signed as well, besides the two default ones
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1");
        Map<String, String> headers = signed("GET", LIST_PATH, query, "32", System.currentTimeMillis(),
                Map.of("app-token", appToken));

        // when sent as signed, then accepted
        assertThat(listCall(query, headers, appToken, null).statusCode()).isEqualTo(200);
        // when another app-token is sent under that signature, then the signature no longer matches
        assertGatewayRefusal(listCall(query, headers, appToken(), null), 519, 4008);
    }

    @Test
    void aHeaderListedInSignHeadersButNotSentGets4007() {
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1");
        Map<String, String> headers = new LinkedHashMap<>(signed("GET", LIST_PATH, query, "33",
                System.currentTimeMillis(), Map.of()));
        headers.put("X-Api-SignHeaders", "X-Api-TimeStamp,X-Api-Nonce,X-Tenant");
        assertGatewayRefusal(listCall(query, headers, appToken, null), 519, 4007);
    }

    @Test
    void signHeadersWithoutTheNonceGet4007() {
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1");
        Map<String, String> headers = new LinkedHashMap<>(signed("GET", LIST_PATH, query, "34",
                System.currentTimeMillis(), Map.of()));
        headers.put("X-Api-SignHeaders", "X-Api-TimeStamp");
        assertGatewayRefusal(listCall(query, headers, appToken, null), 519, 4007);
    }

    @Test
    void anUnknownClientIdGets4003() {
        String appToken = appToken();
        Map<String, String> query = Map.of("page", "1");
        Map<String, String> headers = new LinkedHashMap<>(signed("GET", LIST_PATH, query, "35",
                System.currentTimeMillis(), Map.of()));
        headers.put("X-Api-ClientID", "someone-else");
        assertGatewayRefusal(listCall(query, headers, appToken, null), 519, 4003);
    }

    @Test
    void anUnknownAppTokenGets4010AndAnExpiredOne4011() {
        Map<String, String> query = Map.of("page", "1");
        Map<String, String> headers = signed("GET", LIST_PATH, query, "36", System.currentTimeMillis(), Map.of());
        assertGatewayRefusal(listCall(query, headers, "not-a-token", null), 519, 4010);

        String appToken = appToken();
        admin("POST", "/_admin/tokens/expire", "");
        assertGatewayRefusal(listCall(query, headers, appToken, null), 519, 4011);
    }

    @Test
    void anUnknownApiGets5001AndAnotherMethod5002() {
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/jdy/v2/scm/no_such_api")).GET());
        assertGatewayRefusal(unknown, 404, 5001);
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + LIST_PATH))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertGatewayRefusal(posted, 405, 5002);
    }

    @Test
    void anOverloadGets429With5007AndIsThrottled() {
        // given a connection that read a page, and a gateway that throttles the next call
        Connection connection = v2Connection("星辰 V2", Map.of());
        client.query(connection, V2_LIST, Map.of(), PageRequest.first(5));
        installFault("THROTTLE", 1, LIST_PATH);

        // when it queries, then the refusal is THROTTLED by the gateway's code
        assertThatThrownBy(() -> client.query(connection, V2_LIST, Map.of(), PageRequest.first(5)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.THROTTLED);
                    assertThat(e.vendorCode()).isEqualTo("5007");
                });
        assertThat(callsTo(LIST_PATH)).last().satisfies(call -> {
            assertThat(call.path("status").asInt()).isEqualTo(429);
            assertThat(call.path("outcome").path("errcode").asText()).isEqualTo("5007");
        });
    }

    @Test
    void theCallLogShowsTheErrcodeOfARefusalAnsweredWithHttp200() {
        // given an app-token request with a wrong app_signature, which the business layer refuses with HTTP 200
        Map<String, String> query = Map.of("app_key", "demo-app-key", "app_signature", "d3Jvbmc=");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + APP_TOKEN + "?"
                + ConnectorClient.urlEncoded(query))).GET();
        signed("GET", APP_TOKEN, query, "37", System.currentTimeMillis(), Map.of()).forEach(request::header);
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).isEqualTo(200);

        // when the calls are listed, then the refusal's errcode is there besides the status
        assertThat(callsTo(APP_TOKEN)).singleElement().satisfies(call -> {
            assertThat(call.path("status").asInt()).isEqualTo(200);
            assertThat(call.path("outcome").path("errcode").asText()).isEqualTo("10011");
        });
    }

    private void assertGatewayRefusal(HttpResponse<String> response, int status, int errcode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = parse(response.body());
        assertThat(body.path("errcode").asInt()).isEqualTo(errcode);
        assertThat(body.path("description").asText()).isNotBlank().matches("\\p{ASCII}+");
        assertThat(body.path("description_cn").asText()).isNotBlank().matches(".*\\p{IsHan}.*");
    }

    /** An app-token fetched with a correctly signed request. */
    private String appToken() {
        Map<String, String> query = Map.of("app_key", "demo-app-key",
                "app_signature", hmacHexBase64("demo-app-secret", "demo-app-key"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + APP_TOKEN + "?"
                + ConnectorClient.urlEncoded(query))).GET();
        signed("GET", APP_TOKEN, query, "42", System.currentTimeMillis(), Map.of()).forEach(request::header);
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = parse(response.body());
        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("description").asText()).isEqualTo("成功");
        return answer.path("data").path("app-token").asText();
    }

    private HttpResponse<String> listCall(Map<String, String> query, Map<String, String> headers, String appToken,
            String headerToTamper) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + LIST_PATH + "?"
                + ConnectorClient.urlEncoded(query))).GET().header("app-token", appToken);
        List<String> names = new ArrayList<>(headers.keySet());
        for (String name : names) {
            String value = headers.get(name);
            request.header(name, name.equals(headerToTamper) ? "x" + value.substring(1) : value);
        }
        return send(request);
    }

    // ---- the signing rule of Kingdee's gateway SDK, written here independently of the connector's code ----

    /**
     * The X-Api-* headers of a request signed with the sandbox's V2 client: X-Api-TimeStamp, X-Api-Nonce and the
     * {@code extra} headers listed in X-Api-SignHeaders and signed.
     */
    private static Map<String, String> signed(String method, String path, Map<String, String> query, String nonce,
            long timestamp, Map<String, String> extra) {
        TreeMap<String, String> signedHeaders = new TreeMap<>();
        signedHeaders.put("x-api-timestamp", Long.toString(timestamp));
        signedHeaders.put("x-api-nonce", nonce);
        extra.forEach((name, value) -> signedHeaders.put(name.toLowerCase(Locale.ROOT), value));
        StringBuilder text = new StringBuilder(method).append('\n').append(gatewayEncoded(path)).append('\n');
        text.append(new TreeMap<>(query).entrySet().stream()
                .map(e -> e.getKey() + "=" + gatewayEncoded(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"))).append('\n');
        signedHeaders.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-ClientID", "yunqiao-v2-demo");
        headers.put("X-Api-Auth-Version", "2.0");
        headers.put("X-Api-TimeStamp", Long.toString(timestamp));
        headers.put("X-Api-Nonce", nonce);
        List<String> listed = new ArrayList<>(List.of("X-Api-TimeStamp", "X-Api-Nonce"));
        listed.addAll(extra.keySet());
        headers.put("X-Api-SignHeaders", String.join(",", listed));
        headers.put("X-Api-Signature", hmacHexBase64("demo-secret-v2", text.toString()));
        return headers;
    }

    private static String gatewayEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    private static String hmacHexBase64(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hex = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
