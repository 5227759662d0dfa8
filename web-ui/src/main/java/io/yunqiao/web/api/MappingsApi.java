package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingHint;
import io.yunqiao.mapping.MappingHints;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.mapping.RecordFilter;
import io.yunqiao.mapping.TargetValidator;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import io.yunqiao.run.Preparations;
import io.yunqiao.solution.FilterCheck;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/mappings")
@Tag(name = "Mappings 字段映射", description = "Live preview of a JSONata mapping on a sample record")
class MappingsApi {

    private final MappingEngine engine;
    private final ConnectorRegistry registry;
    private final Preparations preparations;
    private final InputLimits limits;

    MappingsApi(MappingEngine engine, ConnectorRegistry registry, Preparations preparations, InputLimits limits) {
        this.engine = engine;
        this.registry = registry;
        this.preparations = preparations;
        this.limits = limits;
    }

    /**
     * @param mapping         the JSONata expression
     * @param record          a sample source record
     * @param targetConnector the target operation's connector, for validation (optional)
     * @param targetOperation the target operation, for validation (optional)
     * @param filter          the solution's record filter (筛选条件), to say whether a run would skip the record
     *                        (optional)
     */
    record PreviewRequest(String mapping, JsonNode record, String targetConnector, String targetOperation,
            String filter) {
    }

    /** Where a syntax error is: character offset, line and column (1-based). */
    record Position(int offset, int line, int column) {
    }

    /**
     * @param output   the mapped body, or {@code null}
     * @param error    the syntax or evaluation error, or {@code null}
     * @param position where a syntax error is, or {@code null}
     * @param problems what the target operation would refuse in the output, in the request's language
     * @param leftOut  whether the record filter leaves the record out: a run skips it and sends nothing
     * @param filter   what the record filter says of the record (skipped, or failing on it), or {@code null} when
     *                 there is no filter or it keeps the record
     */
    record PreviewAnswer(JsonNode output, String error, Position position, List<FieldProblemAnswer> problems,
            boolean leftOut, String filter) {
    }

    /**
     * A problem of the mapped body as answered.
     *
     * @param field   where, e.g. {@code material_entity[2].qty}; empty for the body itself
     * @param kind    what kind of problem
     * @param message the problem in the request's language
     */
    record FieldProblemAnswer(String field, TargetValidator.Kind kind, String message) {

        static List<FieldProblemAnswer> of(List<TargetValidator.FieldProblem> problems, Locale locale) {
            return problems.stream().map(p -> new FieldProblemAnswer(p.field(), p.kind(), p.message(locale)))
                    .toList();
        }
    }

    @PostMapping("/preview")
    @Operation(summary = "Evaluate a mapping on a sample record and validate the output against the target operation;"
            + " with a record filter, say whether a run would skip the record")
    PreviewAnswer preview(@RequestBody PreviewRequest request, Locale locale) {
        if (request == null || request.mapping() == null || request.mapping().isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.mapping.previewNoMapping");
        }
        if (request.record() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "record", "problem.mapping.previewNoRecord");
        }
        // a filter that does not parse is refused as a save refuses it: 400, naming the field "filter"
        RecordFilter filter = FilterCheck.compile(engine, limits, request.filter());
        RecordFilter.Verdict verdict = filter.test(request.record(), preparations.context());
        String filterNote = filter.previewNote(request.record(), preparations.context(), locale);
        Mapping mapping;
        try {
            mapping = engine.compile(request.mapping());
        } catch (MappingSyntaxException e) {
            // the probable cause for people first, then the engine's words (which the JSONata docs use)
            String hint = MappingHints.refusal("mapping", request.mapping(), e).message(locale);
            return new PreviewAnswer(null, hint, new Position(e.position(), e.line(), e.column()), List.of(),
                    verdict.leftOut(), filterNote);
        }
        MappingResult result = mapping.evaluate(request.record(), preparations.context());
        if (result.isFailure()) {
            MappingHint hint = MappingHints.evaluation(request.mapping(), result.error());
            return new PreviewAnswer(null, ProblemTexts.render("problem.hint.withDetail", locale,
                    hint.message(locale), result.error()), null, List.of(), verdict.leftOut(), filterNote);
        }
        List<FieldProblemAnswer> problems = List.of();
        if (request.targetConnector() != null && request.targetOperation() != null) {
            OperationDefinition target;
            try {
                target = registry.operation(request.targetConnector(), request.targetOperation());
            } catch (IllegalArgumentException e) {
                throw Problem.coded(Problem.Kind.INVALID, "targetOperation", "problem.mapping.previewTarget",
                        request.targetConnector(), request.targetOperation(), registry.find(request.targetConnector())
                                .map(d -> d.operations().stream().map(OperationDefinition::id).toList().toString())
                                .orElse("[]"));
            }
            problems = result.hasOutput()
                    ? FieldProblemAnswer.of(TargetValidator.validate(result.output(), target), locale) : List.of();
        }
        return new PreviewAnswer(result.output(), result.hasOutput() ? null
                : ProblemTexts.render("record.mapping.noOutput", locale), null, problems, verdict.leftOut(),
                filterNote);
    }
}
