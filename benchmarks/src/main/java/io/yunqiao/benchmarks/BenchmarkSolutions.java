package io.yunqiao.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The seed solution as the benchmarks run it: copied from its template onto two sandbox connections, then changed
 * through the spec's JSON, as an export edited by hand and saved again would be. Going through the JSON (not the
 * spec's constructor) keeps the benchmarks compiling when the spec gains a part, and lets them set a part this
 * build may not know yet, such as the log level.
 */
final class BenchmarkSolutions {

    static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    /** The spec's JSON property of the record log level (全部 / 仅失败 / 仅摘要). */
    static final String LOG_LEVEL = "logLevel";
    /** What a solution without a log level keeps: every record in full. */
    static final String DEFAULT_LOG_LEVEL = "ALL";

    private BenchmarkSolutions() {
    }

    /**
     * What to change in the seed solution.
     *
     * @param mapping   the JSONata mapping; null keeps the template's
     * @param targetKey the target-key dedupe expression; null keeps the template's
     * @param rateLimit requests per second to the target; 0 = none
     * @param logLevel  ALL, FAILURES or SUMMARY
     */
    record Changes(String mapping, String targetKey, double rateLimit, String logLevel) {
    }

    static Map<String, String> kingdeeValues(String baseUrl) {
        return Map.of("baseUrl", baseUrl, "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                "username", "demo", "password", "demo-pass");
    }

    static Map<String, String> jackyunValues(String baseUrl) {
        return Map.of("baseUrl", baseUrl + "/open/openapi/do", "appKey", "100200",
                "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    }

    /**
     * Creates the two connections and the solution on the platform, with the window over the sandbox's whole data
     * set (31 days, one window) and {@code changes}; answers the solution's id.
     *
     * @throws IllegalStateException when a log level other than the default is asked for and this build's
     *                               solution spec has no log level
     */
    static long create(ConfigurableApplicationContext platform, String name, String kingdeeUrl, String jackyunUrl,
            Changes changes) {
        Connections connections = platform.getBean(Connections.class);
        long source = connections.create(new ConnectionDraft("金蝶", "kingdee-jdy", kingdeeValues(kingdeeUrl))).id();
        long target = connections.create(new ConnectionDraft("吉客云", "jackyun", jackyunValues(jackyunUrl))).id();
        SolutionView copied = platform.getBean(Templates.class).copy(SEED, name, source, target);
        ObjectNode spec = Solutions.SPEC_JSON.valueToTree(copied.spec());
        spec.remove("description");
        spec.putObject("window").put("start", "P31D").put("overlapSeconds", 300).put("maxWindowHours", 744);
        if (changes.mapping() != null) {
            ((ObjectNode) spec.get("target")).put("mapping", changes.mapping());
        }
        if (changes.targetKey() != null) {
            spec.putObject("dedupe").put("targetKey", changes.targetKey());
        }
        spec.putObject("rateLimit").put("perSecond", changes.rateLimit());
        String level = changes.logLevel().toUpperCase(Locale.ROOT);
        if (spec.has(LOG_LEVEL) || !DEFAULT_LOG_LEVEL.equals(level)) {
            spec.put(LOG_LEVEL, level);
        }
        SolutionSpec changed;
        try {
            changed = Solutions.SPEC_JSON.treeToValue(spec, SolutionSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the solution spec of this build does not take " + LOG_LEVEL + " '"
                    + level + "' (" + e.getOriginalMessage() + "); run with --log-level " + DEFAULT_LOG_LEVEL, e);
        }
        long id = platform.getBean(Solutions.class).update(copied.id(), changed, "benchmark").id();
        String applied = logLevelOf(platform, id);
        if (!applied.equals(level)) {
            throw new IllegalStateException("asked for log level " + level + ", the saved solution has " + applied);
        }
        return id;
    }

    /** The log level the saved solution runs with: ALL where the spec has none (builds before log levels). */
    static String logLevelOf(ConfigurableApplicationContext platform, long solution) {
        ObjectNode saved = Solutions.SPEC_JSON.valueToTree(platform.getBean(Solutions.class).current(solution)
                .spec());
        return saved.path(LOG_LEVEL).asText(DEFAULT_LOG_LEVEL);
    }
}
