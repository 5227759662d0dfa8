package io.yunqiao.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
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
        // the basic plane as escapes), encoded on the way into the digest by the JDK's UTF-8 writer, which replaces
        // a lone surrogate with '?' as String.getBytes(UTF_8) does
        try (Writer out = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), sha),
                StandardCharsets.UTF_8); JsonGenerator generator = FACTORY.createGenerator(out)) {
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
