package io.yunqiao.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a record's canonical JSON (object keys sorted at every level), so that the same content fetched
 * twice hashes the same whatever order the vendor writes its keys in.
 */
final class ContentHash {

    private static final JsonFactory FACTORY = JsonMapper.builder().build().getFactory();

    private ContentHash() {
    }

    /**
     * The record's hash: its canonical JSON streamed into the digest as UTF-8, without building the text. The bytes
     * are exactly those of {@link #canonical} encoded as {@code String.getBytes(UTF_8)} does, so records staged by
     * earlier versions keep their hashes.
     */
    static String of(JsonNode record) {
        MessageDigest sha = sha256();
        // the same generator as canonical (characters, not bytes: Jackson's byte generator writes characters outside
        // the basic plane as escapes), encoded on the way into the digest
        try (Utf8Digesting out = new Utf8Digesting(sha); JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * Characters encoded as UTF-8 into a digest, as {@code String.getBytes(UTF_8)} encodes them: a surrogate pair
     * is one four-byte character, a lone surrogate becomes {@code ?}.
     */
    private static final class Utf8Digesting extends Writer {

        private final MessageDigest digest;
        private final byte[] buffer = new byte[8192];
        private int used;
        /** A high surrogate waiting for its pair, or 0. */
        private char high;

        Utf8Digesting(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                put(chars[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                put(text.charAt(i));
            }
        }

        @Override
        public void write(int c) {
            put((char) c);
        }

        private void put(char c) {
            if (used > buffer.length - 4) {
                drain();
            }
            if (high != 0) {
                char pending = high;
                high = 0;
                if (Character.isLowSurrogate(c)) {
                    int point = Character.toCodePoint(pending, c);
                    buffer[used++] = (byte) (0xF0 | point >> 18);
                    buffer[used++] = (byte) (0x80 | point >> 12 & 0x3F);
                    buffer[used++] = (byte) (0x80 | point >> 6 & 0x3F);
                    buffer[used++] = (byte) (0x80 | point & 0x3F);
                    return;
                }
                buffer[used++] = '?';
                put(c);
                return;
            }
            if (c < 0x80) {
                buffer[used++] = (byte) c;
            } else if (c < 0x800) {
                buffer[used++] = (byte) (0xC0 | c >> 6);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                high = c;
            } else if (Character.isLowSurrogate(c)) {
                buffer[used++] = '?';
            } else {
                buffer[used++] = (byte) (0xE0 | c >> 12);
                buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            }
        }

        private void drain() {
            digest.update(buffer, 0, used);
            used = 0;
        }

        @Override
        public void flush() {
            // the digest is complete only at close: a pending high surrogate may still be paired
        }

        @Override
        public void close() {
            if (high != 0) {
                high = 0;
                if (used > buffer.length - 1) {
                    drain();
                }
                buffer[used++] = '?';
            }
            drain();
        }
    }

    static String canonical(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                generator.writeFieldName(name);
                write(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }
}
