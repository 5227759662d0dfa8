package io.yunqiao.connector.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** How a value is encoded in a string to sign. */
enum Encoder {
    /** {@link URLEncoder} in UTF-8 (a space becomes {@code +}). */
    URL,
    /**
     * {@link URLEncoder} in UTF-8, then {@code *} as {@code %2A} and {@code %7E} back to {@code ~}: the encoder
     * of common API gateway clients, under which an asterisk survives the gateway's decoding.
     */
    GATEWAY;

    /** {@code url} or {@code gateway}. */
    static Encoder named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    String encode(String value) {
        String encoded = URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
        return this == URL ? encoded : encoded.replace("*", "%2A").replace("%7E", "~");
    }

    /** {@code value} passed through every encoder in order. */
    static String all(List<Encoder> encoders, String value) {
        String text = value == null ? "" : value;
        for (Encoder encoder : encoders) {
            text = encoder.encode(text);
        }
        return text;
    }
}
