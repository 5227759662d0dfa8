package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.sandbox.Fault;
import io.yunqiao.sandbox.FaultKind;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.sandbox.SandboxServlet;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded default (H2 in file mode under ./data, one node) killed with SIGKILL in the middle of a run, then
 * started again: every outcome the platform had acknowledged before the kill is still there, the interrupted run is
 * resumed without anyone triggering it, no record written once comes back as a false "already exists" failure, and
 * the target holds every record exactly once. The platform is a separate JVM, so that the kill is a real one; the
 * vendor sandboxes run in this JVM, so that they outlive it and count every call.
 */
class CrashAccountingSecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BILLS = 800;
    private static final String ADMIN_PASSWORD = "crash-admin-1";
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private static SandboxServer kingdee;
    private static SandboxServer jackyun;
    private static Path home;
    private static Process platform;
    private static int port;

    @BeforeAll
    static void sandboxes() throws IOException {
        kingdee = SandboxServer.start(OutsideSandboxes.create("kingdee", Map.of("bills", String.valueOf(BILLS))));
        SandboxServlet jackyunSandbox = OutsideSandboxes.create("jackyun", Map.of());
        jackyun = SandboxServer.start(jackyunSandbox);
        // every add takes a while, so that the kill falls in the middle of the run
        jackyunSandbox.installFault(new Fault(FaultKind.LATENCY, 0, 1.0, 30, ""));
        Files.createDirectories(Path.of("target"));
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-accounting-");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.destroyForcibly();
        }
        kingdee.close();
        jackyun.close();
    }

    @Test
    void aKillNineOnTheEmbeddedDefaultLosesNoOutcomeAndTheRunResumesWithEveryRecordExactlyOnce() throws Exception {
        // given the embedded default with a solution writing one customer per bill, running
        platform = start("first");
        long solution = perBillSolution();
        long killed = call("POST", "/api/solutions/" + solution + "/runs", "{}").path("runId").asLong();
        OutsideSandboxes.await("part of the backlog written", Duration.ofSeconds(60),
                () -> Optional.of(OutsideSandboxes.customers(jackyun)).filter(c -> c.path("count").asInt() >= BILLS / 4));

        // when the platform is killed with SIGKILL right after it acknowledged some outcomes through the API
        int acknowledged = call("GET", "/api/runs/" + killed, null).path("written").asInt();
        platform.destroyForcibly().waitFor();
        assertThat(acknowledged).as("outcomes acknowledged before the kill").isPositive();
        assertThat(OutsideSandboxes.customers(jackyun).path("count").asInt()).as("killed before the run finished").isLessThan(BILLS);

        // and started again on the same data directory, with nobody triggering anything
        platform = start("second");

        // then the interrupted run is resumed by a RECOVERY run that ends SUCCESS
        JsonNode recovery = OutsideSandboxes.await("the resumed run's end", Duration.ofSeconds(90), () -> {
            for (JsonNode run : call("GET", "/api/solutions/" + solution + "/runs", null)) {
                if ("RECOVERY".equals(run.path("trigger").asText()) && !"RUNNING".equals(run.path("status").asText())
                        && !"SKIPPED".equals(run.path("status").asText())) {
                    return Optional.of(run);
                }
            }
            return Optional.empty();
        });
        assertThat(recovery.path("status").asText()).as(recovery.path("error").asText()).isEqualTo("SUCCESS");

        // and no outcome acknowledged before the kill was lost
        JsonNode before = call("GET", "/api/runs/" + killed, null);
        // (ended INTERRUPTED, not FAILED: its node died, and the recovery run that continues it is linked)
        assertThat(before.path("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(before.path("continuedByRunId").asLong()).isEqualTo(recovery.path("id").asLong());
        assertThat(before.path("written").asInt()).as("written count of the killed run after the restart")
                .isGreaterThanOrEqualTo(acknowledged);
        assertThat(call("GET", "/api/runs/" + killed + "/records?status=SUCCESS&size=1000", null).size())
                .as("SUCCESS records of the killed run").isGreaterThanOrEqualTo(acknowledged);

        // and no run reports a failure, least of all a false "already exists"
        for (JsonNode run : call("GET", "/api/solutions/" + solution + "/runs", null)) {
            JsonNode failed = call("GET", "/api/runs/" + run.path("id").asLong() + "/records?status=FAILED&size=1000",
                    null);
            assertThat(failed).as("failed records of run %s", run.path("id")).isEmpty();
        }

        // and the target holds every record exactly once
        JsonNode stored = OutsideSandboxes.customers(jackyun);
        Set<String> codes = new HashSet<>();
        stored.path("customers").forEach(c -> codes.add(c.path("customerCode").asText()));
        assertThat(codes).hasSize(BILLS);
        assertThat(stored.path("count").asInt()).isEqualTo(BILLS);
    }

    /** A solution from the seed template writing one customer per purchase inbound bill, deduped on its code. */
    private static long perBillSolution() {
        long source = call("POST", "/api/connections", JSON.createObjectNode().put("name", "金蝶")
                .put("connectorId", "kingdee-jdy").set("values", JSON.createObjectNode()
                        .put("baseUrl", kingdee.baseUrl()).put("clientId", "yunqiao-demo")
                        .put("clientSecret", "demo-secret-v1").put("username", "demo").put("password", "demo-pass")))
                .path("id").asLong();
        long target = call("POST", "/api/connections", JSON.createObjectNode().put("name", "吉客云")
                .put("connectorId", "jackyun").set("values", JSON.createObjectNode()
                        .put("baseUrl", jackyun.baseUrl() + "/open/openapi/do").put("appKey", "100200")
                        .put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")))
                .path("id").asLong();
        JsonNode copied = call("POST", "/api/templates/kingdee-pur-inbound-to-jackyun-customer/copy",
                JSON.createObjectNode().put("name", "每张单据一个客户").put("sourceConnection", source)
                        .put("targetConnection", target));
        ObjectNode spec = (ObjectNode) copied.path("spec").deepCopy();
        spec.putObject("window").put("start", "P31D").put("overlapSeconds", 300).put("maxWindowHours", 744);
        ((ObjectNode) spec.path("target")).put("mapping",
                "{ \"customerCode\": billno, \"nickname\": supplierid_name }");
        spec.putObject("dedupe").put("targetKey", "customerCode");
        spec.putObject("rateLimit").put("perSecond", 0);
        long id = copied.path("id").asLong();
        call("PUT", "/api/solutions/" + id, JSON.createObjectNode().put("comment", "one customer per bill")
                .set("solution", spec));
        return id;
    }

    /** The platform as the embedded default starts it: default profile, ./data under its working directory. */
    private static Process start(String name) throws IOException, InterruptedException {
        Path log = home.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "io.yunqiao.web.YunqiaoApplication",
                "--server.port=0",
                "--yunqiao.demo.enabled=false",
                "--yunqiao.security.admin-password=" + ADMIN_PASSWORD));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            // bytes, not Files.readString: the log may end in the middle of a multi-byte character
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            Matcher started = PORT.matcher(text);
            if (started.find() && text.contains("reconciled with Quartz")) {
                port = Integer.parseInt(started.group(1));
                return process;
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the platform (" + name + ") did not start; its log: "
                        + new File(log.toString()).getAbsolutePath());
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                            + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            }
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
