package io.yunqiao.connectors.kingdee;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Kingdee V2 gateway signature (protocols.md, "V2 gateway signing"): the {@code app_signature} of the app-token
 * request and the {@code X-Api-*} headers of every request. Pure functions of their inputs: nonce and timestamp are
 * passed in, so known-answer vectors can be checked without HTTP.
 */
final class GatewaySigner {

    static final String AUTH_VERSION = "2.0";
    static final String SIGN_HEADERS = "X-Api-TimeStamp,X-Api-Nonce";

    private final String clientId;
    private final String clientSecret;

    GatewaySigner(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** {@code Base64(hex(HMAC-SHA256(key = appSecret, message = appKey)))}. */
    static String appSignature(String appKey, String appSecret) {
        return base64HexHmac(appSecret, appKey);
    }

    /**
     * The text the signature covers, each line ending in {@code \n}: the method in capitals; the path URL-encoded
     * once; the query sorted by key as {@code k=v&…} with values URL-encoded twice (an empty line when there is no
     * query); {@code x-api-nonce:N}; {@code x-api-timestamp:T}.
     *
     * @param path  the decoded path of the URL, e.g. {@code /jdyconnector/app_management/kingdee_auth_token}
     * @param query the decoded query parameters
     */
    static String stringToSign(String method, String path, Map<String, String> query, String nonce, long timestamp) {
        StringBuilder sorted = new StringBuilder();
        new TreeMap<>(query).forEach((key, value) -> {
            if (!sorted.isEmpty()) {
                sorted.append('&');
            }
            sorted.append(key).append('=').append(encode(encode(value)));
        });
        return method.toUpperCase(Locale.ROOT) + "\n"
                + encode(path) + "\n"
                + sorted + "\n"
                + "x-api-nonce:" + nonce + "\n"
                + "x-api-timestamp:" + timestamp + "\n";
    }

    /** {@code Base64(hex(HMAC-SHA256(key = client_secret, message = stringToSign)))}. */
    String signature(String stringToSign) {
        return base64HexHmac(clientSecret, stringToSign);
    }

    /** The {@code X-Api-*} headers of one request, in the order the vendor's documentation lists them. */
    Map<String, String> headers(String method, String path, Map<String, String> query, String nonce, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-ClientID", clientId);
        headers.put("X-Api-Auth-Version", AUTH_VERSION);
        headers.put("X-Api-TimeStamp", Long.toString(timestamp));
        headers.put("X-Api-Nonce", nonce);
        headers.put("X-Api-SignHeaders", SIGN_HEADERS);
        headers.put("X-Api-Signature", signature(stringToSign(method, path, query, nonce, timestamp)));
        return headers;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String base64HexHmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hex = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
