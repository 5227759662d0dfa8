package io.yunqiao.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.function.Function;

/**
 * The available {@link MappingEngine}s by configuration id ({@value #CONFIG_KEY}).
 *
 * <p>{@value #DEFAULT_ID} is the default: it passes the most of the official JSONata test suite (see
 * {@code JsonataConformanceTest} and docs/mapping.md).
 */
public final class MappingEngines {

    /** The configuration key that selects the engine. */
    public static final String CONFIG_KEY = "yunqiao.mapping.engine";

    /** Dashjoin jsonata-java: the engine that passes more of the official suite. */
    public static final String DEFAULT_ID = DashjoinEngine.ID;

    private static final Map<String, Function<EvaluationLimits, MappingEngine>> ENGINES = Map.of(
            DashjoinEngine.ID, DashjoinEngine::new,
            Jsonata4JavaEngine.ID, Jsonata4JavaEngine::new);

    private MappingEngines() {
    }

    /** Every engine id, sorted. */
    public static List<String> ids() {
        return ENGINES.keySet().stream().sorted().toList();
    }

    /** The default engine, {@value #DEFAULT_ID}. */
    public static MappingEngine defaultEngine() {
        return named(DEFAULT_ID);
    }

    /**
     * The engine with that id (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException for an unknown id, listing the ones there are
     */
    public static MappingEngine named(String id) {
        return named(id, Duration.ofMillis(EvaluationLimits.RECORD.timeoutMillis()));
    }

    /**
     * The engine with that id, whose mappings give each evaluation (one record) {@code evaluationBudget} of wall
     * clock time before failing it as a record error.
     *
     * @throws IllegalArgumentException for an unknown id, listing the ones there are
     */
    public static MappingEngine named(String id, Duration evaluationBudget) {
        Function<EvaluationLimits, MappingEngine> engine = id == null ? null : ENGINES.get(id.strip().toLowerCase(Locale.ROOT));
        if (engine == null) {
            throw new IllegalArgumentException("未知的映射引擎 '" + id + "'，" + CONFIG_KEY + " 可选: "
                    + String.join(", ", ids()) + " (unknown mapping engine '" + id + "'; set " + CONFIG_KEY
                    + " to one of: " + String.join(", ", ids()) + ")");
        }
        return engine.apply(new EvaluationLimits(evaluationBudget.toMillis(), Integer.MAX_VALUE));
    }
}
