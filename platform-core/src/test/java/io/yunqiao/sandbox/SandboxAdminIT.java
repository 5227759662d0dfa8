package io.yunqiao.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.ShopSandbox;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin endpoints every sandbox inherits, over HTTP. */
class SandboxAdminIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ShopSandbox SANDBOX = new ShopSandbox();
    private static SandboxServer server;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(SANDBOX);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() throws Exception {
        assertThat(send("POST", "/_admin/reset", "").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCountedFaultHitsExactlyTheNextCalls() throws Exception {
        send("POST", "/_admin/faults", "{\"kind\":\"HTTP_500\",\"count\":2}");
        assertThat(send("POST", "/token", "").statusCode()).isEqualTo(500);
        assertThat(send("POST", "/token", "").statusCode()).isEqualTo(500);
        assertThat(send("POST", "/token", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultCanBeLimitedToAPath() throws Exception {
        send("POST", "/_admin/faults", "{\"kind\":\"MALFORMED\",\"count\":1,\"pathPrefix\":\"/orders\"}");
        assertThat(send("POST", "/token", "").body()).startsWith("{\"status\"");
        assertThat(SANDBOX.calls()).extracting(ReceivedCall::fault).containsOnlyNulls();
        JsonNode faults = JSON.readTree(send("GET", "/_admin/faults", "").body());
        assertThat(faults).hasSize(1);
    }

    @Test
    void aRateFaultOfOneHitsEveryCallUntilCleared() throws Exception {
        send("POST", "/_admin/faults", "{\"kind\":\"HTTP_500\",\"rate\":1.0}");
        assertThat(send("POST", "/token", "").statusCode()).isEqualTo(500);
        assertThat(send("POST", "/token", "").statusCode()).isEqualTo(500);
        send("DELETE", "/_admin/faults", "");
        assertThat(send("POST", "/token", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionGivesTheClientNoCompleteAnswer() throws Exception {
        send("POST", "/_admin/faults", "{\"kind\":\"DROP\",\"count\":1}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("POST", "/token", ""))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anInvalidFaultIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> answer = send("POST", "/_admin/faults", "{\"kind\":\"HTTP_500\"}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("either count (next N calls) or rate");
    }

    @Test
    void listsTheCallsReceived() throws Exception {
        send("POST", "/token", "user=a&secret=right");
        JsonNode calls = JSON.readTree(send("GET", "/_admin/calls", "").body());
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).get("path").asText()).isEqualTo("/token");
        assertThat(calls.get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void aCallIsInTheLogByTheTimeItsCallerHasTheAnswer() throws Exception {
        // given a sandbox that streams its answer and closes the stream (as paging sandboxes do), and takes a while
        // to note who called
        SandboxServlet slowToLog = new StreamingSandbox();
        try (SandboxServer slow = SandboxServer.start(slowToLog)) {
            // when a caller has the answer
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(slow.baseUrl() + "/page"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            // then the call is already in the log (so a test that reads or resets the log next sees its own calls)
            assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(slowToLog.calls()).extracting(ReceivedCall::path).containsExactly("/page");
        }
    }

    /** Answers every call with a streamed, closed JSON body; notes the caller 300 ms late. */
    private static final class StreamingSandbox extends SandboxServlet {

        private static final long serialVersionUID = 1L;

        StreamingSandbox() {
            super(0, "status");
        }

        @Override
        protected void handle(SandboxRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(200);
            response.setContentType("application/json;charset=UTF-8");
            try (OutputStream out = response.getOutputStream()) {
                out.write("{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        protected String callerOf(SandboxRequest request) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "anyone";
        }

        @Override
        protected void writeThrottled(HttpServletResponse response) throws IOException {
            writeJson(response, 429, Map.of("status", "throttled"));
        }

        @Override
        protected void resetData() {
            // no data
        }
    }

    @Test
    void setsAndReadsTheRateLimit() throws Exception {
        assertThat(send("POST", "/_admin/rate-limit", "{\"perSecond\":7}").body()).isEqualTo("{\"perSecond\":7}");
        assertThat(send("GET", "/_admin/rate-limit", "").body()).isEqualTo("{\"perSecond\":7}");
        assertThat(send("POST", "/_admin/rate-limit", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownAdminPathIsA404() throws Exception {
        assertThat(send("GET", "/_admin/nothing", "").statusCode()).isEqualTo(404);
    }

    @Test
    void theCallLogShowsARefusalAnsweredWithHttp200ByItsBusinessCode() throws Exception {
        // given a call the vendor refuses with HTTP 200 and an error code inside the answer
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=u&secret=wrong")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(200);

        // when the calls are listed, then the refusal's code is there besides the HTTP status
        JsonNode call = JSON.readTree(send("GET", "/_admin/calls", "").body()).get(0);
        assertThat(call.path("status").asInt()).isEqualTo(200);
        assertThat(call.path("outcome").path("status").asText()).isEqualTo("fail");
        assertThat(call.path("outcome").path("error.code").asText()).isEqualTo("BAD_SECRET");
    }

    @Test
    void theCallLogRecordsNoOutcomeForAnAnswerThatIsNotJson() throws Exception {
        send("POST", "/_admin/faults", "{\"kind\":\"HTTP_500\",\"count\":1}");
        send("POST", "/token", "");
        assertThat(SANDBOX.calls()).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(500);
            assertThat(call.outcome()).isEmpty();
        });
    }
}
