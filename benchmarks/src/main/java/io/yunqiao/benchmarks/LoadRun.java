package io.yunqiao.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Drives one operation from N threads for a fixed time and summarises throughput and latency. */
final class LoadRun {

    /** One call; answers whether it succeeded. */
    @FunctionalInterface
    interface Call {
        boolean run(int thread, long sequence) throws Exception;
    }

    record Result(int threads, long calls, long failures, double perSecond, double p50Millis, double p99Millis) {
    }

    private LoadRun() {
    }

    static Result drive(int threads, Duration warmup, Duration measured, Call call) throws Exception {
        run(threads, warmup, call);
        return run(threads, measured, call);
    }

    private static Result run(int threads, Duration length, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                long sequence = 0;
                while (System.nanoTime() < deadline) {
                    long before = System.nanoTime();
                    if (!call.run(thread, sequence++)) {
                        failures.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - before;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> perThread = new ArrayList<>();
        for (Future<long[]> future : futures) {
            perThread.add(future.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(threads, all.length, failures.get(), all.length / seconds,
                percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double share) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * share))] / 1e6;
    }
}
