package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.run.DetailLookups;
import io.yunqiao.run.SourceSamples;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.alert.AlertDelivery;
import io.yunqiao.web.alert.AlertSender;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the solutions list and the editor do besides saving: copy a solution (复制), send a test alert (发送测试通知)
 * and fetch a live sample from the source (实时拉取样例). All three are for administrators, as on the screens: a
 * copy creates a solution, and a test alert or a sample uses the solution's secrets (the robot's token, the source
 * connection's credentials). The record staged last (上次暂存的记录) is for everyone signed in: reading it calls
 * nobody.
 */
@RestController
@RequestMapping("/api/solutions/{id}")
@Tag(name = "Solutions 集成方案")
class SolutionToolsApi {

    /** Most records one live sample answers; the editor asks for {@value #DEFAULT_SAMPLE}. */
    static final int MAX_SAMPLE = 50;
    static final int DEFAULT_SAMPLE = 10;

    private final Solutions solutions;
    private final AlertSender alerts;
    private final SourceSamples samples;
    private final DetailLookups details;

    SolutionToolsApi(Solutions solutions, AlertSender alerts, SourceSamples samples, DetailLookups details) {
        this.solutions = solutions;
        this.alerts = alerts;
        this.samples = samples;
        this.details = details;
    }

    /** @param name the copy's name (required, as in the copy dialog) */
    record CopyRequest(String name) {
    }

    /**
     * @param channel   {@code email} or {@code webhook}
     * @param delivered whether the channel took the test alert
     * @param detail    what the mail server or the robot answered
     */
    record Delivery(String channel, boolean delivered, String detail) {
    }

    /** The records fetched now, split into lines and with the detail lookups' answers when the solution has them. */
    record SampleAnswer(int count, List<JsonNode> records) {
    }

    @PostMapping("/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "复制: a new solution with this one's current settings under another name, its schedule"
            + " switched off (as the solutions list's copy)")
    SolutionView copy(@PathVariable long id, @RequestBody(required = false) CopyRequest request) {
        SolutionView original = solutions.get(id);
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "name", "problem.solution.copyNameRequired");
        }
        SolutionSpec spec = original.spec().withName(name);
        spec = spec.withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), false));
        return solutions.create(spec, StoredMessage.of("version.note.fromSolution", original.id(), original.name(),
                original.version()).store());
    }

    @PostMapping("/alerts/test")
    @Operation(summary = "发送测试通知: a sample alert to the solution's channels, one try each; the body may give"
            + " alerts not saved yet (a webhookSecret of ****** stands for the saved one)")
    List<Delivery> testAlert(@PathVariable long id,
            @RequestBody(required = false) SolutionSpec.Alerts request, HttpServletRequest http) {
        // Chinese unless the caller asks for another language, as the problems this API answers
        Locale reader = ProblemAnswers.locale(http);
        SolutionView solution = solutions.get(id);
        SolutionSpec.Alerts saved = solutions.current(id).spec().alerts();
        SolutionSpec.Alerts tried = request == null ? saved : SolutionsApi.MASK.equals(request.webhookSecret())
                ? new SolutionSpec.Alerts(request.onFailure(), request.failedRecordsAbove(), request.emails(),
                        request.webhook(), saved.webhookSecret())
                : request;
        if (tried.emails().isEmpty() && tried.webhook() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "alerts", "problem.alert.testNoChannel");
        }
        return alerts.sendTest(tried, solution.name()).stream()
                .map((AlertDelivery d) -> new Delivery(d.channel(), d.delivered(), d.detail(reader))).toList();
    }

    @PostMapping("/sample")
    @Operation(summary = "实时拉取样例: fetch the newest records of the last 30 days from the solution's source now,"
            + " as the mapping workbench does (split into lines, detail lookups answered); limit 1 to 50")
    SampleAnswer sample(@PathVariable long id, @RequestParam(defaultValue = "" + DEFAULT_SAMPLE) int limit) {
        if (limit < 1 || limit > MAX_SAMPLE) {
            throw Problem.coded(Problem.Kind.INVALID, "limit", "problem.sample.limit", limit, MAX_SAMPLE);
        }
        SolutionSpec spec = solutions.current(id).spec();
        List<JsonNode> records = details.merged(spec, samples.fetch(spec.source(), spec.split(), limit));
        return new SampleAnswer(records.size(), records);
    }

    @GetMapping("/sample/last")
    @Operation(summary = "上次暂存的记录: the record the solution staged last, as the mapping workbench's sample; 404 when"
            + " it has staged none or its content is no longer kept")
    JsonNode lastStaged(@PathVariable long id) {
        solutions.get(id);
        return samples.lastStaged(id).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null,
                "problem.sample.noneStaged", id));
    }
}
