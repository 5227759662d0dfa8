package io.yunqiao.benchmarks;

import io.yunqiao.sandbox.ReceivedCall;
import io.yunqiao.sandbox.SandboxServlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Jackyun sandbox as the benchmark serves it: the same servlet, watched from the target's side. It notes when
 * the target stored its first customer (the sandbox's own time of the answer), whoever wrote it (the engine in this
 * JVM or in a child JVM, or the baseline), so "time to first write" does not depend on the engine's record log,
 * which a solution at log level SUMMARY keeps only for failures. Everything else is the sandbox's own work.
 */
final class TargetWatch extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String GATEWAY = "/open/openapi/do";
    private static final String SUCCESS = "200";
    private static final String THROTTLED = "0859999999";

    private final transient SandboxServlet sandbox;
    private volatile Instant armedAt = Instant.MIN;
    private volatile Instant firstWrite;

    TargetWatch(SandboxServlet sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        sandbox.init(config);
    }

    @Override
    public void destroy() {
        sandbox.destroy();
        super.destroy();
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        sandbox.service(request, response);
        if (firstWrite == null) {
            // only until the first write is seen: then the call list stays unread however long it grows
            noteFirstWrite();
        }
    }

    private synchronized void noteFirstWrite() {
        if (firstWrite != null) {
            return;
        }
        for (ReceivedCall call : sandbox.calls()) {
            if (isWrite(call) && !call.at().isBefore(armedAt)) {
                firstWrite = call.at();
                return;
            }
        }
    }

    /** Forgets what the target stored and what it saw; the next successful add is the next first write. */
    void reset(String baseUrl) throws IOException, InterruptedException {
        // not under the lock: the reset call itself passes through service()
        SyncThroughput.post(baseUrl + "/_admin/reset");
        synchronized (this) {
            firstWrite = null;
            armedAt = Instant.now();
        }
    }

    /** From {@code start} to the target's first stored customer since the last reset; null when none. */
    Duration firstWriteAfter(Instant start) {
        Instant first = firstWrite;
        return first == null ? null : Duration.between(start, first);
    }

    /** The successful adds the target answered since the last reset (the sandbox keeps the last 10,000 calls). */
    List<Instant> writes() {
        return sandbox.calls().stream().filter(TargetWatch::isWrite).map(ReceivedCall::at).toList();
    }

    /** How many calls since the last reset the target answered "too many calls". */
    long throttled() {
        return sandbox.calls().stream().filter(call -> THROTTLED.equals(call.outcome().get("subCode"))).count();
    }

    private static boolean isWrite(ReceivedCall call) {
        return GATEWAY.equals(call.path()) && SUCCESS.equals(call.outcome().get("code"));
    }
}
