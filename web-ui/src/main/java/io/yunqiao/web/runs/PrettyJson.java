package io.yunqiao.web.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Request and response bodies indented for reading; a body that is not JSON is shown as it was logged. */
final class PrettyJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrettyJson() {
    }

    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(text);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
