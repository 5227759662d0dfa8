package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.SourceSamples;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.suggestion.MappingSuggester;
import io.yunqiao.suggestion.SourceField;
import io.yunqiao.suggestion.Suggestion;
import io.yunqiao.suggestion.TargetField;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Smart suggestions (智能映射) for the mapping of a source operation onto a target operation. Changes nothing; for
 * administrators, like every other request that is part of editing a solution.
 */
@RestController
@RequestMapping("/api/suggestions")
@Tag(name = "Suggestions 智能映射", description = "Proposed source fields for the fields of a target, with reasons")
class SuggestionsApi {

    /** The most sample records a request may carry (the suggester reads at most 20 values a field anyway). */
    static final int MAX_SAMPLES = 20;

    private final ConnectorRegistry registry;
    private final Solutions solutions;
    private final SourceSamples sourceSamples;

    SuggestionsApi(ConnectorRegistry registry, Solutions solutions, SourceSamples sourceSamples) {
        this.registry = registry;
        this.solutions = solutions;
        this.sourceSamples = sourceSamples;
    }

    /**
     * @param sourceConnector the source's connector id
     * @param sourceOperation the source's QUERY operation
     * @param solutionId      optional: a solution reading that source; the record it staged last is a sample, and
     *                        its split lines and detail lookups are offered as the mapping sees them
     * @param targetConnector the target's connector id
     * @param targetOperation the target's EXECUTE operation
     * @param samples         optional: source records to read sample values from (at most {@value #MAX_SAMPLES})
     */
    record SuggestRequest(String sourceConnector, String sourceOperation, Long solutionId, String targetConnector,
            String targetOperation, List<JsonNode> samples) {
    }

    /**
     * One suggestion, in the request's language.
     *
     * @param target      the target field's name
     * @param targetLabel its label
     * @param source      the proposed source field's dotted path, as the mapping names it
     * @param sourceLabel its label
     * @param confidence  0 to 1
     * @param reason      why, one sentence
     */
    record SuggestionAnswer(String target, String targetLabel, String source, String sourceLabel, double confidence,
            String reason) {
    }

    /**
     * @param suggestions one per target field that has one, in the target's field order
     * @param samples     how many sample records were read
     * @param threshold   the confidence below which nothing is proposed
     */
    record SuggestAnswer(List<SuggestionAnswer> suggestions, int samples, double threshold) {
    }

    @PostMapping
    @Operation(summary = "Propose a source field for each target field, with a confidence and a reason")
    SuggestAnswer suggest(@RequestBody SuggestRequest request, HttpServletRequest http) {
        Locale locale = ProblemAnswers.locale(http);
        if (request == null) {
            throw Problem.coded(Problem.Kind.INVALID, "sourceOperation", "problem.suggest.noSource");
        }
        OperationDefinition source = operation(request.sourceConnector(), request.sourceOperation(), "source");
        OperationDefinition target = operation(request.targetConnector(), request.targetOperation(), "target");
        if (source.role() != OperationRole.QUERY) {
            throw Problem.coded(Problem.Kind.INVALID, "sourceOperation", "problem.suggest.sourceNotQuery",
                    source.id());
        }
        if (target.role() != OperationRole.EXECUTE) {
            throw Problem.coded(Problem.Kind.INVALID, "targetOperation", "problem.suggest.targetNotExecute",
                    target.id());
        }
        SolutionView solution = request.solutionId() == null ? null : solution(request);
        List<JsonNode> records = samples(request, solution);
        // a solution's split lines and detail lookups are part of what its mapping sees
        List<SourceField> sources = solution == null ? SourceField.of(source, records)
                : SourceField.of(solution.spec(), registry, records);
        List<Suggestion> suggestions = MappingSuggester.standard().suggest(sources, TargetField.of(target));
        Map<String, LocalizedText> sourceLabels = labels(source);
        Map<String, LocalizedText> targetLabels = labels(target);
        List<SuggestionAnswer> answers = suggestions.stream().map(s -> new SuggestionAnswer(s.target(),
                text(targetLabels.get(s.target()), s.target(), locale), s.source(),
                text(sourceLabels.get(s.source()), s.source(), locale), s.confidence(), s.reason(locale))).toList();
        return new SuggestAnswer(answers, records.size(), MappingSuggester.THRESHOLD);
    }

    private OperationDefinition operation(String connectorId, String operationId, String side) {
        String field = side + "Operation";
        if (connectorId == null || connectorId.isBlank() || operationId == null || operationId.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, field, "source".equals(side) ? "problem.suggest.noSource"
                    : "problem.suggest.noTarget");
        }
        ConnectorDefinition connector = registry.find(connectorId).orElseThrow(() -> Problem.coded(
                Problem.Kind.NOT_FOUND, side + "Connector", "problem.suggest.unknownConnector", shorten(connectorId)));
        return connector.operation(operationId).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, field,
                "problem.suggest.unknownOperation", connector.id(), shorten(operationId)));
    }

    /** The request's own samples, then the record the solution staged last. */
    private List<JsonNode> samples(SuggestRequest request, SolutionView solution) {
        List<JsonNode> given = request.samples() == null ? List.of() : request.samples();
        if (given.size() > MAX_SAMPLES) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "samples", "problem.suggest.tooManySamples", MAX_SAMPLES,
                    given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || !given.get(i).isObject()) {
                throw Problem.coded(Problem.Kind.INVALID, "samples[" + i + "]", "problem.suggest.sampleNotObject",
                        i + 1);
            }
        }
        List<JsonNode> records = new ArrayList<>(given);
        if (solution != null) {
            sourceSamples.lastStaged(solution.id()).ifPresent(records::add);
        }
        return records;
    }

    /** The solution named by the request, which must read the request's source. */
    private SolutionView solution(SuggestRequest request) {
        SolutionView solution;
        try {
            solution = solutions.get(request.solutionId());
        } catch (Problem notFound) {
            throw Problem.coded(Problem.Kind.NOT_FOUND, "solutionId", "problem.suggest.unknownSolution",
                    String.valueOf(request.solutionId()));
        }
        SolutionSpec.Source reads = solution.spec().source();
        if (!Objects.equals(reads.connector(), request.sourceConnector())
                || !Objects.equals(reads.operation(), request.sourceOperation())) {
            throw Problem.coded(Problem.Kind.INVALID, "solutionId", "problem.suggest.otherSource",
                    solution.name(), reads.connector() + " / " + reads.operation(),
                    request.sourceConnector() + " / " + request.sourceOperation());
        }
        return solution;
    }

    private static Map<String, LocalizedText> labels(OperationDefinition operation) {
        return operation.fields().stream().filter(f -> f.label() != null).collect(Collectors.toMap(
                f -> f.name(), f -> f.label(), (a, b) -> a));
    }

    private static String text(LocalizedText label, String fallback, Locale locale) {
        return label == null ? fallback : label.in(locale);
    }

    /** An echoed name is cut: the refusal must not repeat a megabyte back. */
    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
