package io.yunqiao.web.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures chat robots check when their "signing secret" security setting is on. */
final class RobotSignature {

    private RobotSignature() {
    }

    /**
     * DingTalk 加签: Base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)), timestamp in
     * milliseconds; sent URL-encoded as the {@code sign} query parameter next to {@code timestamp}.
     */
    static String dingTalk(String secret, long timestampMillis) {
        return hmac(secret, timestampMillis + "\n" + secret);
    }

    /**
     * Feishu/Lark 签名校验: Base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty)), timestamp in
     * seconds; sent as {@code timestamp} and {@code sign} in the JSON body. Note the key and message are the other
     * way round from DingTalk's.
     */
    static String feishu(String secret, long timestampSeconds) {
        return hmac(timestampSeconds + "\n" + secret, "");
    }

    /**
     * Ours, for any other webhook: Base64(HmacSHA256(key = secret, message = timestamp + "\n" + body)), timestamp
     * in milliseconds; sent as the headers {@code X-Yunqiao-Timestamp} and {@code X-Yunqiao-Signature}.
     */
    static String generic(String secret, long timestampMillis, String body) {
        return hmac(secret, timestampMillis + "\n" + body);
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
