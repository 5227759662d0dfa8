package io.yunqiao.benchmarks;

import java.util.Arrays;

/**
 * Entry point of the benchmark commands; each prints its numbers and exits. Run with
 * {@code java -jar benchmarks/target/yunqiao-benchmarks.jar <name> [options]} (see docs/benchmarks.md).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "help" : args[0];
        String[] options = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "sandboxes" -> SandboxThroughput.run(Options.parse(options));
            case "sync" -> SyncThroughput.run(Options.parse(options));
            // the engine's run of sync in a child JVM of its own heap size; sync starts it
            case "sync-engine" -> SyncThroughput.runChild(Options.parse(options));
            case "cluster" -> ClusterThroughput.run(Options.parse(options));
            case "mapping-parse" -> MappingParse.run(Options.parse(options));
            case "suggest" -> SuggestPrecision.run(Options.parse(options));
            case "search" -> SearchLatency.run(Options.parse(options));
            default -> {
                System.out.println("usage: java -jar yunqiao-benchmarks.jar sandboxes [--seconds N] [--warmup N]"
                        + " [--threads 1,8,32] [--bills N]");
                System.out.println("       java -jar yunqiao-benchmarks.jar sync [--sizes 20000,100000]"
                        + " [--per-bill-sizes 20000,100000] [--db h2,postgres] [--db-url jdbc:postgresql://host:5432/]"
                        + " [--heap 256m|none] [--log-level ALL|FAILURES|SUMMARY] [--progress-from 500000]"
                        + " [--writers 4] [--rate 50] [--rate-bills 600]");
                System.out.println("       java -jar yunqiao-benchmarks.jar cluster [--nodes 1,2] [--backlog 10000]"
                        + " [--latencies 0,20] [--writers 4] [--db-url jdbc:postgresql://...]");
                System.out.println("       java -jar yunqiao-benchmarks.jar mapping-parse"
                        + " [--lengths 16384,65536,131072,400000]");
                System.out.println("       java -jar yunqiao-benchmarks.jar suggest [--samples sandbox|none]"
                        + " [--show errors|all] [--thresholds 0.5,0.6,0.7,0.8]");
                System.out.println("       java -jar yunqiao-benchmarks.jar search [--records 1000000] [--queries 100]"
                        + " [--db h2,postgres] [--db-url jdbc:postgresql://host:5432/]");
                System.out.println("  sandboxes  requests/s each sandbox sustains on loopback: Kingdee list pages of"
                        + " 100 bills, Jackyun signed customer adds");
                System.out.println("  sync       the seed solution (engine) against a hand-written loop (baseline):"
                        + " bills/s, writes/s, ratio, time to first write, live heap by phase, bytes per record,"
                        + " the engine at a small heap; then a rate-limited run");
                System.out.println("  cluster    one backlog on PostgreSQL written by 1 node, then by 2 nodes:"
                        + " records/s of the run and of its write phase");
                System.out.println("  mapping-parse  milliseconds to compile JSONata expressions by shape and length,"
                        + " what yunqiao.limits.mapping-length bounds");
                System.out.println("  suggest    smart suggestions against every shipped template's mapping: made,"
                        + " correct, precision and recall per template and overall, by threshold");
                System.out.println("  search     search by business key at N staged records: median, p99 and slowest"
                        + " milliseconds per kind of query, on H2 and PostgreSQL");
                if (!"help".equals(name)) {
                    System.exit(2);
                }
            }
        }
    }
}
