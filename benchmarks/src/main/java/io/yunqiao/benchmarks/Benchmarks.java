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
            default -> {
                System.out.println("usage: java -jar yunqiao-benchmarks.jar sandboxes [--seconds N] [--warmup N]"
                        + " [--threads 1,8,32] [--bills N]");
                System.out.println("  sandboxes  requests/s each sandbox sustains on loopback: Kingdee list pages of"
                        + " 100 bills, Jackyun signed customer adds");
                if (!"help".equals(name)) {
                    System.exit(2);
                }
            }
        }
    }
}
