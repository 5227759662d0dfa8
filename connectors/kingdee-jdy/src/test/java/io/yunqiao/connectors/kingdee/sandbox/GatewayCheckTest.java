package io.yunqiao.connectors.kingdee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's own reading of the V2 signature rules, against known-answer vectors. The first is Kingdee's
 * (client_secret {@code cs-0001}, the app-token request of app_key {@code abc}); the others are ours, computed
 * with an independent implementation of the same rule, for a query value holding {@code *} and {@code ~} and for
 * an extra signed header. docs/connectors/kingdee-jdy.md describes the rule and lists the vectors.
 */
class GatewayCheckTest {

    private static final String APP_SIGNATURE =
            "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ==";
    private static final String STRING_TO_SIGN = "GET\n"
            + "%2Fjdyconnector%2Fapp_management%2Fkingdee_auth_token\n"
            + "app_key=abc&app_signature="
            + "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ%253D%253D\n"
            + "x-api-nonce:12345\n"
            + "x-api-timestamp:1764324000000\n";
    private static final Map<String, String> DEFAULT_HEADERS =
            Map.of("X-Api-TimeStamp", "1764324000000", "X-Api-Nonce", "12345");

    /** Ours: {@code *} becomes %2A; {@code ~} is %7E after URLEncoder, whose % the second pass encodes. */
    private static final String STAR_AND_TILDE_TO_SIGN = "GET\n"
            + "%2Fjdy%2Fv2%2Fscm%2Fpur_inbound\n"
            + "page=1&search=A%2AB%257EC\n"
            + "x-api-nonce:12345\n"
            + "x-api-timestamp:1764324000000\n";
    private static final String STAR_AND_TILDE_SIGNATURE =
            "NzVkY2ZiZWRhZWFlNzg2N2MyNjllY2YwYjhlODE0M2EwYmZmYWI2ZGE4NDIwMDQyYTJjZWYwNjA2NWUyOGIxZQ==";

    /** Ours: an extra signed header takes its place among the header lines, sorted by lower-case name. */
    private static final String EXTRA_HEADER_TO_SIGN = "GET\n"
            + "%2Fjdy%2Fv2%2Fscm%2Fpur_inbound\n"
            + "page=1&search=A%2AB%257EC\n"
            + "app-token:tok-1\n"
            + "x-api-nonce:12345\n"
            + "x-api-timestamp:1764324000000\n";
    private static final String EXTRA_HEADER_SIGNATURE =
            "YmQ1N2FiZjY0ZmIzMmQ5ODU2Y2U2MDI4ODkzZmU0NmQ1M2QxZGM1MTk1ZjFkNjRlMWUzNDRlNjM4OTNiYzVjZQ==";

    @Test
    void expectsTheVendorsAppSignature() {
        assertThat(GatewayCheck.appSignature("abc", "abc123")).isEqualTo(APP_SIGNATURE);
    }

    @Test
    void rebuildsTheKnownStringToSignFromADecodedQuery() {
        assertThat(GatewayCheck.stringToSign("GET", "/jdyconnector/app_management/kingdee_auth_token",
                Map.of("app_signature", APP_SIGNATURE, "app_key", "abc"), DEFAULT_HEADERS))
                .isEqualTo(STRING_TO_SIGN);
    }

    @Test
    void expectsTheKnownSignature() {
        assertThat(GatewayCheck.signature("cs-0001", STRING_TO_SIGN))
                .isEqualTo("NmM3NmQzZTdlMjRkY2NiNzdjMWNiYjE4ZjJiYjA0OTgxMDc1MzBhOGQ3ZDBhYTBhYWI0MmM1MTFjNDFkZmIxNg==");
    }

    @Test
    void encodesAnAsteriskInAQueryValueAsTheGatewayDoes() {
        String text = GatewayCheck.stringToSign("get", "/jdy/v2/scm/pur_inbound",
                Map.of("search", "A*B~C", "page", "1"), DEFAULT_HEADERS);
        assertThat(text).isEqualTo(STAR_AND_TILDE_TO_SIGN);
        assertThat(GatewayCheck.signature("cs-0001", text)).isEqualTo(STAR_AND_TILDE_SIGNATURE);
    }

    @Test
    void signsExtraHeadersByLowerCaseNameInOrder() {
        String text = GatewayCheck.stringToSign("GET", "/jdy/v2/scm/pur_inbound",
                Map.of("search", "A*B~C", "page", "1"),
                Map.of("X-Api-TimeStamp", "1764324000000", "X-Api-Nonce", "12345", "App-Token", "tok-1"));
        assertThat(text).isEqualTo(EXTRA_HEADER_TO_SIGN);
        assertThat(GatewayCheck.signature("cs-0001", text)).isEqualTo(EXTRA_HEADER_SIGNATURE);
    }

    @Test
    void theGatewayEncoderWritesAsteriskAsPercent2AAndKeepsTildeAndPlus() {
        assertThat(GatewayCheck.gatewayEncode("a*b~c d/e")).isEqualTo("a%2Ab~c+d%2Fe");
    }
}
