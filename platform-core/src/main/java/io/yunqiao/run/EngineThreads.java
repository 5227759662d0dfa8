package io.yunqiao.run;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The engine's threads, created with this bean and stopped with the platform: the run threads (a run in the
 * background, and the writing side of every run) and the writers that send records to targets
 * ({@code yunqiao.engine.writers}).
 *
 * <p>A deliberate stop (SIGTERM, closing the application) drains this node first ({@link #stop(Runnable)}): its
 * Quartz scheduler stops taking triggers, the node stops claiming work and helping other nodes, fetches no new page,
 * and lets the batches being sent finish within {@code yunqiao.engine.stop-grace}; each run then ends INTERRUPTED and
 * is continued by another node at once, or by the next start ({@link RunRecovery}). This happens in a lifecycle
 * phase before the web server's graceful shutdown (phase {@code Integer.MAX_VALUE - 1024}) and after Quartz's own
 * stop (standby, phase {@code Integer.MAX_VALUE}), long before the database closes. Whatever is still running after
 * the grace is interrupted; a run that does not even end then stays RUNNING, for recovery, as after a crash.
 */
@Component
class EngineThreads implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EngineThreads.class);

    /** Between Quartz's standby and the web server's graceful shutdown. */
    static final int PHASE = Integer.MAX_VALUE - 512;

    /** How long interrupted work gets to give back its claims and end its run, after the grace. */
    private static final long AFTER_INTERRUPT_MILLIS = 10_000;

    private final ExecutorService runs;
    private final ExecutorService writers;
    private final Duration grace;
    private final ObjectProvider<Scheduler> scheduler;
    /** The threads doing a run's work or helping another node's run on this node: a stop waits for them. */
    private final Set<Thread> working = ConcurrentHashMap.newKeySet();
    /** Set when the platform stops: runs interrupted by it are left for recovery, not failed. */
    private volatile boolean stopping;
    /** Set when a deliberate stop begins: no new work, no new page, no new batch. */
    private volatile boolean draining;
    private volatile boolean running;

    /**
     * @param database taken only so that Spring stops these threads before it closes the database (a bean's
     *                 dependents are destroyed first): a run stopped by the platform must find the database open
     */
    @Autowired
    EngineThreads(@Value("${yunqiao.engine.writers:4}") int writerThreads,
            @Value("${yunqiao.engine.stop-grace:30s}") Duration grace, ObjectProvider<Scheduler> scheduler,
            EntityManagerFactory database,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration phaseTimeout) {
        this.runs = Executors.newCachedThreadPool(named("yunqiao-run-"));
        this.writers = Executors.newFixedThreadPool(Math.max(1, writerThreads), named("yunqiao-writer-"));
        this.grace = grace == null || grace.isNegative() ? Duration.ZERO : grace;
        this.scheduler = scheduler;
        Duration drain = this.grace.plusMillis(AFTER_INTERRUPT_MILLIS);
        if (phaseTimeout != null && drain.compareTo(phaseTimeout) > 0) {
            // Spring would stop waiting and close the database under the drain: its runs would stay RUNNING
            LOG.warn("yunqiao.engine.stop-grace ({} s) plus {} s to give back claims is longer than"
                    + " spring.lifecycle.timeout-per-shutdown-phase ({} s): a stop may close the database before the"
                    + " runs have ended; raise the phase timeout above {} s (docs/operations.md, \"Stopping a node\")",
                    this.grace.toSeconds(), AFTER_INTERRUPT_MILLIS / 1000, phaseTimeout.toSeconds(),
                    drain.toSeconds());
        }
    }

    /** For tests: a phase timeout long enough for any grace. */
    EngineThreads(int writerThreads, Duration grace, ObjectProvider<Scheduler> scheduler,
            EntityManagerFactory database) {
        this(writerThreads, grace, scheduler, database, null);
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

    /** Whether this node is stopping deliberately: it starts nothing new and ends its runs INTERRUPTED. */
    boolean draining() {
        return draining;
    }

    /**
     * Counts the calling thread as doing engine work until the answer is closed: a deliberate stop waits for it
     * (and interrupts it after the grace).
     */
    Work working() {
        Thread thread = Thread.currentThread();
        working.add(thread);
        return () -> working.remove(thread);
    }

    /** Engine work of one thread: closed (in a finally block) when the work ends. */
    interface Work {
        void close();
    }

    @Override
    public void start() {
        draining = false;
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void stop() {
        drain();
    }

    /** Drains on its own thread: Spring waits for it up to {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    @Override
    public void stop(Runnable callback) {
        Thread drainer = new Thread(() -> {
            try {
                drain();
            } finally {
                callback.run();
            }
        }, "yunqiao-drain");
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain() {
        running = false;
        // no new run from this node's scheduler while the running ones end (it may run though Spring did not start
        // it: tests start it by hand)
        Scheduler quartz = scheduler.getIfAvailable();
        if (quartz != null) {
            try {
                quartz.standby();
            } catch (SchedulerException e) {
                LOG.warn("the scheduler did not go to standby: {}", e.toString());
            }
        }
        draining = true;
        if (working.isEmpty()) {
            return;
        }
        LOG.info("stopping: waiting up to {} s for {} run(s) of this node to finish the batches they are sending",
                grace.toSeconds(), working.size());
        if (!awaitIdle(grace.toMillis())) {
            LOG.warn("stopping: the grace of {} s is over; interrupting the work still under way (what was not"
                    + " recorded is given back, as possibly sent when its sending began)", grace.toSeconds());
            working.forEach(Thread::interrupt);
            awaitIdle(AFTER_INTERRUPT_MILLIS);
        }
        LOG.info("stopping: the runs of this node have ended");
    }

    private boolean awaitIdle(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!working.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return working.isEmpty();
            }
        }
        return true;
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        stopping = true;
        runs.shutdownNow();
        writers.shutdownNow();
        runs.awaitTermination(5, TimeUnit.SECONDS);
    }
}
