package io.yunqiao.connector.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.sandbox.FaultKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin endpoints every sandbox ({@link io.yunqiao.sandbox.SandboxServlet}) answers under {@code /_admin}, over
 * HTTP: reset, faults, the call log, and a vendor's own admin calls.
 */
public final class SandboxAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param sandboxUrl where the sandbox servlet is mounted, e.g. {@code http://127.0.0.1:8123} */
    public SandboxAdmin(String sandboxUrl) {
        this.root = sandboxUrl.endsWith("/") ? sandboxUrl.substring(0, sandboxUrl.length() - 1) : sandboxUrl;
    }

    /** Back to the sandbox's fresh state: data set, no faults, no calls, the initial rate limit. */
    public void reset() {
        post("/reset", "");
    }

    /** Makes the next call whose path starts with {@code pathPrefix} ("" = any) answer with {@code kind}. */
    public void failNextCall(FaultKind kind, String pathPrefix) {
        post("/faults", "{\"kind\":\"" + kind + "\",\"count\":1,\"pathPrefix\":" + JSON.valueToTree(pathPrefix)
                + "}");
    }

    /** The calls received, oldest first: {@code path}, {@code status}, {@code fault}, {@code outcome}, ... */
    public List<JsonNode> calls() {
        List<JsonNode> calls = new ArrayList<>();
        send("GET", "/calls", "").forEach(calls::add);
        return calls;
    }

    /** {@code POST /_admin<path>}; answers the parsed body, or {@code null} when the sandbox has no such call. */
    public JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(root + "/_admin" + path))
                    .header("Content-Type", "application/json")
                    .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new AssertionError("sandbox admin " + method + " " + path + " answered HTTP "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("sandbox admin " + method + " " + path + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
