package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an operation's parameters travel on the wire. */
public enum BodyStyle {
    /** A JSON object as the request body ({@code Content-Type: application/json}). */
    @JsonProperty("json")
    JSON,
    /**
     * A form-encoded body whose business parameters are one JSON string in the {@code bizcontent} field,
     * next to the operation's fixed form fields; the auth scheme adds and signs the common fields.
     */
    @JsonProperty("form-bizcontent")
    FORM_BIZCONTENT,
    /** Parameters in the query string, no body (typical for GET). */
    @JsonProperty("query")
    QUERY
}
