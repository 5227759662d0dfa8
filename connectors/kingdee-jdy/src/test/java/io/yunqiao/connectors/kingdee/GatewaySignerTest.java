package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The V2 gateway signature against the known-answer vectors of protocols.md. */
class GatewaySignerTest {

    private static final String APP_SIGNATURE =
            "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ==";
    private static final String TOKEN_PATH = "/jdyconnector/app_management/kingdee_auth_token";
    private static final String STRING_TO_SIGN = "GET\n"
            + "%2Fjdyconnector%2Fapp_management%2Fkingdee_auth_token\n"
            + "app_key=abc&app_signature="
            + "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ%253D%253D\n"
            + "x-api-nonce:12345\n"
            + "x-api-timestamp:1764324000000\n";
    private static final String SIGNATURE =
            "NmM3NmQzZTdlMjRkY2NiNzdjMWNiYjE4ZjJiYjA0OTgxMDc1MzBhOGQ3ZDBhYTBhYWI0MmM1MTFjNDFkZmIxNg==";

    @Test
    void appSignatureMatchesTheVendorsExample() {
        // given app_key abc and app_secret abc123, when signed, then the vendor's example value comes out
        assertThat(GatewaySigner.appSignature("abc", "abc123")).isEqualTo(APP_SIGNATURE);
    }

    @Test
    void stringToSignOfTheTokenRequestMatchesTheKnownAnswer() {
        // given the token request of the vector, with its query in the order it is sent
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_signature", APP_SIGNATURE);
        query.put("app_key", "abc");

        // when the string to sign is built, then it is byte for byte the vector's
        assertThat(GatewaySigner.stringToSign("get", TOKEN_PATH, query, "12345", 1764324000000L))
                .isEqualTo(STRING_TO_SIGN);
    }

    @Test
    void signatureOfTheTokenRequestMatchesTheKnownAnswer() {
        // given client_secret cs-0001, when the vector's string is signed, then the vector's signature comes out
        assertThat(new GatewaySigner("any-client", "cs-0001").signature(STRING_TO_SIGN)).isEqualTo(SIGNATURE);
    }

    @Test
    void headersOfTheTokenRequestCarryTheKnownSignature() {
        // given the vector's request
        Map<String, String> query = Map.of("app_key", "abc", "app_signature", APP_SIGNATURE);

        // when the headers are made
        Map<String, String> headers = new GatewaySigner("cid-1", "cs-0001").headers("GET", TOKEN_PATH, query,
                "12345", 1764324000000L);

        // then they are the six X-Api headers, with the vector's signature
        assertThat(headers).containsExactly(
                Map.entry("X-Api-ClientID", "cid-1"),
                Map.entry("X-Api-Auth-Version", "2.0"),
                Map.entry("X-Api-TimeStamp", "1764324000000"),
                Map.entry("X-Api-Nonce", "12345"),
                Map.entry("X-Api-SignHeaders", "X-Api-TimeStamp,X-Api-Nonce"),
                Map.entry("X-Api-Signature", SIGNATURE));
    }

    @Test
    void aRequestWithoutQueryHasAnEmptyQueryLine() {
        // when a request without query is signed, then its third line is empty
        assertThat(GatewaySigner.stringToSign("POST", "/jdy/v2/scm/pur_inbound", Map.of(), "n1", 7L))
                .isEqualTo("POST\n%2Fjdy%2Fv2%2Fscm%2Fpur_inbound\n\nx-api-nonce:n1\nx-api-timestamp:7\n");
    }

    @Test
    void queryValuesAreSortedByKeyAndEncodedTwice() {
        // given values with characters that URL encoding changes
        Map<String, String> query = new LinkedHashMap<>();
        query.put("search", "华东 A&B");
        query.put("page", "1");

        // when signed, then keys are sorted and each value is encoded twice (% itself becomes %25)
        String line = GatewaySigner.stringToSign("GET", "/p", query, "n", 1L).split("\n")[2];
        assertThat(line).isEqualTo("page=1&search=%25E5%258D%258E%25E4%25B8%259C%2BA%2526B");
    }
}
