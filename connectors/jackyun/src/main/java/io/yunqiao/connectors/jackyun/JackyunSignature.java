package io.yunqiao.connectors.jackyun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Jackyun gateway sign: every form field except {@code sign}, {@code token} and {@code contextid}, sorted by
 * key, concatenated as {@code key + value}, wrapped in the app secret, lower-cased, then MD5 as 32 lower-case hex
 * digits. {@code bizcontent} is signed as the raw JSON text, before URL encoding.
 */
final class JackyunSignature {

    /** Fields that travel with the request but are not signed. */
    static final Set<String> UNSIGNED = Set.of("sign", "token", "contextid");

    private JackyunSignature() {
    }

    static String sign(Map<String, String> form, String appSecret) {
        StringBuilder text = new StringBuilder(appSecret);
        // String order is UTF-16 code-unit order, which is ASCII order for the gateway's ASCII keys.
        new TreeMap<>(form).forEach((key, value) -> {
            if (value != null && !UNSIGNED.contains(key)) {
                text.append(key).append(value);
            }
        });
        text.append(appSecret);
        // The vendor's Java SDK lower-cases the input (not the digest), so bizcontent is compared case-blind.
        byte[] input = text.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(md5().digest(input));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime offers no MD5, which every Java SE runtime must", e);
        }
    }
}
