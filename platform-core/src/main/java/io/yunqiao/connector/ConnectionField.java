package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One field of a connection form (base URL, app key, secret…).
 *
 * @param name         the key the auth scheme reads
 * @param label        shown on the form
 * @param type         {@code string}, {@code url}, {@code password} or {@code integer}
 * @param required     whether a connection is incomplete without it
 * @param secret       stored encrypted, masked in answers, never sent back to a browser
 * @param defaultValue used when the connection leaves the field empty
 * @param description  help text for the form
 */
public record ConnectionField(
        String name,
        LocalizedText label,
        String type,
        boolean required,
        boolean secret,
        @JsonProperty("default") String defaultValue,
        LocalizedText description) {

    public ConnectionField {
        type = type == null ? "string" : type;
    }
}
