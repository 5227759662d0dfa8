package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.mapping.RecordFilter;
import io.yunqiao.mapping.TargetValidator;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Compiles a solution version's record filter, mapping and target-key expression once and keeps them for every run
 * of that version; each record is then tested by the filter (a record it leaves out is skipped, unmapped), evaluated,
 * validated against the target operation, and given its target key.
 */
@Component
public class Preparations {

    private final MappingEngine engine;
    private final ConnectorRegistry registry;
    private final MappingContext context;
    private final Map<String, RecordPreparation> compiled = new ConcurrentHashMap<>();

    Preparations(MappingEngine engine, ConnectorRegistry registry, DatabaseLookups lookups) {
        this.engine = engine;
        this.registry = registry;
        this.context = new MappingContext(lookups, lookups);
    }

    RecordPreparation of(long solutionId, int version, SolutionSpec spec) {
        return compiled.computeIfAbsent(solutionId + "@" + version, key -> build(spec));
    }

    /** The context every mapping evaluates in: value maps and other solutions' staged records. */
    public MappingContext context() {
        return context;
    }

    private RecordPreparation build(SolutionSpec spec) {
        Mapping mapping = engine.compile(spec.target().mapping());
        String keyExpression = spec.dedupe().targetKey();
        Mapping targetKey = keyExpression == null || keyExpression.isBlank() ? null : engine.compile(keyExpression);
        OperationDefinition target = registry.operation(spec.target().connector(), spec.target().operation());
        ExistingPolicy existing = existing(spec);
        RecordFilter filter = RecordFilter.compile(engine, spec.filter());
        return new RecordPreparation() {
            @Override
            public Prepared prepare(JsonNode record) {
                Prepared filtered = filtered(filter, record);
                return filtered != null ? filtered
                        : existing.keep(record, Preparations.this.prepare(record, mapping, targetKey, target));
            }

            @Override
            public ExistingPolicy existing() {
                return existing;
            }
        };
    }

    /** The already-exists policy, its update mapping compiled once like the main mapping. */
    private ExistingPolicy existing(SolutionSpec spec) {
        SolutionSpec.Existing existing = spec.existing();
        if (existing.policy() != SolutionSpec.Existing.Policy.UPDATE) {
            return existing.policy() == SolutionSpec.Existing.Policy.FAIL ? ExistingPolicy.FAIL
                    : new ExistingPolicy(existing.policy(), null, null, null, context);
        }
        return new ExistingPolicy(existing.policy(), existing.operation(), engine.compile(existing.mapping()),
                registry.operation(spec.target().connector(), existing.operation()), context);
    }

    /**
     * What the record filter makes of a record: {@code null} to map it; a record left out is skipped; a filter that
     * fails on the record fails it (a broken condition must not silently drop records), naming the filter.
     */
    private Prepared filtered(RecordFilter filter, JsonNode record) {
        RecordFilter.Verdict verdict = filter.test(record, context);
        if (verdict.failed()) {
            return new Prepared(null, null, StoredMessage.of("record.filter.failed", filter.expression(),
                    verdict.error()).store());
        }
        return verdict.keep() ? null
                : Prepared.leftOut(StoredMessage.of("record.filter.skipped", filter.expression()).store());
    }

    private Prepared prepare(JsonNode record, Mapping mapping, Mapping targetKey, OperationDefinition target) {
        MappingResult result = mapping.evaluate(record, context);
        if (result.isFailure()) {
            return new Prepared(null, null, StoredMessage.of("record.mapping.failed", result.error()).store());
        }
        if (!result.hasOutput()) {
            return new Prepared(null, null, StoredMessage.of("record.mapping.noOutput").store());
        }
        JsonNode body = result.output();
        String key = null;
        if (targetKey != null) {
            MappingResult keyResult = targetKey.evaluate(body, context);
            if (keyResult.hasOutput() && keyResult.output().isValueNode() && !keyResult.output().asText().isEmpty()) {
                key = keyResult.output().asText();
            } else {
                return new Prepared(body, null, keyResult.isFailure()
                        ? StoredMessage.of("record.targetKey.failed", targetKey.expression(), keyResult.error()).store()
                        : StoredMessage.of("record.targetKey.noValue", targetKey.expression()).store());
            }
        }
        List<TargetValidator.FieldProblem> problems = TargetValidator.validate(body, target);
        if (!problems.isEmpty()) {
            return new Prepared(body, key, problems.stream().map(TargetValidator.FieldProblem::message)
                    .collect(Collectors.joining("; ")));
        }
        return new Prepared(body, key, null);
    }
}
