package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.definition;
import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.OutgoingRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical string of hmac-headers, with the rules of Kingdee's gateway. */
class HmacHeadersAuthTest {

    private static final String KINGDEE_LIKE = """
            type: hmac-headers
            headers:
              X-Api-ClientID: "{{connection.appKey}}"
              X-Api-TimeStamp: "{{now:epoch-ms}}"
              X-Api-Nonce: "{{nonce}}"
            signedHeaders: [X-Api-TimeStamp, X-Api-Nonce]
            signedHeadersHeader: X-Api-SignHeaders
            signature: { digest: HMAC-SHA256, key: "{{connection.appSecret}}", encoding: base64-of-hex }
            output: X-Api-Signature
            """;

    private final HmacHeadersAuth scheme = new HmacHeadersAuth(Spec.scheme(definition(KINGDEE_LIKE),
            definition(KINGDEE_LIKE).auth().chain().get(0), "$.auth", java.util.Set.of()));

    private static OutgoingRequest request(String method, String baseUrl, String path, Map<String, String> query,
            String nonce, String timestamp) {
        OutgoingRequest request = new OutgoingRequest(method, baseUrl, path, null);
        request.query().putAll(query);
        request.headers().put("X-Api-Nonce", nonce);
        request.headers().put("X-Api-TimeStamp", timestamp);
        return request;
    }

    @Test
    void theTokenRequestOfTheVectorHasTheKnownStringToSign() {
        // given the Kingdee vector's token request, its query in another order than signed
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_signature",
                "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ==");
        query.put("app_key", "abc");

        // when its canonical string is built, then it is byte for byte the vector's
        assertThat(scheme.stringToSign(request("get", "http://gw", "/jdyconnector/app_management/kingdee_auth_token",
                query, "12345", "1764324000000"))).isEqualTo("GET\n"
                + "%2Fjdyconnector%2Fapp_management%2Fkingdee_auth_token\n"
                + "app_key=abc&app_signature="
                + "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ%253D%253D\n"
                + "x-api-nonce:12345\n"
                + "x-api-timestamp:1764324000000\n");
    }

    @Test
    void aRequestWithoutQueryHasAnEmptyQueryLineAndTheBaseUrlsPathIsSigned() {
        // when a request without query, under a base URL with a path, is signed, then its third line is empty
        assertThat(scheme.stringToSign(request("POST", "http://gw/jdy", "/v2/scm/pur_inbound", Map.of(), "n1", "7")))
                .isEqualTo("POST\n%2Fjdy%2Fv2%2Fscm%2Fpur_inbound\n\nx-api-nonce:n1\nx-api-timestamp:7\n");
    }

    @Test
    void queryValuesAreSortedByKeyAndEncodedByUrlThenGateway() {
        // given values with characters that URL encoding changes
        Map<String, String> query = new LinkedHashMap<>();
        query.put("search", "华东 A&B");
        query.put("page", "1");

        // when signed, then keys are sorted and each value is encoded twice (% itself becomes %25)
        String line = scheme.stringToSign(request("GET", "http://gw", "/p", query, "n", "1")).split("\n")[2];
        assertThat(line).isEqualTo("page=1&search=%25E5%258D%258E%25E4%25B8%259C%2BA%2526B");
    }

    @Test
    void anAsteriskIsEncodedAsKingdeesGatewayDoes() {
        // given a query value with *, which URLEncoder leaves alone, when signed, then the gateway encoder makes it %2A
        String line = scheme.stringToSign(request("GET", "http://gw", "/p", Map.of("q", "a*b"), "n", "1"))
                .split("\n")[2];
        assertThat(line).isEqualTo("q=a%2Ab");
    }

    @Test
    void addsItsHeadersTheSignedHeaderListAndTheSignature() {
        // given a request, when authenticated with a fixed clock and nonce
        OutgoingRequest request = new OutgoingRequest("GET", "http://gw", "/p", null);
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext();
        DeclarativeAuth.scheme(definition(KINGDEE_LIKE)).authenticate(AuthFixtures.connection(Map.of()), request,
                context);

        // then the headers come in the order written, then the list, then the signature
        assertThat(request.headers().keySet()).containsExactly("X-Api-ClientID", "X-Api-TimeStamp", "X-Api-Nonce",
                "X-Api-SignHeaders", "X-Api-Signature");
        assertThat(request.headers()).containsEntry("X-Api-TimeStamp", "1795831200000")
                .containsEntry("X-Api-Nonce", "12345").containsEntry("X-Api-SignHeaders", "X-Api-TimeStamp,X-Api-Nonce");
    }
}
