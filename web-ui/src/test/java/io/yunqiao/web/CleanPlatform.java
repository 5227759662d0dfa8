package io.yunqiao.web;

import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connectorstore.StoredConnectorView;
import io.yunqiao.connectorstore.StoredConnectors;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.runs.RunFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before each class on the {@link SharedPlatform}: what earlier classes left behind is gone, as if the class had the
 * application to itself. Runs still going (started in the background by a screen or the API) are waited for, so that
 * none of them writes into the sandboxes once the next class has reset them; then every solution (with its runs and
 * logs), connection and stored connector definition is deleted and both mounted sandboxes are reset. Users stay:
 * tests name theirs uniquely.
 */
public final class CleanPlatform extends AbstractTestExecutionListener {

    private static final Duration RUNS_END_WITHIN = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public void beforeTestClass(TestContext testContext) throws Exception {
        ApplicationContext context = testContext.getApplicationContext();
        awaitNoRunningRun(context.getBean(RunHistory.class));
        Solutions solutions = context.getBean(Solutions.class);
        for (SolutionView solution : solutions.list()) {
            solutions.delete(solution.id());
        }
        Connections connections = context.getBean(Connections.class);
        for (ConnectionView connection : connections.list()) {
            connections.delete(connection.id());
        }
        deleteStoredDefinitions(context.getBean(StoredConnectors.class));
        String sandbox = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/sandbox";
        reset(sandbox + "/kingdee/_admin/reset");
        reset(sandbox + "/jackyun/_admin/reset");
    }

    private static void awaitNoRunningRun(RunHistory history) throws InterruptedException {
        long deadline = System.nanoTime() + RUNS_END_WITHIN.toNanos();
        List<Run> running = history.running();
        while (!running.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("runs " + running.stream().map(Run::getId).toList()
                        + " left by an earlier class still running after " + RUNS_END_WITHIN);
            }
            Thread.sleep(100);
            running = history.running();
        }
    }

    /** Deletes every stored definition, those extended by others after the others (a refused delete waits a pass). */
    private static void deleteStoredDefinitions(StoredConnectors stored) {
        List<StoredConnectorView> left = stored.list();
        while (!left.isEmpty()) {
            RuntimeException refused = null;
            for (StoredConnectorView definition : left) {
                try {
                    stored.delete(definition.id(), "tests");
                } catch (RuntimeException e) {
                    refused = e;
                }
            }
            List<StoredConnectorView> now = stored.list();
            if (refused != null && now.size() == left.size()) {
                throw refused;
            }
            left = now;
        }
    }

    private static void reset(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", RunFixtures.basic("admin", SharedPlatform.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
