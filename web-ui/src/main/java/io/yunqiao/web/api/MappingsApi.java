package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingHint;
import io.yunqiao.mapping.MappingHints;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.mapping.TargetValidator;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import io.yunqiao.run.Preparations;
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

    MappingsApi(MappingEngine engine, ConnectorRegistry registry, Preparations preparations) {
        this.engine = engine;
        this.registry = registry;
        this.preparations = preparations;
    }

    /**
     * @param mapping         the JSONata expression
     * @param record          a sample source record
     * @param targetConnector the target operation's connector, for validation (optional)
     * @param targetOperation the target operation, for validation (optional)
     */
    record PreviewRequest(String mapping, JsonNode record, String targetConnector, String targetOperation) {
    }

    /** Where a syntax error is: character offset, line and column (1-based). */
    record Position(int offset, int line, int column) {
    }

    /**
     * @param output   the mapped body, or {@code null}
     * @param error    the syntax or evaluation error, or {@code null}
     * @param position where a syntax error is, or {@code null}
     * @param problems what the target operation would refuse in the output
     */
    record PreviewAnswer(JsonNode output, String error, Position position, List<TargetValidator.FieldProblem> problems) {
    }

    @PostMapping("/preview")
    @Operation(summary = "Evaluate a mapping on a sample record and validate the output against the target operation")
    PreviewAnswer preview(@RequestBody PreviewRequest request, Locale locale) {
        if (request == null || request.mapping() == null || request.mapping().isBlank()) {
            throw Problem.invalid("mapping", "the preview needs a mapping expression");
        }
        if (request.record() == null) {
            throw Problem.invalid("record", "the preview needs a sample record (a JSON object)");
        }
        Mapping mapping;
        try {
            mapping = engine.compile(request.mapping());
        } catch (MappingSyntaxException e) {
            // the probable cause for people first, then the engine's words (which the JSONata docs use)
            String hint = MappingHints.refusal("mapping", request.mapping(), e).message(locale);
            return new PreviewAnswer(null, hint, new Position(e.position(), e.line(), e.column()), List.of());
        }
        MappingResult result = mapping.evaluate(request.record(), preparations.context());
        if (result.isFailure()) {
            MappingHint hint = MappingHints.evaluation(request.mapping(), result.error());
            return new PreviewAnswer(null, ProblemTexts.render("problem.hint.withDetail", locale,
                    hint.message(locale), result.error()), null, List.of());
        }
        List<TargetValidator.FieldProblem> problems = List.of();
        if (request.targetConnector() != null && request.targetOperation() != null) {
            OperationDefinition target;
            try {
                target = registry.operation(request.targetConnector(), request.targetOperation());
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("targetOperation", e.getMessage());
            }
            problems = result.hasOutput() ? TargetValidator.validate(result.output(), target) : List.of();
        }
        return new PreviewAnswer(result.output(), result.hasOutput() ? null : "the mapping gives no output for this"
                + " record", null, problems);
    }
}
