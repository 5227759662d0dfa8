package io.yunqiao.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Watches one side's run from a thread of its own: the live heap (used heap right after a full GC) when every bill
 * has been fetched (and, for the engine, staged) and when every bill has its outcome, and, for long runs, a
 * progress line every 10% of the bills (and at 10,000 bills) with the live heap at that point, so a flat heap can be
 * read off the output. The full GCs stop the run while they last; their total is left out of the run's time.
 */
final class PhaseSampler implements AutoCloseable {

    private static final long POLL_MILLIS = 20;
    private static final long FLAT_CHECK_BILLS = 10_000;
    private static final AtomicLong GC_NANOS = new AtomicLong();

    private final String label;
    private final int bills;
    private final IntSupplier fetched;
    private final IntSupplier outcomes;
    private final long startedNanos;
    private final List<Long> steps;
    private final Thread thread;
    private final long gcNanosAtStart = GC_NANOS.get();
    private volatile boolean stopped;
    private long endedNanos;
    private long gcNanosAtEnd;
    private volatile Sample staged;
    private volatile Sample written;

    /** The live heap at a moment of the run, seconds from its start. */
    record Sample(double seconds, long liveBytes) {
    }

    /**
     * @param label    what the progress lines call the run
     * @param bills    how many bills the run fetches
     * @param fetched  bills fetched so far (for the engine: staged)
     * @param outcomes bills with an outcome so far: written, skipped as duplicates, or failed
     * @param progress whether to print progress lines
     */
    PhaseSampler(String label, int bills, IntSupplier fetched, IntSupplier outcomes, boolean progress) {
        this.label = label;
        this.bills = bills;
        this.fetched = fetched;
        this.outcomes = outcomes;
        this.steps = progress ? steps(bills) : List.of();
        this.startedNanos = System.nanoTime();
        this.thread = new Thread(this::watch, "benchmark-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private static List<Long> steps(int bills) {
        List<Long> steps = new ArrayList<>();
        if (bills > 10 * FLAT_CHECK_BILLS) {
            steps.add(FLAT_CHECK_BILLS);
        }
        for (int tenth = 1; tenth <= 10; tenth++) {
            steps.add((long) bills * tenth / 10);
        }
        return steps;
    }

    private void watch() {
        int nextFetched = 0;
        int nextOutcome = 0;
        while (!stopped) {
            long nowFetched = fetched.getAsInt();
            long nowOutcomes = outcomes.getAsInt();
            boolean fetchDone = staged == null && nowFetched >= bills;
            boolean outcomesDone = written == null && nowOutcomes >= bills;
            boolean fetchStep = nextFetched < steps.size() && nowFetched >= steps.get(nextFetched);
            boolean outcomeStep = nextOutcome < steps.size() && nowOutcomes >= steps.get(nextOutcome);
            if (fetchDone || outcomesDone || fetchStep || outcomeStep) {
                Sample sample = sample();
                if (fetchDone) {
                    staged = sample;
                }
                if (outcomesDone) {
                    written = sample;
                }
                if (fetchStep || outcomeStep) {
                    System.out.printf("  progress %s: %,d of %,d bills fetched, %,d with an outcome, at %.1f s:"
                            + " live heap %d MB%n", label, nowFetched, bills, nowOutcomes, sample.seconds(),
                            sample.liveBytes() >> 20);
                }
                while (nextFetched < steps.size() && nowFetched >= steps.get(nextFetched)) {
                    nextFetched++;
                }
                while (nextOutcome < steps.size() && nowOutcomes >= steps.get(nextOutcome)) {
                    nextOutcome++;
                }
                continue;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Sample sample() {
        double at = (System.nanoTime() - startedNanos) / 1e9;
        return new Sample(at, liveHeap());
    }

    /** Used heap right after a full GC (with G1, {@code System.gc()} is a full, stop-the-world collection). */
    static long liveHeap() {
        long started = System.nanoTime();
        System.gc();
        GC_NANOS.addAndGet(System.nanoTime() - started);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** When every bill had been fetched (and staged), with the live heap then; null when that was not seen. */
    Sample staged() {
        return staged;
    }

    /** When every bill had its outcome, with the live heap then; null when that was not seen. */
    Sample written() {
        return written;
    }

    /** Seconds from this sampler's start to its close (call it the moment the run ends). */
    double wallSeconds() {
        return (endedNanos - startedNanos) / 1e9;
    }

    /**
     * Seconds the benchmark's own full GCs took between this sampler's start and its close. They stop the whole JVM
     * (with G1, {@code System.gc()} is a stop-the-world collection), so the run lasted that much longer.
     */
    double gcSeconds() {
        return (gcNanosAtEnd - gcNanosAtStart) / 1e9;
    }

    /**
     * Stops watching. A phase that ended after the last look (a short run ends within one poll) is sampled now, at
     * the run's end.
     */
    @Override
    public void close() {
        endedNanos = System.nanoTime();
        gcNanosAtEnd = GC_NANOS.get();
        stopped = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean fetchDone = staged == null && fetched.getAsInt() >= bills;
        boolean outcomesDone = written == null && outcomes.getAsInt() >= bills;
        if (fetchDone || outcomesDone) {
            Sample sample = sample();
            staged = fetchDone ? sample : staged;
            written = outcomesDone ? sample : written;
        }
    }
}
