package io.yunqiao.connector.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A value computed from templates: {@code {digest: HMAC-SHA256, key: <template>, message: <template>,
 * encoding: base64-of-hex}}. Always {@linkplain #sensitive() sensitive}: a digest lets whoever reads it try to guess
 * the secret offline.
 *
 * @param algorithm what is computed
 * @param key       the HMAC key; {@code null} for a plain hash
 * @param message   what is hashed; {@code null} where the scheme supplies it (the string to sign)
 * @param encoding  how the bytes are written
 */
record Digest(Algorithm algorithm, Template key, Template message, Encoding encoding) implements Value {

    @Override
    public String render(Scope scope) {
        return of(message.render(scope), scope);
    }

    /** The digest of a message the scheme built, with this key and encoding. */
    String of(String text, Scope scope) {
        return encoding.write(algorithm.compute(key == null ? null : key.render(scope), text));
    }

    @Override
    public boolean sensitive() {
        return true;
    }

    /** The hash or HMAC. */
    enum Algorithm {
        MD5("MD5", false), SHA1("SHA-1", false), SHA256("SHA-256", false),
        HMAC_SHA1("HmacSHA1", true), HMAC_SHA256("HmacSHA256", true);

        private final String javaName;
        private final boolean keyed;

        Algorithm(String javaName, boolean keyed) {
            this.javaName = javaName;
            this.keyed = keyed;
        }

        /** {@code MD5}, {@code SHA1}, {@code SHA256}, {@code HMAC-SHA1} or {@code HMAC-SHA256}. */
        static Algorithm named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        boolean keyed() {
            return keyed;
        }

        byte[] compute(String key, String message) {
            byte[] input = message.getBytes(StandardCharsets.UTF_8);
            try {
                if (keyed) {
                    Mac mac = Mac.getInstance(javaName);
                    mac.init(new SecretKeySpec((key == null ? "" : key).getBytes(StandardCharsets.UTF_8), javaName));
                    return mac.doFinal(input);
                }
                return MessageDigest.getInstance(javaName).digest(input);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // every Java SE runtime offers these; an empty HMAC key is the only input the JDK refuses
                throw new IllegalStateException(javaName + " cannot be computed: " + e.getMessage(), e);
            }
        }
    }

    /** How digest bytes become text. */
    enum Encoding {
        /** Lower-case hexadecimal. */
        HEX,
        /** Upper-case hexadecimal. */
        HEX_UPPER,
        /** Base64 of the bytes. */
        BASE64,
        /** Base64 of the lower-case hexadecimal text (as some API gateways sign). */
        BASE64_OF_HEX;

        /** {@code hex}, {@code hex-upper}, {@code base64} or {@code base64-of-hex}. */
        static Encoding named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        String write(byte[] bytes) {
            return switch (this) {
                case HEX -> HexFormat.of().formatHex(bytes);
                case HEX_UPPER -> HexFormat.of().withUpperCase().formatHex(bytes);
                case BASE64 -> Base64.getEncoder().encodeToString(bytes);
                case BASE64_OF_HEX -> Base64.getEncoder().encodeToString(
                        HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII));
            };
        }
    }
}
