package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * @param destination  where requests go (or part of it, e.g. a tenant host): changing it on a saved connection
 *                     requires re-entering every stored secret; {@code url} fields always are destinations
 */
public record ConnectionField(
        String name,
        LocalizedText label,
        String type,
        boolean required,
        boolean secret,
        @JsonProperty("default") String defaultValue,
        LocalizedText description,
        boolean destination) {

    public ConnectionField {
        type = type == null ? "string" : type;
    }

    /**
     * Whether the field says where requests go: declared {@code destination: true}, or of type {@code url}. (Not
     * named {@code isDestination}, which JSON would take for the declared flag.)
     */
    public boolean routesRequests() {
        return destination || isUrl();
    }

    /** Whether the value is a web address, which must be http or https with a host. Not a JSON property. */
    @JsonIgnore
    public boolean isUrl() {
        return "url".equals(type);
    }
}
