package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.problem.StoredMessage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Success is code 0 or 200 with an empty or zero sub-code, as gateway-style vendors answer. */
    private static final List<SuccessCondition> GATEWAY_SUCCESS = List.of(
            new SuccessCondition("code", List.of("0", "200"), false),
            new SuccessCondition("subCode", List.of("", "0"), true));
    private static final ErrorRules RULES = new ErrorRules(List.of("subCode", "code"), List.of("msg"),
            Map.of(ErrorClass.AUTH, List.of("0858030801"), ErrorClass.THROTTLED, List.of("0859999999"),
                    ErrorClass.VALIDATION, List.of("0050030002")),
            Map.of(ErrorClass.ALREADY_EXISTS, List.of("已存在")),
            Map.of(ErrorClass.AUTH, List.of(519)), null, ErrorClass.OTHER);

    private static Outcome classify(int status, String body) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        return AnswerClassifier.classify(GATEWAY_SUCCESS, RULES, status, body, json);
    }

    @Test
    void acceptsBothSuccessCodes() throws IOException {
        assertThat(classify(200, "{\"code\":200,\"subCode\":\"\"}").success()).isTrue();
        assertThat(classify(200, "{\"code\":0}").success()).isTrue();
        assertThat(classify(200, "{\"code\":\"200\",\"subCode\":\"0\"}").success()).isTrue();
    }

    @Test
    void aNonEmptySubCodeIsAFailureEvenWithASuccessCode() throws IOException {
        Outcome outcome = classify(200, "{\"code\":200,\"subCode\":\"0859999999\",\"msg\":\"限流\"}");
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.THROTTLED);
        assertThat(outcome.vendorCode()).isEqualTo("0859999999");
        assertThat(outcome.message()).isEqualTo("限流");
    }

    @Test
    void fallsBackToTheGeneralCodeWhenTheSubCodeIsEmpty() throws IOException {
        Outcome outcome = classify(200, "{\"code\":-1,\"subCode\":\"\",\"msg\":\"系统繁忙\"}");
        assertThat(outcome.vendorCode()).isEqualTo("-1");
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.OTHER);
    }

    @Test
    void classifiesByMessageWhenNoCodeIsListed() throws IOException {
        Outcome outcome = classify(200, "{\"code\":-1,\"subCode\":\"0850000001\",\"msg\":\"客户编号已存在\"}");
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.ALREADY_EXISTS);
    }

    @Test
    void aMessageRuleWinsOverAGenericCode() throws IOException {
        Outcome outcome = classify(200, "{\"code\":400,\"subCode\":\"0050030002\",\"msg\":\"客户编号已存在\"}");
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.ALREADY_EXISTS);
        assertThat(classify(200, "{\"code\":400,\"subCode\":\"0050030002\",\"msg\":\"昵称不能为空\"}")
                .errorClass()).isEqualTo(ErrorClass.VALIDATION);
    }

    @Test
    void aListedHttpStatusWinsOverTheBody() throws IOException {
        Outcome outcome = classify(519, "<html>bad signature</html>");
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.AUTH);
        assertThat(StoredMessage.render(outcome.message(), Locale.ENGLISH)).isEqualTo("The other system answered"
                + " HTTP 519 server error (a web page, not API data), the page says: bad signature");
    }

    @Test
    void anUnlistedServerErrorIsRetryableAndAClientErrorIsNot() throws IOException {
        assertThat(classify(503, "").errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(classify(404, "").errorClass()).isEqualTo(ErrorClass.OTHER);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws IOException {
        Outcome outcome = classify(200, "{\"code\":200,\"resu");
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(StoredMessage.render(outcome.message(), Locale.ENGLISH))
                .isEqualTo("the answer is not a JSON object: {\"code\":200,\"resu");
        assertThat(StoredMessage.render(outcome.message(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("对方的答复不是 JSON 对象：{\"code\":200,\"resu");
    }

    @Test
    void aTransportFailureTakesTheDeclaredClass() {
        Outcome outcome = AnswerClassifier.noAnswer(RULES, new java.net.ConnectException("Connection refused"));
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.OTHER);
        assertThat(StoredMessage.render(outcome.message(), Locale.ENGLISH)).isEqualTo("no answer (connection refused:"
                + " the service may be down, or the address or port is wrong)");
        assertThat(StoredMessage.render(outcome.message(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("没有得到对方的答复（对方拒绝连接：服务可能没有启动，或地址、端口不对）");
    }
}
