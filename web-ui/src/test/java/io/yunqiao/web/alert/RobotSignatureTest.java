package io.yunqiao.web.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Known answers computed independently with openssl (commands next to each value). */
class RobotSignatureTest {

    @Test
    void signsLikeDingTalkWithTheSecretAsKeyAndTimestampNewlineSecretAsMessage() {
        // given a secret and a timestamp in milliseconds; the expected value is
        //   printf '%s\n%s' 1700000000000 SEC0123456789abcdef \
        //     | openssl dgst -sha256 -hmac SEC0123456789abcdef -binary | base64
        // when signed
        String sign = RobotSignature.dingTalk("SEC0123456789abcdef", 1_700_000_000_000L);

        // then it is that value
        assertThat(sign).isEqualTo("TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=");
    }

    @Test
    void signsLikeFeishuWithTimestampNewlineSecretAsKeyAndAnEmptyMessage() {
        // given a secret and a timestamp in seconds; the expected value is
        //   printf '' | openssl dgst -sha256 -hmac "$(printf '%s\n%s' 1700000000 feishu-secret)" -binary | base64
        // when signed
        String sign = RobotSignature.feishu("feishu-secret", 1_700_000_000L);

        // then it is that value
        assertThat(sign).isEqualTo("OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=");
    }

    @Test
    void signsGenericWebhooksOverTimestampNewlineBody() {
        // given a secret, a timestamp in milliseconds and a body; the expected value is
        //   printf '%s\n%s' 1700000000000 '{"a":1}' | openssl dgst -sha256 -hmac generic-secret -binary | base64
        // when signed
        String sign = RobotSignature.generic("generic-secret", 1_700_000_000_000L, "{\"a\":1}");

        // then it is that value
        assertThat(sign).isEqualTo("T9/qyBLjPFaIF0mrYcrCAMeTGp7eS4SnuHasDCaR7HU=");
    }
}
