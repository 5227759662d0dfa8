package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request on its way to a vendor, before encoding: an {@link AuthScheme} adds query parameters, headers or form
 * fields to it. Values are raw; the runtime URL-encodes them when it sends.
 */
public final class OutgoingRequest {

    private final String method;
    private final String baseUrl;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> form = new LinkedHashMap<>();
    private final JsonNode jsonBody;

    public OutgoingRequest(String method, String baseUrl, String path, JsonNode jsonBody) {
        this.method = method;
        this.baseUrl = baseUrl.endsWith("/") && path.startsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1)
                : baseUrl;
        this.path = path;
        this.jsonBody = jsonBody;
    }

    public String method() {
        return method;
    }

    /** The connection's base URL, without a trailing slash when a path follows. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The operation's path, appended to the base URL ({@code /erp/orders/list}); may be empty. */
    public String path() {
        return path;
    }

    /** Query parameters in insertion order; mutable. */
    public Map<String, String> query() {
        return query;
    }

    /** Headers; mutable. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Form fields of a form-encoded body, in insertion order; mutable. Empty for JSON bodies. */
    public Map<String, String> form() {
        return form;
    }

    /** The JSON body, or {@code null} for form or query requests. */
    public JsonNode jsonBody() {
        return jsonBody;
    }

    /** The URL as sent: the base URL, the path and the query, URL-encoded in UTF-8. */
    public String url() {
        String url = baseUrl + path;
        return query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + ConnectorClient.urlEncoded(query);
    }

    /**
     * Puts the method and the body on {@code builder}: the JSON body, else the form URL-encoded, else none, with its
     * content type unless one of the headers already names one (a vendor may want its own).
     */
    public HttpRequest.Builder withBody(HttpRequest.Builder builder) {
        boolean typed = headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
        HttpRequest.BodyPublisher publisher;
        if (jsonBody != null) {
            if (!typed) {
                builder.header("Content-Type", "application/json; charset=UTF-8");
            }
            publisher = HttpRequest.BodyPublishers.ofString(jsonBody.toString(), StandardCharsets.UTF_8);
        } else if (!form.isEmpty()) {
            if (!typed) {
                builder.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
            }
            publisher = HttpRequest.BodyPublishers.ofString(ConnectorClient.urlEncoded(form), StandardCharsets.UTF_8);
        } else {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        return builder.method(method, publisher);
    }
}
