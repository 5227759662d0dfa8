package io.yunqiao.limit;

import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingEngine;

/**
 * An engine that refuses an expression longer than {@link InputLimits#mappingLength()} before parsing it: parsing
 * JSONata string literals takes time that grows with the square of their length, and a parse cannot be stopped
 * once started, so the length cap is what bounds the parse time of the preview, of save validation and of a run.
 */
final class CappedMappingEngine implements MappingEngine {

    private final MappingEngine engine;
    private final InputLimits limits;

    CappedMappingEngine(MappingEngine engine, InputLimits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    @Override
    public String id() {
        return engine.id();
    }

    @Override
    public Mapping compile(String expression) {
        limits.checkMapping("mapping", expression);
        return engine.compile(expression);
    }
}
