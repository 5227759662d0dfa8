package io.yunqiao.web.engine;

import io.yunqiao.run.RunCountsMismatched;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The assertion every engine test shares: each run that ends by its counts accounts for every record (fetched +
 * carried = written + skipped + failed + unconfirmed + unchanged + valid). As a component it is scanned into every
 * test application and hears each run whose counts do not add up; as a JUnit extension (registered for every test
 * class through {@code META-INF/services}, with autodetection on in {@code junit-platform.properties}) it fails the
 * test during which such a run ended.
 */
@Component
public class CountsAddUp implements AfterEachCallback {

    private static final List<RunCountsMismatched> MISMATCHED = new ArrayList<>();

    @EventListener
    void on(RunCountsMismatched mismatched) {
        synchronized (MISMATCHED) {
            MISMATCHED.add(mismatched);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<RunCountsMismatched> seen;
        synchronized (MISMATCHED) {
            seen = List.copyOf(MISMATCHED);
            MISMATCHED.clear();
        }
        if (!seen.isEmpty()) {
            throw new AssertionError("runs whose counts do not add up ended during " + context.getDisplayName()
                    + ": " + seen);
        }
    }
}
