package io.yunqiao.web.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookAddressTest {

    @Test
    void aDingTalkOrWeComTokenInTheQueryIsNotShownToReaders() {
        assertThat(WebhookAddress.forReaders("https://oapi.dingtalk.com/robot/send?access_token=tok"))
                .isEqualTo("https://oapi.dingtalk.com/…");
        assertThat(WebhookAddress.forReaders("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"))
                .isEqualTo("https://qyapi.weixin.qq.com/…");
    }

    @Test
    void aFeishuTokenInThePathAndAUserAndPasswordAreNotShownToReaders() {
        assertThat(WebhookAddress.forReaders("https://open.feishu.cn/open-apis/bot/v2/hook/0123-secret"))
                .isEqualTo("https://open.feishu.cn/…");
        assertThat(WebhookAddress.forReaders("https://ops:pw@alerts.example.com:8443/hook"))
                .isEqualTo("https://alerts.example.com:8443/…");
    }

    @Test
    void aBareHostIsShownAsItIsAndWhatIsNoAddressNotAtAll() {
        assertThat(WebhookAddress.forReaders("https://alerts.example.com")).isEqualTo("https://alerts.example.com");
        assertThat(WebhookAddress.forReaders("not a url with spaces")).isEqualTo("…");
        assertThat(WebhookAddress.forReaders(null)).isNull();
    }
}
