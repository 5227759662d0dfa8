package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The REST API called over loopback as a script would: HTTP Basic, JSON in and out, Chinese preferred. */
final class ApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiCalls() {
    }

    /**
     * An answer: its status, its body as JSON (JSON null when empty) and as text.
     *
     * @param status the HTTP status
     * @param body   the body read as JSON
     * @param text   the body as sent
     */
    record Answer(int status, JsonNode body, String text) {
    }

    /**
     * Sends a request to the platform on {@code port}.
     *
     * @param user a user name, or {@code null} for no credentials
     * @param body a text sent as it is, or an object sent as JSON, or {@code null} for none
     */
    static Answer call(int port, String user, String password, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Accept-Language", "zh-CN");
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)));
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                            : JSON.writeValueAsString(body)));
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
            return new Answer(answer.statusCode(), json, answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
