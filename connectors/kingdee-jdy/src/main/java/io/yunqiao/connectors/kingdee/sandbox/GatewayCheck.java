package io.yunqiao.connectors.kingdee.sandbox;

import io.yunqiao.sandbox.SandboxRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The V2 gateway's check of the {@code X-Api-*} headers, as Kingdee's gateway SDK (apigwclient) signs them: the
 * client id must be known, the auth version 2.0, {@code X-Api-SignHeaders} must name X-Api-TimeStamp and
 * X-Api-Nonce and may name more headers, each of which must be present; the timestamp must be within 5 minutes of
 * now and the signature exactly the one computed from the request. Every failure is HTTP 519 with the gateway's
 * code (4003, 4006, 4007, 4008); docs/connectors/kingdee-jdy.md describes the string to sign.
 */
final class GatewayCheck {

    static final long MAX_SKEW_MILLIS = 5 * 60 * 1000L;
    /** More signed headers than any real client sends; bounds the work a hostile list can cause. */
    static final int MAX_SIGNED_HEADERS = 20;
    private static final String TIMESTAMP = "x-api-timestamp";
    private static final String NONCE = "x-api-nonce";

    private final String clientId;
    private final String clientSecret;

    GatewayCheck(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    void verify(SandboxRequest request, long now) {
        String client = request.header("X-Api-ClientID");
        if (client == null || client.isBlank() || !client.trim().equals(clientId)) {
            throw Refusal.gateway(Refusal.GW_UNKNOWN_CLIENT, "X-Api-ClientID 不存在：" + client,
                    "unknown X-Api-ClientID: " + client);
        }
        String version = required(request, "X-Api-Auth-Version");
        if (!version.equals("2.0")) {
            throw Refusal.gateway(Refusal.GW_SIGN_HEADERS, "X-Api-Auth-Version 应为 2.0，收到 " + version,
                    "X-Api-Auth-Version must be 2.0, was " + version);
        }
        SortedMap<String, String> signed = signedHeaders(request);
        String timestampText = signed.get(TIMESTAMP);
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText);
        } catch (NumberFormatException e) {
            throw Refusal.gateway(Refusal.GW_TIMESTAMP, "X-Api-TimeStamp 应为毫秒时间戳，收到 " + timestampText,
                    "X-Api-TimeStamp must be epoch milliseconds, was " + timestampText);
        }
        if (Math.abs(now - timestamp) > MAX_SKEW_MILLIS) {
            throw Refusal.gateway(Refusal.GW_TIMESTAMP, "X-Api-TimeStamp 已过期：与服务器时间相差超过 5 分钟",
                    "X-Api-TimeStamp expired: more than 5 minutes from the server's time");
        }
        String expected = signature(clientSecret, stringToSign(request.method(), request.requestPath(),
                request.query(), signed));
        byte[] given = required(request, "X-Api-Signature").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)) {
            throw Refusal.gateway(Refusal.GW_SIGNATURE, "X-Api-Signature 签名错误",
                    "X-Api-Signature is wrong: the signature does not match the request");
        }
    }

    /**
     * The headers {@code X-Api-SignHeaders} names, by lower-case name, with their values: it must name
     * X-Api-TimeStamp and X-Api-Nonce, may name others, and every header named must be present.
     */
    private static SortedMap<String, String> signedHeaders(SandboxRequest request) {
        String list = required(request, "X-Api-SignHeaders");
        SortedMap<String, String> signed = new TreeMap<>();
        for (String name : list.split(",")) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                continue;
            }
            if (lower.equals("x-api-signature") || signed.size() == MAX_SIGNED_HEADERS) {
                throw Refusal.gateway(Refusal.GW_SIGN_HEADERS, "X-Api-SignHeaders 不合法：" + list,
                        "X-Api-SignHeaders is not valid: " + list);
            }
            String value = request.header(lower);
            if (value == null) {
                throw Refusal.gateway(Refusal.GW_SIGN_HEADERS, "X-Api-SignHeaders 列出的请求头 " + name.trim() + " 不存在",
                        "the header " + name.trim() + " listed in X-Api-SignHeaders is missing");
            }
            signed.put(lower, value.trim());
        }
        if (!signed.containsKey(TIMESTAMP) || !signed.containsKey(NONCE)) {
            throw Refusal.gateway(Refusal.GW_SIGN_HEADERS,
                    "X-Api-SignHeaders 必须包含 X-Api-TimeStamp 和 X-Api-Nonce，收到 " + list,
                    "X-Api-SignHeaders must list X-Api-TimeStamp and X-Api-Nonce, was " + list);
        }
        return signed;
    }

    private static String required(SandboxRequest request, String name) {
        String value = request.header(name);
        if (value == null || value.isBlank()) {
            throw Refusal.gateway(Refusal.GW_SIGN_HEADERS, "缺少请求头 " + name, "missing header " + name);
        }
        return value.trim();
    }

    /**
     * The text the signature covers, each line ending in {@code \n}: the method in capitals; the path through the
     * gateway encoder; the query sorted by key as {@code k=v&…}, each value through {@link URLEncoder} and then the
     * gateway encoder (an empty line when there is no query); one {@code name:value} line per signed header, names
     * in lower case, sorted by name.
     *
     * @param query         the decoded query parameters
     * @param signedHeaders the signed headers' values by lower-case name
     */
    static String stringToSign(String method, String path, Map<String, String> query,
            Map<String, String> signedHeaders) {
        String sortedQuery = new TreeMap<>(query).entrySet().stream()
                .map(e -> e.getKey() + "=" + gatewayEncode(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        StringBuilder text = new StringBuilder();
        text.append(method.toUpperCase(Locale.ROOT)).append('\n').append(gatewayEncode(path)).append('\n')
                .append(sortedQuery).append('\n');
        Map<String, String> byLowerCaseName = new TreeMap<>();
        signedHeaders.forEach((name, value) -> byLowerCaseName.put(name.toLowerCase(Locale.ROOT), value));
        byLowerCaseName.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
        return text.toString();
    }

    /**
     * Kingdee's gateway encoder: {@link URLEncoder} (UTF-8), then {@code *} as {@code %2A} and {@code %7E} back to
     * {@code ~}. What it does with the {@code +} URLEncoder writes for a space is not known; it is kept.
     */
    static String gatewayEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    static String signature(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hex = HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.US_ASCII);
            return Base64.getEncoder().encodeToString(hex);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** What the tenant's app_key must come with: the same formula with app_secret as the key. */
    static String appSignature(String appKey, String appSecret) {
        return signature(appSecret, appKey);
    }
}
