package io.yunqiao.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.LocalizedText;

/**
 * A value the copy of a template asks for (复制时要填的参数) besides the connections, which are always asked: a
 * source parameter such as a bill status, or where the first run's window starts.
 *
 * @param key          where the value goes in the new solution: {@code source.params.<name>} or
 *                     {@code window.start}
 * @param label        what the copy dialog calls it, e.g. "单据状态"
 * @param defaultValue the value used when nothing is entered; {@code null} for none
 * @param required     whether a copy without a value (and without a default) is refused
 */
@JsonPropertyOrder({"key", "label", "default", "required"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateInput(String key, LocalizedText label,
        @JsonProperty("default") JsonNode defaultValue, boolean required) {

    /** The prefix of a key naming a source parameter. */
    public static final String SOURCE_PARAM = "source.params.";
    /** The key naming where the first run's window starts. */
    public static final String WINDOW_START = "window.start";

    /** The source parameter's name for a {@code source.params.<name>} key, else {@code null}. */
    public String sourceParam() {
        return key != null && key.startsWith(SOURCE_PARAM) ? key.substring(SOURCE_PARAM.length()) : null;
    }
}
