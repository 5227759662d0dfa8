package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where one request parameter goes ({@code in:} of a param). */
public enum ParamLocation {
    /** Into the business body, shaped by the operation's {@link BodyStyle}. */
    @JsonProperty("body")
    BODY,
    /** Into the query string. */
    @JsonProperty("query")
    QUERY,
    /** Into the path, replacing {@code {name}}, encoded as one path segment. */
    @JsonProperty("path")
    PATH,
    /** Into a request header of that name. */
    @JsonProperty("header")
    HEADER
}
