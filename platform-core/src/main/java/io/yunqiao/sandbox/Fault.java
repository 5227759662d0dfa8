package io.yunqiao.sandbox;

/**
 * A fault a sandbox injects, either into the next {@code count} matching calls or into a share {@code rate} of them.
 *
 * @param kind       what happens
 * @param count      how many of the next matching calls fail; 0 when {@code rate} is used instead
 * @param rate       the share (0..1) of matching calls that fail, while the fault is installed
 * @param latencyMs  for {@link FaultKind#LATENCY}: the delay
 * @param pathPrefix only calls whose path starts with it match; empty matches every call
 */
public record Fault(FaultKind kind, int count, double rate, long latencyMs, String pathPrefix) {

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind: one of " + java.util.Arrays.toString(
                    FaultKind.values()));
        }
        if (count < 0 || rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a fault needs count >= 0 and 0 <= rate <= 1");
        }
        if (count == 0 && rate == 0) {
            throw new IllegalArgumentException("a fault needs either count (next N calls) or rate (share of calls)");
        }
        pathPrefix = pathPrefix == null ? "" : pathPrefix;
    }

    public static Fault next(FaultKind kind, int count) {
        return new Fault(kind, count, 0, 0, "");
    }

    public static Fault rate(FaultKind kind, double rate) {
        return new Fault(kind, 0, rate, 0, "");
    }
}
