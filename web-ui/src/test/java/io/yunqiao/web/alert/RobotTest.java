package io.yunqiao.web.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.run.RunEnded;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The webhook formats: which robot a URL names, the message each gets, signing, and reading their answers. */
class RobotTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final RunEnded RUN = new RunEnded(42, 7, 3, RunTrigger.SCHEDULE, false, RunStatus.FAILED, 10, 6,
            1, 3, "fetch failed: HTTP 500", NOW.minusSeconds(30), NOW);
    private static final AlertNotice NOTICE = AlertNotice.of(RUN, "采购入库→客户", true, 0,
            "https://yq.example.com/runs/42");

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    @Test
    void tellsTheRobotByHostOrByTheRobotsPath() {
        // given robot URLs as the vendors hand them out, and loopback URLs with the same paths
        // then each is recognised; anything else is generic
        assertThat(Robot.of(URI.create("https://oapi.dingtalk.com/robot/send?access_token=x"))).isEqualTo(
                Robot.DINGTALK);
        assertThat(Robot.of(URI.create("http://127.0.0.1:8081/robot/send?access_token=x"))).isEqualTo(Robot.DINGTALK);
        assertThat(Robot.of(URI.create("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"))).isEqualTo(
                Robot.WECOM);
        assertThat(Robot.of(URI.create("https://open.feishu.cn/open-apis/bot/v2/hook/abc"))).isEqualTo(Robot.FEISHU);
        assertThat(Robot.of(URI.create("https://open.larksuite.com/open-apis/bot/v2/hook/abc"))).isEqualTo(
                Robot.FEISHU);
        assertThat(Robot.of(URI.create("https://hooks.example.com/yunqiao"))).isEqualTo(Robot.GENERIC);
    }

    @Test
    void dingTalkGetsMarkdownAndASignedUrlWithTheUrlEncodedSign() throws Exception {
        // given a DingTalk robot with a signing secret
        String url = "https://oapi.dingtalk.com/robot/send?access_token=tok";

        // when the request is built at a fixed time
        Robot.Request request = Robot.DINGTALK.request(url, "SEC0123456789abcdef", NOTICE, NOW);

        // then the sign (see RobotSignatureTest) is URL-encoded after the timestamp in milliseconds
        assertThat(request.uri()).hasToString(url + "&timestamp=1700000000000"
                + "&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
        // and the body is a markdown message with the title and the facts
        JsonNode body = json(request.body());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("title").asText()).isEqualTo("云桥告警：方案「采购入库→客户」运行失败");
        assertThat(body.path("markdown").path("text").asText()).contains("#42").contains("失败 3")
                .contains("fetch failed: HTTP 500").contains("[查看运行记录](https://yq.example.com/runs/42)");
    }

    @Test
    void dingTalkWithoutASecretKeepsTheUrlAsItIs() {
        // given no secret
        String url = "https://oapi.dingtalk.com/robot/send?access_token=tok";

        // when the request is built
        Robot.Request request = Robot.DINGTALK.request(url, null, NOTICE, NOW);

        // then nothing is added to the URL
        assertThat(request.uri()).hasToString(url);
    }

    @Test
    void weComGetsMarkdownContent() throws Exception {
        // given a WeCom robot
        // when the request is built
        Robot.Request request = Robot.WECOM.request("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null,
                NOTICE, NOW);

        // then the body is {"msgtype":"markdown","markdown":{"content":...}}
        JsonNode body = json(request.body());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asText()).startsWith("### 云桥告警").contains("#42");
    }

    @Test
    void feishuGetsTextWithTimestampInSecondsAndSignInTheBody() throws Exception {
        // given a Feishu robot with a signing secret
        // when the request is built at 1700000000 s
        Robot.Request request = Robot.FEISHU.request("https://open.feishu.cn/open-apis/bot/v2/hook/abc",
                "feishu-secret", NOTICE, NOW);

        // then timestamp and sign (see RobotSignatureTest) are in the body, next to the text message
        JsonNode body = json(request.body());
        assertThat(body.path("timestamp").asText()).isEqualTo("1700000000");
        assertThat(body.path("sign").asText()).isEqualTo("OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=");
        assertThat(body.path("msg_type").asText()).isEqualTo("text");
        assertThat(body.path("content").path("text").asText()).startsWith("云桥告警：方案「采购入库→客户」运行失败")
                .contains("查看运行记录：https://yq.example.com/runs/42");
        assertThat(request.uri()).hasToString("https://open.feishu.cn/open-apis/bot/v2/hook/abc");
    }

    @Test
    void anyOtherUrlGetsTheRunAsJsonSignedInHeaders() throws Exception {
        // given a generic webhook with a secret
        // when the request is built
        Robot.Request request = Robot.GENERIC.request("https://hooks.example.com/yq", "generic-secret", NOTICE, NOW);

        // then the body holds the run's fields and the solution's name
        JsonNode body = json(request.body());
        assertThat(body.path("solutionName").asText()).isEqualTo("采购入库→客户");
        assertThat(body.path("runId").asLong()).isEqualTo(42);
        assertThat(body.path("status").asText()).isEqualTo("FAILED");
        assertThat(body.path("failed").asInt()).isEqualTo(3);
        assertThat(body.path("reason").asText()).isEqualTo("RUN_FAILED");
        assertThat(body.path("link").asText()).isEqualTo("https://yq.example.com/runs/42");
        // and the signature covers timestamp and body exactly as sent
        assertThat(request.headers()).containsEntry("X-Yunqiao-Timestamp", "1700000000000")
                .containsEntry("X-Yunqiao-Signature",
                        RobotSignature.generic("generic-secret", 1_700_000_000_000L, request.body()));
    }

    @Test
    void aRobotsErrorCodeIsARefusalEvenWithHttp200() {
        // given the answers robots give (DingTalk's sign error, WeCom's bad key, Feishu's sign error)
        // then a non-zero code is a refusal with the robot's own message; zero is success
        assertThat(Robot.DINGTALK.refusal(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))
                .hasValue("errcode 310000: sign not match");
        assertThat(Robot.DINGTALK.refusal(200, "{\"errcode\":0,\"errmsg\":\"ok\"}")).isEmpty();
        assertThat(Robot.WECOM.refusal(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
                .hasValue("errcode 93000: invalid webhook url");
        assertThat(Robot.FEISHU.refusal(200, "{\"code\":19021,\"msg\":\"sign match fail\",\"data\":{}}"))
                .hasValue("code 19021: sign match fail");
        assertThat(Robot.FEISHU.refusal(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\"}")).isEmpty();
        assertThat(Robot.DINGTALK.refusal(200, "<html>gateway</html>")).hasValueSatisfying(reason ->
                assertThat(reason).contains("not JSON"));
    }

    @Test
    void anHttpErrorIsARefusalForEveryKind() {
        // given an HTTP 502 with a body
        // then every kind refuses with the status and the body
        assertThat(Robot.GENERIC.refusal(502, "bad gateway")).hasValue("HTTP 502: bad gateway");
        assertThat(Robot.GENERIC.refusal(204, "")).isEmpty();
    }

    @Test
    void aRunWithTooManyFailedRecordsSaysSoWithTheThreshold() {
        // given a PARTIAL run with 12 failed records and a threshold of 10, alerts not on failure
        RunEnded partial = new RunEnded(43, 7, 3, RunTrigger.MANUAL, false, RunStatus.PARTIAL, 50, 38, 0, 12,
                "12 records failed", NOW.minusSeconds(5), NOW);

        // when the notice is made
        AlertNotice notice = AlertNotice.of(partial, "方案", false, 10, null);

        // then the title names both numbers, the status is in Chinese, and there is no link
        assertThat(notice.title()).isEqualTo("云桥告警：方案「方案」失败记录 12 条，超过告警阈值 10 条");
        assertThat(notice.text()).contains("状态：部分失败").contains("手动运行").doesNotContain("查看运行记录")
                .contains("2023-11-15 06:13:15 至 2023-11-15 06:13:20（北京时间）");
    }
}
