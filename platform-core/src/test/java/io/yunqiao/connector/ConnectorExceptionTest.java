package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.problem.StoredMessage;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A connector's failure reads in the reader's language: its coded message is kept as a code with parameters, shown
 * in Chinese or English when read, and in English in the server log.
 */
class ConnectorExceptionTest {

    private static final Connection SHOP = new Connection("c1", "测试商店", "test-shop",
            Map.of("baseUrl", "http://shop.example"));

    @Test
    void aFailureOfTheConnectorReadsInChineseAndInEnglish() {
        // given a page size the operation does not allow
        ConnectorException failure = new ConnectorException(ErrorClass.VALIDATION, SHOP, "orders.list",
                StoredMessage.of("connector.page.sizeTooLarge", 51, "orders.list", 50).store());

        // when it is kept, as a run's error keeps it, and read later
        String stored = failure.stored().store();

        // then it names the connection, the operation and the kind of failure, in the reader's language
        assertThat(StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE)).isEqualTo("连接“测试商店”调用接口 orders.list"
                + " 失败（数据被拒绝）：每页条数 51 超过了接口 orders.list 允许的最大值 50：请在方案中调小每页条数。");
        assertThat(StoredMessage.render(stored, Locale.ENGLISH)).isEqualTo("Connection '测试商店' failed calling"
                + " orders.list (data refused): page size 51 is above the operation's maximum of 50 (operation"
                + " orders.list): lower the solution's page size.");
        // and the server log reads it in English, never as the stored code
        assertThat(failure.getMessage()).contains("page size 51 is above the operation's maximum of 50")
                .doesNotContain("\"code\"");
    }

    @Test
    void aMissingValueOfTheConnectionSaysWhereToFillItIn() {
        // when a value the auth scheme needs is missing from the connection
        assertThatThrownBy(() -> SHOP.require("appSecret")).isInstanceOfSatisfying(ConnectorException.class, e -> {
            // then the message names the connection and the field, and says how to fix it
            String stored = e.stored().store();
            assertThat(StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE))
                    .endsWith("连接“测试商店”缺少“appSecret”：请编辑连接填写后再试。");
            assertThat(StoredMessage.render(stored, Locale.ENGLISH))
                    .endsWith("Connection '测试商店' has no value for 'appSecret': edit the connection and fill it in.");
        });
    }

    @Test
    void aVendorsOwnMessageStaysAsTheVendorWroteIt() {
        // given a refusal with the vendor's own words and code
        ConnectorException failure = new ConnectorException(ErrorClass.AUTH, SHOP, "orders.list", "1001", 401,
                "签名错误 invalid sign", null);

        // then both languages quote it unchanged, with the HTTP status and the vendor's code
        assertThat(StoredMessage.render(failure.stored().store(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("连接“测试商店”调用接口 orders.list 失败（认证失败，HTTP 401，对方代码 1001）：签名错误 invalid sign");
        assertThat(StoredMessage.render(failure.stored().store(), Locale.ENGLISH))
                .isEqualTo("Connection '测试商店' failed calling orders.list (authentication refused, HTTP 401, vendor"
                        + " code 1001): 签名错误 invalid sign");
    }
}
