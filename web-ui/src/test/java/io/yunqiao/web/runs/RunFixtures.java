package io.yunqiao.web.runs;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Real runs for the screen tests: the seed template against the mounted sandboxes, through the real services. A
 * "broken" mapping leaves out the nickname of supplier GYS0001, so its records fail validation while the others
 * are written: a PARTIAL run with re-pushable failures.
 */
public final class RunFixtures {

    /** The administrator's password the contexts using these fixtures configure: sandbox administration needs it. */
    public static final String ADMIN_PASSWORD = "admin-pass-1";

    static final String TEMPLATE = "kingdee-pur-inbound-to-jackyun-customer";
    static final String BROKEN_MAPPING = "{ \"customerCode\": supplierid_number, \"nickname\": supplierid_number"
            + " = \"GYS0001\" ? \"\" : supplierid_name }";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String sandbox;
    private final Connections connections;
    private final Solutions solutions;
    private final Templates templates;
    private final SyncEngine engine;
    private final RunHistory history;
    private long kingdee;
    private long jackyun;

    public RunFixtures(int port, Connections connections, Solutions solutions, Templates templates, SyncEngine engine,
            RunHistory history) {
        this.sandbox = "http://127.0.0.1:" + port + "/sandbox";
        this.connections = connections;
        this.solutions = solutions;
        this.templates = templates;
        this.engine = engine;
        this.history = history;
    }

    /** Empty sandboxes, no solutions (and so no runs), and a connection to each sandbox. */
    public RunFixtures fresh() {
        post("/jackyun/_admin/reset", "");
        post("/kingdee/_admin/reset", "");
        solutions.list().forEach(s -> solutions.delete(s.id()));
        connections.list().forEach(c -> connections.delete(c.id()));
        kingdee = connections.create(new ConnectionDraft("金蝶沙箱", "kingdee-jdy", Map.of(
                "baseUrl", sandbox + "/kingdee", "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                "username", "demo", "password", "demo-pass"))).id();
        jackyun = connections.create(new ConnectionDraft("吉客云沙箱", "jackyun", Map.of(
                "baseUrl", sandbox + "/jackyun/open/openapi/do", "appKey", "100200",
                "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        return this;
    }

    /** The seed template bound to the sandboxes, over the sandbox's whole data set, without a rate limit. */
    public SolutionView solution(String name) {
        SolutionView copied = templates.copy(TEMPLATE, name, kingdee, jackyun);
        SolutionSpec spec = copied.spec();
        return solutions.update(copied.id(), new SolutionSpec(spec.name(), spec.description(), spec.source(),
                new SolutionSpec.Window("P31D", 300, 744), spec.target(), spec.dedupe(),
                new SolutionSpec.RateLimit(0), spec.retry(), spec.schedule(), spec.alerts()), "whole data set");
    }

    public SolutionView withMapping(SolutionView solution, String mapping) {
        SolutionSpec spec = solutions.get(solution.id()).spec();
        return solutions.update(solution.id(), spec.withTarget(spec.target().withMapping(mapping)), "mapping");
    }

    /** A finished run whose GYS0001 records failed and the others were written. */
    public Run partialRun(SolutionView solution) {
        String good = solutions.get(solution.id()).spec().target().mapping();
        withMapping(solution, BROKEN_MAPPING);
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        withMapping(solution, good);
        if (run.getStatus() != RunStatus.PARTIAL) {
            throw new IllegalStateException("the fixture expected a PARTIAL run, got " + run.getStatus() + ": "
                    + run.getError());
        }
        return run;
    }

    /** Slows the next Kingdee call down, so a run stays RUNNING for a while. */
    public void slowSource(long millis) {
        post("/kingdee/_admin/faults", "{\"kind\":\"LATENCY\",\"count\":1,\"latencyMs\":" + millis + "}");
    }

    /** Waits until the run has ended (runs started by the UI work in the background) and answers it. */
    public Run awaitEnd(long runId) {
        // generous: a shared build machine was seen 4-5× slower than an idle one
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            Run run = history.run(runId).orElseThrow();
            if (run.getStatus().isFinal()) {
                return run;
            }
            pause(100);
        }
        throw new IllegalStateException("run " + runId + " did not end within 120 s");
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP Basic Authorization header value. */
    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void post(String path, String body) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", basic("admin", ADMIN_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
