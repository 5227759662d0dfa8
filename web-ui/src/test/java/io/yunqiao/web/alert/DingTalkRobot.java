package io.yunqiao.web.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A DingTalk custom robot on loopback, as DingTalk documents it: POST /robot/send?access_token=..., with 加签 on it
 * checks that the timestamp (ms) is within an hour and that sign = Base64(HmacSHA256(secret, timestamp + "\n" +
 * secret)), and answers HTTP 200 with {"errcode":0,"errmsg":"ok"} or DingTalk's error code. The signature is
 * computed here with the JDK alone, independently of the code under test.
 */
final class DingTalkRobot implements AutoCloseable {

    static final String TOKEN = "robot-token-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String secret;
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    DingTalkRobot(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/robot/send", this::handle);
        server.start();
    }

    /** The webhook URL as DingTalk hands it out. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=" + TOKEN;
    }

    /** Messages it accepted (and would have shown in the group). */
    List<JsonNode> accepted() {
        return accepted;
    }

    /** The error messages it answered to refused calls. */
    List<String> refused() {
        return refused;
    }

    void clear() {
        accepted.clear();
        refused.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod()) || !TOKEN.equals(query.get("access_token"))) {
                answer(exchange, 300001, "token is not exist");
                return;
            }
            String timestamp = query.getOrDefault("timestamp", "");
            String sign = query.getOrDefault("sign", "");
            if (!timestamp.matches("\\d{13}")
                    || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 3_600_000) {
                answer(exchange, 310000, "invalid timestamp");
                return;
            }
            if (!expectedSign(timestamp).equals(sign)) {
                answer(exchange, 310000,
                        "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]");
                return;
            }
            JsonNode message = JSON.readTree(body);
            if (!message.has("msgtype")) {
                answer(exchange, 40035, "缺少参数 json");
                return;
            }
            accepted.add(message);
            answer(exchange, 0, "ok");
        }
    }

    private String expectedSign(String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange, int errcode, String errmsg) throws IOException {
        if (errcode != 0) {
            refused.add(errcode + " " + errmsg);
        }
        byte[] body = JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg).toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
