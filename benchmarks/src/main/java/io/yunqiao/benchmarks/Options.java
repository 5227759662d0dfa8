package io.yunqiao.benchmarks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options with defaults; an unknown option stops the run with the list of known ones. */
record Options(Map<String, String> values) {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("seconds", "10"),
            Map.entry("warmup", "5"),
            Map.entry("threads", "1,8,32"),
            Map.entry("bills", "10000"),
            Map.entry("sizes", "20000,100000"),
            Map.entry("per-bill-sizes", "20000,100000"),
            Map.entry("db", "h2,postgres"),
            Map.entry("heap", "256m"),
            Map.entry("sides", "all"),
            Map.entry("log-level", "ALL"),
            Map.entry("tables", "no"),
            Map.entry("progress-from", "500000"),
            Map.entry("scenario", "seed"),
            Map.entry("source-url", ""),
            Map.entry("target-url", ""),
            Map.entry("database-url", ""),
            Map.entry("writers", "4"),
            Map.entry("rate", "50"),
            Map.entry("rate-bills", "600"),
            Map.entry("nodes", "1,2"),
            Map.entry("backlog", "10000"),
            Map.entry("latencies", "0,20"),
            Map.entry("db-url", ""),
            Map.entry("lengths", "16384,65536,131072,400000"),
            Map.entry("samples", "sandbox"),
            Map.entry("show", "errors"),
            Map.entry("records", "1000000"),
            Map.entry("queries", "100"),
            Map.entry("thresholds", "0.5,0.6,0.65,0.7,0.75,0.8,0.85,0.9"));

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!DEFAULTS.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i] + "'; options: "
                        + DEFAULTS.keySet() + " each followed by a value");
            }
            values.put(name, args[i + 1]);
        }
        return new Options(values);
    }

    String text(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    List<String> texts(String name) {
        return Arrays.stream(values.get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A comma-separated list of whole numbers; {@code none} for an empty list. */
    List<Integer> integers(String name) {
        return texts(name).stream().filter(value -> !value.equalsIgnoreCase("none")).map(Integer::parseInt)
                .toList();
    }
}
