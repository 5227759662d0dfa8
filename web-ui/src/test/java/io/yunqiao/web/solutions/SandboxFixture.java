package io.yunqiao.web.solutions;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.runs.RunFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Connections to the sandboxes the application mounts (embedded profile) and the seed template copied onto them;
 * and a clean slate between tests, waiting for runs still in progress.
 */
final class SandboxFixture {

    /** The administrator's password the contexts using this fixture configure: sandbox administration needs it. */
    static final String ADMIN_PASSWORD = RunFixtures.ADMIN_PASSWORD;

    static final String SEED_TEMPLATE = "kingdee-pur-inbound-to-jackyun-customer";
    static final String SOURCE_OPERATION = "jdy/pur/pur_inbound_list";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Connections connections;
    private final Solutions solutions;
    private final Templates templates;
    private final RunHistory history;
    private final String base;
    long kingdee;
    long jackyun;

    SandboxFixture(int port, Connections connections, Solutions solutions, Templates templates, RunHistory history) {
        this.connections = connections;
        this.solutions = solutions;
        this.templates = templates;
        this.history = history;
        this.base = "http://127.0.0.1:" + port + "/sandbox";
    }

    /** Resets both sandboxes, removes every solution (after its runs end) and connection, then connects to both. */
    SandboxFixture fresh() {
        reset("/jackyun/_admin/reset");
        reset("/kingdee/_admin/reset");
        for (SolutionView solution : solutions.list()) {
            waitForRuns(solution.id());
            solutions.delete(solution.id());
        }
        connections.list().forEach(c -> connections.delete(c.id()));
        kingdee = connections.create(new ConnectionDraft("金蝶沙箱", "kingdee-jdy", Map.of(
                "baseUrl", base + "/kingdee", "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                "username", "demo", "password", "demo-pass"))).id();
        jackyun = connections.create(new ConnectionDraft("吉客云沙箱", "jackyun", Map.of(
                "baseUrl", base + "/jackyun/open/openapi/do", "appKey", "100200",
                "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        return this;
    }

    private void reset(String path) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", RunFixtures.basic("admin", ADMIN_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + " answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Kingdee connection whose password the sandbox refuses. */
    long refusedKingdee() {
        return connections.create(new ConnectionDraft("金蝶沙箱（密码错误）", "kingdee-jdy", Map.of(
                "baseUrl", base + "/kingdee", "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                "username", "demo", "password", "wrong-password"))).id();
    }

    SolutionView seed(String name) {
        return templates.copy(SEED_TEMPLATE, name, kingdee, jackyun);
    }

    void waitForRuns(long solutionId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (history.runsOf(solutionId, 5).stream().map(Run::getStatus).anyMatch(s -> s == RunStatus.RUNNING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("runs of solution " + solutionId + " still running after 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
