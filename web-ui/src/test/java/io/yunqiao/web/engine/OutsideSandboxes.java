package io.yunqiao.web.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.sandbox.SandboxServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Sandboxes served from the test's JVM, outside the platform under test, so that they outlive a platform that is
 * stopped or killed: the crash, recovery and cluster tests share them.
 */
public final class OutsideSandboxes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutsideSandboxes() {
    }

    /** A new sandbox of the vendor {@code id}, found like the platform finds it (ServiceLoader). */
    public static SandboxServlet create(String id, Map<String, String> settings) {
        for (Sandbox sandbox : ServiceLoader.load(Sandbox.class)) {
            if (sandbox.id().equals(id)) {
                return sandbox.create(settings);
            }
        }
        throw new IllegalStateException("no sandbox " + id);
    }

    /**
     * Everything a standalone Jackyun sandbox stored, and how many add calls it received per customer code (its
     * {@code /_admin/customers}; a standalone server is not behind the platform's sign-in).
     */
    public static JsonNode customers(SandboxServer jackyun) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    jackyun.baseUrl() + "/_admin/customers")).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code probe} every 200 ms until it finds something, failing the test after {@code timeout}. */
    public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout + " for " + what);
            }
            Thread.sleep(200);
        }
    }
}
