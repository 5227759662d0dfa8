package io.yunqiao.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A call received by a sandbox, read once: the path below the mount point, the decoded query and form, the body.
 * Parsing is done here rather than with the servlet API so that a sandbox sees exactly the bytes a vendor would.
 */
public final class SandboxRequest {

    private final HttpServletRequest servletRequest;
    private final String path;
    private final String body;
    private final Map<String, String> query;
    private final Map<String, String> form;

    SandboxRequest(HttpServletRequest servletRequest, String path) throws IOException {
        this.servletRequest = servletRequest;
        this.path = path;
        this.body = new String(servletRequest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        this.query = decode(servletRequest.getQueryString());
        String contentType = servletRequest.getContentType();
        this.form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? decode(body)
                : Map.of();
    }

    /** Decodes {@code k=v&…} (URL-encoded UTF-8) keeping the order; a repeated key keeps its last value. */
    public static Map<String, String> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableMap(values);
    }

    public String method() {
        return servletRequest.getMethod();
    }

    /** The path below the sandbox's mount point, e.g. {@code /erp/orders/list}. */
    public String path() {
        return path;
    }

    /**
     * The full path of the request as it arrived, mount point included and still URL-encoded
     * ({@code /sandbox/acme/erp/orders/list}): what a vendor signature over the request path covers.
     */
    public String requestPath() {
        return servletRequest.getRequestURI();
    }

    public String header(String name) {
        return servletRequest.getHeader(name);
    }

    public String contentType() {
        return servletRequest.getContentType();
    }

    /** The raw query string, still encoded, or {@code null}. */
    public String rawQuery() {
        return servletRequest.getQueryString();
    }

    public Map<String, String> query() {
        return query;
    }

    /** The fields of a form-encoded body; empty for other bodies. */
    public Map<String, String> form() {
        return form;
    }

    public String body() {
        return body;
    }

    /** The body parsed as JSON, or {@code null} when it is empty or not JSON. */
    public JsonNode json(ObjectMapper mapper) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
