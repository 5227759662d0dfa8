package io.yunqiao.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
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

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final SerializerProvider SERIALIZERS = MAPPER.getSerializerProviderInstance();

    private ContentHash() {
    }

    /**
     * The record's hash: SHA-256 of its canonical JSON encoded as UTF-8, as every version has stored it. The text is
     * built once and encoded by {@code String.getBytes}, the JDK's fastest path (a lone surrogate becomes '?').
     */
    static String of(JsonNode record) {
        return HexFormat.of().formatHex(sha256().digest(canonical(record).getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    static String canonical(JsonNode node) {
        StringWriter out = new StringWriter(4096);
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
            // what writeTree does for a value, without looking up its serializer each time
            ((JsonSerializable) node).serialize(generator, SERIALIZERS);
        }
    }
}
