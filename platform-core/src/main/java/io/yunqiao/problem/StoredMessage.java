package io.yunqiao.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message kept in the database (a record's log message, a run's error) as a code with parameters, so that it is
 * shown in the reader's language when it is read: stored as {@code {"code":"record.…","params":["…"]}}, rendered
 * with the texts of {@link ProblemTexts}. Messages stored before codes are plain sentences; {@link #render} shows
 * them unchanged.
 *
 * @param code   a key of {@code i18n/problems*.properties}, e.g. {@code record.existing.skipped}
 * @param params the parameters, as text, in the order the texts number them
 */
public record StoredMessage(String code, List<String> params) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "{\"code\":";

    public StoredMessage {
        Objects.requireNonNull(code, "code");
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** A message with {@code params} turned into text ({@code null} becomes an empty text). */
    public static StoredMessage of(String code, Object... params) {
        List<String> texts = new ArrayList<>(params.length);
        for (Object param : params) {
            texts.add(param == null ? "" : param.toString());
        }
        return new StoredMessage(code, texts);
    }

    /** The form kept in the database. */
    public String store() {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", code);
        ArrayNode array = node.putArray("params");
        params.forEach(array::add);
        return node.toString();
    }

    /** The message in {@code locale}'s language (Chinese unless it is English). */
    public String render(Locale locale) {
        return ProblemTexts.render(code, locale, params.toArray());
    }

    /**
     * A stored message in {@code locale}'s language: a coded one rendered, a plain one (stored before codes) as it
     * is, {@code null} as {@code null}.
     */
    public static String render(String stored, Locale locale) {
        return read(stored).map(message -> message.render(locale)).orElse(stored);
    }

    /** The coded message {@code stored} holds, or empty for a plain sentence or {@code null}. */
    public static java.util.Optional<StoredMessage> read(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(stored);
            // exactly the stored form: a vendor's answer such as {"code":"E100","msg":"…"} is text, not ours
            if (!node.isObject() || node.size() != 2 || !node.path("code").isTextual()
                    || !node.path("params").isArray()) {
                return java.util.Optional.empty();
            }
            List<String> params = new ArrayList<>();
            node.path("params").forEach(param -> params.add(param.asText()));
            return java.util.Optional.of(new StoredMessage(node.path("code").asText(), params));
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }
}
