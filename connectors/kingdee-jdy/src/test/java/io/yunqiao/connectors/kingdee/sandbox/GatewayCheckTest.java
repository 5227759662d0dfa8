package io.yunqiao.connectors.kingdee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's own reading of the V2 signature rules, against the known-answer vectors of protocols.md. */
class GatewayCheckTest {

    private static final String APP_SIGNATURE =
            "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ==";
    private static final String STRING_TO_SIGN = "GET\n"
            + "%2Fjdyconnector%2Fapp_management%2Fkingdee_auth_token\n"
            + "app_key=abc&app_signature="
            + "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ%253D%253D\n"
            + "x-api-nonce:12345\n"
            + "x-api-timestamp:1764324000000\n";

    @Test
    void expectsTheVendorsAppSignature() {
        assertThat(GatewayCheck.appSignature("abc", "abc123")).isEqualTo(APP_SIGNATURE);
    }

    @Test
    void rebuildsTheKnownStringToSignFromADecodedQuery() {
        assertThat(GatewayCheck.stringToSign("GET", "/jdyconnector/app_management/kingdee_auth_token",
                Map.of("app_signature", APP_SIGNATURE, "app_key", "abc"), "12345", "1764324000000"))
                .isEqualTo(STRING_TO_SIGN);
    }

    @Test
    void expectsTheKnownSignature() {
        assertThat(GatewayCheck.signature("cs-0001", STRING_TO_SIGN))
                .isEqualTo("NmM3NmQzZTdlMjRkY2NiNzdjMWNiYjE4ZjJiYjA0OTgxMDc1MzBhOGQ3ZDBhYTBhYWI0MmM1MTFjNDFkZmIxNg==");
    }
}
