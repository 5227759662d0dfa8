package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.OutgoingRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** What the schemes share about requests: header values, login targets and how a login request is encoded. */
final class Requests {

    private Requests() {
    }

    /**
     * Sets a header. Header values must be ASCII on the wire: a value that is not (a Chinese account name) is sent
     * URL-encoded in UTF-8, which is what the gateways that take such headers decode.
     */
    static void header(OutgoingRequest request, String name, String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        request.headers().put(name, ascii ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /**
     * A login request to {@code target}: a path appended to the base URL of the request being authenticated, or an
     * absolute {@code http(s)://} URL.
     */
    static OutgoingRequest login(String method, String baseUrl, String target, JsonNode jsonBody) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            URI uri = URI.create(target);
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            OutgoingRequest request = new OutgoingRequest(method, origin, uri.getRawPath(), jsonBody);
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    request.query().put(decode(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return request;
        }
        return new OutgoingRequest(method, baseUrl, target, jsonBody);
    }

    /** The path a request is sent to, including the base URL's own path: what a signature covers. */
    static String fullPath(OutgoingRequest request) {
        String basePath;
        try {
            basePath = URI.create(request.baseUrl()).getPath();
        } catch (IllegalArgumentException e) {
            basePath = "";
        }
        return (basePath == null ? "" : basePath) + request.path();
    }

    /** The HTTP request of a login call; the runtime adds its timeout and checks its destination. */
    static HttpRequest.Builder encode(OutgoingRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach(builder::header);
        return request.withBody(builder);
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
