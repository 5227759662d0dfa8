package io.yunqiao.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the official JSONata test suite (1686 cases of jsonata-js 2.2.2) against every engine, prints pass/fail per
 * group, and holds the choice of the default engine and each engine's pass count to what was measured.
 *
 * <p>The suite is not part of the repository: the system property {@value JsonataSuite#LOCATION_PROPERTY} or the
 * environment variable {@value JsonataSuite#LOCATION_VARIABLE} names its folder (docs/development.md). Without it the
 * test is skipped.
 */
class JsonataConformanceTest {

    /**
     * Measured on the suite of jsonata-js 2.2.2 (1686 cases), less a little headroom: a drop below is a regression of
     * the engine or of our wiring (functions, value conversion, null handling).
     */
    private static final Map<String, Integer> FLOORS = Map.of(
            DashjoinEngine.ID, 1600,
            Jsonata4JavaEngine.ID, 1240);

    /** On top of a case's own time limit, for thread hand-over and a slow CI machine. */
    private static final long MARGIN_MILLIS = 3_000;

    private static List<JsonataSuite.Case> cases;
    private static final Map<String, Map<JsonataSuite.Case, Boolean>> OUTCOMES = new LinkedHashMap<>();

    @BeforeAll
    static void runTheSuiteOnEveryEngine() {
        Path suite = JsonataSuite.location();
        assumeTrue(suite != null, "no official JSONata test suite given: point -D" + JsonataSuite.LOCATION_PROPERTY
                + "=… or " + JsonataSuite.LOCATION_VARIABLE + " at a copy of jsonata-js test/test-suite");
        assumeTrue(Files.isDirectory(suite.resolve("groups")), "the official JSONata test suite is not at " + suite
                + ": point -D" + JsonataSuite.LOCATION_PROPERTY + "=… at the folder of jsonata-js test/test-suite"
                + " (groups/, datasets/)");
        cases = JsonataSuite.load(suite);
        // the engines run side by side, each case by case on its own worker
        ExecutorService runners = Executors.newFixedThreadPool(MappingEngines.ids().size());
        try {
            Map<String, CompletableFuture<Map<JsonataSuite.Case, Boolean>>> runs = new LinkedHashMap<>();
            for (String id : MappingEngines.ids()) {
                runs.put(id, CompletableFuture.supplyAsync(() -> run(MappingEngines.named(id)), runners));
            }
            runs.forEach((id, run) -> OUTCOMES.put(id, run.join()));
        } finally {
            runners.shutdownNow();
        }
        System.out.println(table());
    }

    @Test
    void theDefaultEngineIsTheOneThatPassesMoreOfTheSuite() {
        String best = OUTCOMES.keySet().stream().max((a, b) -> Long.compare(passes(a), passes(b))).orElseThrow();

        assertThat(MappingEngines.DEFAULT_ID).as("default engine; passes per engine: %s", totals()).isEqualTo(best);
    }

    @Test
    void everyEnginePassesAtLeastWhatItPassedWhenItWasChosen() {
        for (String id : OUTCOMES.keySet()) {
            assertThat(passes(id)).as("cases of the official suite passed by %s; failed: %s", id, failures(id))
                    .isGreaterThanOrEqualTo(FLOORS.get(id));
        }
    }

    @Test
    void theWholeSuiteRan() {
        assertThat(cases).as("cases in the suite at %s", JsonataSuite.location()).hasSizeGreaterThan(1600);
    }

    private static Map<JsonataSuite.Case, Boolean> run(MappingEngine engine) {
        long started = System.nanoTime();
        Map<JsonataSuite.Case, Boolean> outcomes = new LinkedHashMap<>();
        ExecutorService worker = newWorker(engine.id());
        try {
            for (JsonataSuite.Case c : cases) {
                Future<Boolean> outcome = worker.submit(() -> JsonataSuite.passes(engine, c));
                try {
                    outcomes.put(c, outcome.get(c.timeLimitMillis() + MARGIN_MILLIS, TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    // a runaway case keeps its thread; the engine's own time box ends it, the suite goes on
                    outcome.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker(engine.id());
                    outcomes.put(c, false);
                    System.out.println(engine.id() + " timed out: " + c);
                } catch (ExecutionException e) {
                    outcomes.put(c, false);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while running " + c, e);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("%s ran the suite in %d ms%n", engine.id(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return outcomes;
    }

    private static ExecutorService newWorker(String engine) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "jsonata-suite-" + engine);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static long passes(String engine) {
        return OUTCOMES.get(engine).values().stream().filter(Boolean::booleanValue).count();
    }

    private static Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        OUTCOMES.keySet().forEach(id -> totals.put(id, passes(id)));
        return totals;
    }

    private static List<String> failures(String engine) {
        List<String> failed = new ArrayList<>();
        OUTCOMES.get(engine).forEach((c, passed) -> {
            if (!passed) {
                failed.add(c.group() + "/" + c.name());
            }
        });
        return failed;
    }

    private static String table() {
        List<String> engines = new ArrayList<>(OUTCOMES.keySet());
        StringBuilder table = new StringBuilder("\nOfficial JSONata test suite, passed/cases per group\n");
        table.append(String.format("%-28s %6s", "group", "cases"));
        engines.forEach(id -> table.append(String.format(" %14s", id)));
        table.append('\n');
        Map<String, List<JsonataSuite.Case>> groups = new TreeMap<>();
        cases.forEach(c -> groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
        groups.forEach((group, inGroup) -> {
            table.append(String.format("%-28s %6d", group, inGroup.size()));
            for (String id : engines) {
                long passed = inGroup.stream().filter(OUTCOMES.get(id)::get).count();
                long failed = inGroup.size() - passed;
                table.append(String.format(" %14s", passed + (failed == 0 ? "" : " (-" + failed + ")")));
            }
            table.append('\n');
        });
        table.append(String.format("%-28s %6d", "TOTAL", cases.size()));
        for (String id : engines) {
            double percent = 100.0 * passes(id) / cases.size();
            table.append(String.format(" %14s", String.format("%d %.1f%%", passes(id), percent)));
        }
        return table.append('\n').toString();
    }
}
