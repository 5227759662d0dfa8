package io.yunqiao.web.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kind of webhook a URL names, told by its host or, for proxies and test servers, by the robot's path: each
 * kind has its own message format, signing and answer. Anything else gets a generic JSON POST.
 */
enum Robot {
    /** 钉钉自定义机器人: https://oapi.dingtalk.com/robot/send?access_token=... */
    DINGTALK,
    /** 企业微信群机器人: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=... */
    WECOM,
    /** 飞书/Lark 自定义机器人: https://open.feishu.cn/open-apis/bot/v2/hook/... */
    FEISHU,
    /** Any other http(s) endpoint. */
    GENERIC;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER = 300;

    static Robot of(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath();
        if (host.equals("oapi.dingtalk.com") || path.equals("/robot/send")) {
            return DINGTALK;
        }
        if (host.equals("qyapi.weixin.qq.com") || path.equals("/cgi-bin/webhook/send")) {
            return WECOM;
        }
        if (host.equals("open.feishu.cn") || host.equals("open.larksuite.com")
                || path.startsWith("/open-apis/bot/v2/hook/")) {
            return FEISHU;
        }
        return GENERIC;
    }

    /** What one POST to this robot carries. */
    record Request(URI uri, String body, Map<String, String> headers) {
    }

    /**
     * The POST for a notice: the robot's message format, signed with the secret (when given) at {@code now}.
     * WeCom robots have no signing: a secret is ignored there.
     */
    Request request(String url, String secret, AlertNotice notice, Instant now) {
        ObjectNode body = JSON.createObjectNode();
        boolean signed = secret != null && !secret.isBlank();
        switch (this) {
            case DINGTALK -> {
                body.put("msgtype", "markdown");
                body.putObject("markdown").put("title", notice.title()).put("text", notice.markdown());
                if (signed) {
                    long millis = now.toEpochMilli();
                    url = url + (url.contains("?") ? "&" : "?") + "timestamp=" + millis + "&sign="
                            + URLEncoder.encode(RobotSignature.dingTalk(secret, millis), StandardCharsets.UTF_8);
                }
            }
            case WECOM -> {
                body.put("msgtype", "markdown");
                body.putObject("markdown").put("content", notice.markdown());
            }
            case FEISHU -> {
                if (signed) {
                    long seconds = now.getEpochSecond();
                    body.put("timestamp", String.valueOf(seconds));
                    body.put("sign", RobotSignature.feishu(secret, seconds));
                }
                body.put("msg_type", "text");
                body.putObject("content").put("text", notice.text());
            }
            case GENERIC -> {
                return generic(url, secret, notice, now);
            }
        }
        return new Request(URI.create(url), body.toString(), Map.of());
    }

    private static Request generic(String url, String secret, AlertNotice notice, Instant now) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", "yunqiao.run.alert");
        body.put("reason", notice.reason().name());
        body.put("title", notice.title());
        body.put("text", notice.text());
        body.put("solutionName", notice.solutionName());
        body.put("runId", notice.run().runId());
        body.put("solutionId", notice.run().solutionId());
        body.put("solutionVersion", notice.run().solutionVersion());
        body.put("trigger", notice.run().trigger().name());
        body.put("dryRun", notice.run().dryRun());
        body.put("status", notice.run().status().name());
        body.put("fetched", notice.run().fetched());
        body.put("written", notice.run().written());
        body.put("skipped", notice.run().skipped());
        body.put("failed", notice.run().failed());
        body.put("error", notice.run().error());
        body.put("startedAt", String.valueOf(notice.run().startedAt()));
        body.put("endedAt", String.valueOf(notice.run().endedAt()));
        body.put("threshold", notice.threshold());
        body.put("link", notice.link());
        String json = body.toString();
        if (secret == null || secret.isBlank()) {
            return new Request(URI.create(url), json, Map.of());
        }
        long millis = now.toEpochMilli();
        return new Request(URI.create(url), json, Map.of("X-Yunqiao-Timestamp", String.valueOf(millis),
                "X-Yunqiao-Signature", RobotSignature.generic(secret, millis, json)));
    }

    /**
     * Why the robot refused, if it did. Robots answer HTTP 200 with an error code in the body (DingTalk and WeCom
     * {@code errcode}, Feishu {@code code}, older Feishu hooks {@code StatusCode}): anything but 0 is a refusal.
     */
    Optional<String> refusal(int status, String answer) {
        if (status < 200 || status >= 300) {
            return Optional.of("HTTP " + status + ": " + shortened(answer));
        }
        if (this == GENERIC) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(answer == null ? "" : answer);
        } catch (IOException e) {
            return Optional.of("the robot's answer is not JSON: " + shortened(answer));
        }
        if (tree == null || !tree.isObject()) {
            return Optional.of("the robot's answer is not a JSON object: " + shortened(answer));
        }
        String codeField = this == FEISHU ? (tree.has("code") ? "code" : "StatusCode") : "errcode";
        String messageField = this == FEISHU ? (tree.has("code") ? "msg" : "StatusMessage") : "errmsg";
        JsonNode code = tree.get(codeField);
        if (code == null || !code.canConvertToLong()) {
            return Optional.of("the robot's answer has no " + codeField + ": " + shortened(answer));
        }
        if (code.asLong() == 0) {
            return Optional.empty();
        }
        return Optional.of(codeField + " " + code.asText() + ": " + tree.path(messageField).asText(""));
    }

    private static String shortened(String answer) {
        if (answer == null) {
            return "";
        }
        return answer.length() <= MAX_ANSWER ? answer : answer.substring(0, MAX_ANSWER) + "…";
    }
}
