package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an operation's business parameters travel on the wire; a parameter declared with its own
 * {@link ParamDefinition#in() place} (path, query, header) goes there instead.
 */
public enum BodyStyle {
    /** A JSON object as the request body ({@code Content-Type: application/json}). */
    @JsonProperty("json")
    JSON,
    /** A form-encoded body: each business parameter is one form field, next to the operation's fixed form fields. */
    @JsonProperty("form")
    FORM,
    /** Parameters in the query string, no body (typical for GET). */
    @JsonProperty("query")
    QUERY,
    /**
     * A form-encoded body in which one field, named by {@link RequestSpec#field()}, holds the JSON text of the
     * business parameters, next to the operation's fixed form fields; the gateway style of many e-commerce APIs,
     * whose auth scheme then adds and signs the common fields.
     */
    @JsonProperty("form-json-field")
    FORM_JSON_FIELD,
    /** No body at all: every parameter declares its place (path, query or header). */
    @JsonProperty("none")
    NONE;

    /** Where a parameter without a declared place goes with this style; {@code null} for {@link #NONE}. */
    ParamLocation defaultLocation() {
        return switch (this) {
            case QUERY -> ParamLocation.QUERY;
            case NONE -> null;
            default -> ParamLocation.BODY;
        };
    }

    /** Whether the request is a form, so that its logged text is the (masked) form. */
    boolean isForm() {
        return this == FORM || this == FORM_JSON_FIELD;
    }
}
