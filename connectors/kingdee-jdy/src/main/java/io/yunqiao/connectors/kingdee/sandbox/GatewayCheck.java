package io.yunqiao.connectors.kingdee.sandbox;

import io.yunqiao.sandbox.SandboxRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The V2 gateway's check of the {@code X-Api-*} headers, written from protocols.md ("V2 gateway signing"): the client
 * id must be known, the auth version 2.0, the signed headers X-Api-TimeStamp and X-Api-Nonce, the timestamp within
 * 5 minutes of now and the signature exactly the one computed from the request. Any failure is HTTP 519.
 */
final class GatewayCheck {

    static final long MAX_SKEW_MILLIS = 5 * 60 * 1000L;
    private static final Set<String> SIGNED_HEADERS = Set.of("x-api-timestamp", "x-api-nonce");

    private final String clientId;
    private final String clientSecret;

    GatewayCheck(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    void verify(SandboxRequest request, long now) {
        String client = header(request, "X-Api-ClientID");
        if (!client.equals(clientId)) {
            throw Refusal.badSignature("X-Api-ClientID 不存在：" + client);
        }
        String version = header(request, "X-Api-Auth-Version");
        if (!version.equals("2.0")) {
            throw Refusal.badSignature("X-Api-Auth-Version 应为 2.0，收到 " + version);
        }
        String signHeaders = header(request, "X-Api-SignHeaders");
        Set<String> named = Arrays.stream(signHeaders.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!named.equals(SIGNED_HEADERS)) {
            throw Refusal.badSignature("X-Api-SignHeaders 应为 X-Api-TimeStamp,X-Api-Nonce，收到 " + signHeaders);
        }
        String timestampText = header(request, "X-Api-TimeStamp");
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText);
        } catch (NumberFormatException e) {
            throw Refusal.badSignature("X-Api-TimeStamp 应为毫秒时间戳，收到 " + timestampText);
        }
        if (Math.abs(now - timestamp) > MAX_SKEW_MILLIS) {
            throw Refusal.badSignature("X-Api-TimeStamp 已过期：与服务器时间相差超过 5 分钟");
        }
        String nonce = header(request, "X-Api-Nonce");
        String expected = signature(clientSecret, stringToSign(request.method(), request.requestPath(),
                request.query(), nonce, timestampText));
        byte[] given = header(request, "X-Api-Signature").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)) {
            throw Refusal.badSignature("X-Api-Signature 签名错误");
        }
    }

    private static String header(SandboxRequest request, String name) {
        String value = request.header(name);
        if (value == null || value.isBlank()) {
            throw Refusal.badSignature("缺少请求头 " + name);
        }
        return value.trim();
    }

    static String stringToSign(String method, String path, Map<String, String> query, String nonce,
            String timestamp) {
        String sortedQuery = new TreeMap<>(query).entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(encode(e.getValue())))
                .collect(Collectors.joining("&"));
        return String.join("\n", method.toUpperCase(Locale.ROOT), encode(path), sortedQuery, "x-api-nonce:" + nonce,
                "x-api-timestamp:" + timestamp) + "\n";
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
