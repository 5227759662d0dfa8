package io.yunqiao.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The base of every vendor sandbox: routes admin calls ({@code /_admin/...}), records what was received, injects
 * faults and offers a per-caller rate limit. A subclass speaks the vendor's protocol in {@link #handle}.
 *
 * <p>Common admin endpoints, below the mount point:
 * <ul>
 * <li>{@code GET /_admin/calls}: the calls received (newest last, at most 10,000), each with the HTTP status and
 * the business outcome: the values of the sandbox's outcome fields found in the JSON answer (see
 * {@link #SandboxServlet(int, String...)}), so a refusal answered with HTTP 200 shows</li>
 * <li>{@code POST /_admin/reset}: forget calls, faults, written data and rate-limit changes</li>
 * <li>{@code GET|POST|DELETE /_admin/faults}: list, install ({@link Fault} as JSON) or clear faults</li>
 * <li>{@code GET|POST /_admin/rate-limit}: read or set {@code {"perSecond": N}} per caller (0 = unlimited)</li>
 * </ul>
 */
public abstract class SandboxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int CALLS_KEPT = 10_000;

    /** Shared by subclasses for reading and writing JSON. */
    protected static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final transient Faults faults = new Faults();
    private final transient Deque<ReceivedCall> calls = new ArrayDeque<>();
    private final transient RateLimits rateLimits;
    private final int initialRateLimit;
    private final transient Set<String> outcomeFields;

    /**
     * @param perSecondLimit the per-caller rate limit a fresh sandbox enforces (0 = unlimited)
     */
    protected SandboxServlet(int perSecondLimit) {
        this(perSecondLimit, new String[0]);
    }

    /**
     * @param perSecondLimit the per-caller rate limit a fresh sandbox enforces (0 = unlimited)
     * @param outcomeFields  the top-level fields of the vendor's JSON answers that carry the business outcome (an
     *                       error code, a sub-code); the call log records their values for every call
     */
    protected SandboxServlet(int perSecondLimit, String... outcomeFields) {
        this.rateLimits = new RateLimits(perSecondLimit);
        this.initialRateLimit = perSecondLimit;
        this.outcomeFields = Set.of(outcomeFields);
    }

    @Override
    protected final void service(HttpServletRequest servletRequest, HttpServletResponse response) throws IOException {
        String path = servletRequest.getPathInfo() == null ? "/" : servletRequest.getPathInfo();
        SandboxRequest request = new SandboxRequest(servletRequest, path);
        if (path.startsWith("/_admin/")) {
            admin(path.substring("/_admin".length()), request, response);
            return;
        }
        Optional<Fault> fault = faults.next(path);
        FaultKind kind = fault.map(Fault::kind).orElse(null);
        OutcomeCapture answer = new OutcomeCapture(response);
        try {
            // a dropped connection must keep the length it promises, so it bypasses the capture (it has no outcome)
            if (fault.isPresent() && applyFault(fault.get(), request, kind == FaultKind.DROP ? response : answer)) {
                return;
            }
            handle(request, answer);
        } finally {
            answer.finish();
            record(new ReceivedCall(Instant.now(), request.method(), path, callerOf(request), answer.getStatus(),
                    kind, answer.outcome(outcomeFields)));
        }
    }

    /** Answers one vendor call. */
    protected abstract void handle(SandboxRequest request, HttpServletResponse response) throws IOException;

    /** Who is calling, as the vendor identifies callers (for rate limits and the call log). */
    protected abstract String callerOf(SandboxRequest request);

    /** Writes the vendor's "too many requests" answer. */
    protected abstract void writeThrottled(HttpServletResponse response) throws IOException;

    /**
     * Writes the vendor's "too many requests" answer to this request; override when a vendor answers differently
     * depending on the API called. By default {@link #writeThrottled(HttpServletResponse)}.
     */
    protected void writeThrottled(SandboxRequest request, HttpServletResponse response) throws IOException {
        writeThrottled(response);
    }

    /** Forgets written data and returns to the generated data set. */
    protected abstract void resetData();

    /**
     * Answers a vendor-specific admin call ({@code path} below {@code /_admin}).
     *
     * @return false when the path is unknown
     */
    protected boolean handleAdmin(String path, SandboxRequest request, HttpServletResponse response)
            throws IOException {
        return false;
    }

    /** Whether one more call of this caller stays within the configured rate. */
    protected final boolean withinRateLimit(String caller) {
        return rateLimits.allow(caller);
    }

    /** Sets the per-caller limit in requests per second; 0 removes it. */
    public final void setRateLimit(int perSecond) {
        rateLimits.set(perSecond);
    }

    public final void installFault(Fault fault) {
        faults.install(fault);
    }

    public final void clearFaults() {
        faults.clear();
    }

    /** The calls received, oldest first. */
    public final List<ReceivedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Back to the state of a fresh start: data set, no faults, no calls, the initial rate limit. */
    public final void reset() {
        faults.clear();
        rateLimits.set(initialRateLimit);
        synchronized (calls) {
            calls.clear();
        }
        resetData();
    }

    private void record(ReceivedCall call) {
        synchronized (calls) {
            if (calls.size() == CALLS_KEPT) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
    }

    private boolean applyFault(Fault fault, SandboxRequest request, HttpServletResponse response)
            throws IOException {
        switch (fault.kind()) {
            case LATENCY -> {
                try {
                    Thread.sleep(fault.latencyMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case HTTP_500 -> {
                response.setStatus(500);
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<html><body><h1>500 Internal Server Error</h1></body></html>");
                return true;
            }
            case THROTTLE -> {
                writeThrottled(request, response);
                return true;
            }
            case MALFORMED -> {
                response.setStatus(200);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"code\":200,\"data\":{\"rows\":[{\"id\":");
                return true;
            }
            case DROP -> {
                // Promise more bytes than are sent and close: the client sees the connection end mid-answer.
                response.setStatus(200);
                response.setHeader("Connection", "close");
                response.setContentType("application/json;charset=UTF-8");
                response.setContentLength(4096);
                OutputStream out = response.getOutputStream();
                out.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            }
            default -> throw new IllegalStateException("unhandled fault " + fault.kind());
        }
    }

    private void admin(String path, SandboxRequest request, HttpServletResponse response) throws IOException {
        String method = request.method();
        try {
            if (path.equals("/calls") && method.equals("GET")) {
                writeJson(response, 200, calls());
            } else if (path.equals("/reset") && method.equals("POST")) {
                reset();
                writeJson(response, 200, Map.of("reset", true));
            } else if (path.equals("/faults") && method.equals("GET")) {
                writeJson(response, 200, faults.list());
            } else if (path.equals("/faults") && method.equals("POST")) {
                installFault(JSON.readValue(request.body(), Fault.class));
                writeJson(response, 200, faults.list());
            } else if (path.equals("/faults") && method.equals("DELETE")) {
                clearFaults();
                writeJson(response, 200, faults.list());
            } else if (path.equals("/rate-limit") && method.equals("GET")) {
                writeJson(response, 200, Map.of("perSecond", rateLimits.perSecond()));
            } else if (path.equals("/rate-limit") && method.equals("POST")) {
                JsonNode body = JSON.readTree(request.body());
                setRateLimit(body.path("perSecond").asInt(-1));
                writeJson(response, 200, Map.of("perSecond", rateLimits.perSecond()));
            } else if (!handleAdmin(path, request, response)) {
                writeJson(response, 404, Map.of("error", "unknown admin endpoint " + method + " /_admin" + path));
            }
        } catch (IllegalArgumentException | IOException e) {
            writeJson(response, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /** Writes {@code body} as JSON (UTF-8) with the given status. */
    protected static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A new JSON object to fill. */
    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
