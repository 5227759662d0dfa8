package io.yunqiao.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The faults installed in one sandbox; counted faults are used up first, in the order they were installed. */
final class Faults {

    private final List<MutableFault> installed = new ArrayList<>();

    synchronized void install(Fault fault) {
        installed.add(new MutableFault(fault, fault.count()));
    }

    synchronized void clear() {
        installed.clear();
    }

    synchronized List<Fault> list() {
        return installed.stream().map(f -> new Fault(f.fault.kind(), f.remaining, f.fault.rate(),
                f.fault.latencyMs(), f.fault.pathPrefix())).toList();
    }

    /** The fault to apply to a call on {@code path}, if any; consumes one use of a counted fault. */
    synchronized Optional<Fault> next(String path) {
        Iterator<MutableFault> it = installed.iterator();
        while (it.hasNext()) {
            MutableFault candidate = it.next();
            if (candidate.fault.count() > 0 && path.startsWith(candidate.fault.pathPrefix())) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        for (MutableFault candidate : installed) {
            if (candidate.fault.rate() > 0 && path.startsWith(candidate.fault.pathPrefix())
                    && ThreadLocalRandom.current().nextDouble() < candidate.fault.rate()) {
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }

    private static final class MutableFault {
        private final Fault fault;
        private int remaining;

        private MutableFault(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
