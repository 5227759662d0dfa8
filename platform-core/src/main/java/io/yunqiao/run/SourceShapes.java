package io.yunqiao.run;

import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.solution.SolutionSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shape a solution gives its fetched records before they are written: split into lines ({@link SourceLines}),
 * grouped ({@link SourceGroups}), or as fetched.
 */
@Component
class SourceShapes {

    /** What staging does with the records of one run: their lines, and their group key. */
    record Shape(SourceLines lines, SourceGroups groups, MappingContext context) {

        static final Shape NONE = new Shape(SourceLines.NONE, null, MappingContext.none());

        boolean grouped() {
            return groups != null;
        }
    }

    private final MappingEngine engine;
    private final Preparations preparations;
    private final int groupMaxLines;

    SourceShapes(MappingEngine engine, Preparations preparations,
            @Value("${yunqiao.engine.group-max-lines:500}") int groupMaxLines) {
        this.engine = engine;
        this.preparations = preparations;
        this.groupMaxLines = Math.max(1, groupMaxLines);
    }

    /** The shape of a solution's records; its group expression is compiled here, once per run. */
    Shape of(SolutionSpec spec) {
        SourceLines lines = SourceLines.of(spec.split());
        SourceGroups groups = SourceGroups.of(spec.group(), engine, groupMaxLines);
        return lines == SourceLines.NONE && groups == null ? Shape.NONE
                : new Shape(lines, groups, preparations.context());
    }

    /** The most records one grouped target record is made of, for solutions that leave it to the platform. */
    int groupMaxLines() {
        return groupMaxLines;
    }
}
