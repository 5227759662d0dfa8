package io.yunqiao.run;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManagerFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's threads, created with this bean and stopped with the platform: the run threads (a run in the
 * background, and the writing side of every run) and the writers that send records to targets
 * ({@code yunqiao.engine.writers}). When the platform stops, runs stop with it and stay RUNNING, to be resumed at the
 * next start ({@link RunRecovery}) or taken over by another node, as after a crash.
 */
@Component
class EngineThreads {

    private final ExecutorService runs;
    private final ExecutorService writers;
    /** Set when the platform stops: runs interrupted by it are left for recovery, not failed. */
    private volatile boolean stopping;

    /**
     * @param database taken only so that Spring stops these threads before it closes the database (a bean's
     *                 dependents are destroyed first): a run stopped by the platform must find the database open
     */
    EngineThreads(@Value("${yunqiao.engine.writers:4}") int writerThreads, EntityManagerFactory database) {
        this.runs = Executors.newCachedThreadPool(named("yunqiao-run-"));
        this.writers = Executors.newFixedThreadPool(Math.max(1, writerThreads), named("yunqiao-writer-"));
    }

    /** Daemon threads named {@code prefix1, prefix2, …}: the engine's own threads never keep the JVM alive. */
    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs started in the background, and the writing side of each run. */
    ExecutorService runs() {
        return runs;
    }

    /** The threads that send records, shared by every run of this node. */
    ExecutorService writers() {
        return writers;
    }

    /** Whether the platform is stopping: a run that fails now failed because of the stop. */
    boolean stopping() {
        return stopping;
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        stopping = true;
        runs.shutdownNow();
        writers.shutdownNow();
        runs.awaitTermination(5, TimeUnit.SECONDS);
    }
}
