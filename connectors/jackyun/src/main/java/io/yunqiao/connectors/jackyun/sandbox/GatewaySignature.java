package io.yunqiao.connectors.jackyun.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sign the gateway expects, recomputed from a decoded form exactly as the vendor protocol states it. Written
 * apart from the connector's signer on purpose: the sandbox is the independent referee of the connector, so a
 * mistake in one is caught by the other (both are pinned to the protocol's known-answer vector).
 */
final class GatewaySignature {

    private GatewaySignature() {
    }

    /** The expected {@code sign} of {@code form} (every field but sign, token and contextid) under {@code appSecret}. */
    static String expected(Map<String, String> form, String appSecret) {
        StringBuilder text = new StringBuilder(appSecret);
        for (Map.Entry<String, String> field : new TreeMap<>(form).entrySet()) {
            String key = field.getKey();
            if (!key.equals("sign") && !key.equals("token") && !key.equals("contextid")) {
                text.append(key).append(field.getValue());
            }
        }
        text.append(appSecret);
        byte[] input = text.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(md5().digest(input));
    }

    /** Whether {@code sign} is the expected one; compared in constant time, as a real gateway should. */
    static boolean verifies(Map<String, String> form, String appSecret, String sign) {
        byte[] expected = expected(form, appSecret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sign.getBytes(StandardCharsets.US_ASCII));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime offers no MD5, which every Java SE runtime must", e);
        }
    }
}
