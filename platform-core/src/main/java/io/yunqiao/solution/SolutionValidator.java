package io.yunqiao.solution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.ExampleRecord;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.ParamDefinition;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.mapping.MappingHints;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.mapping.TargetValidator;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.SourceLines;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Refuses a solution spec that cannot work, with the field at fault and how to fix it: unknown connector, operation
 * or connection, an operation of the wrong role, undeclared parameters, a page size above the vendor's maximum,
 * bad variables, an invalid cron, a JSONata syntax error (with line and column), a mapping that misses a required
 * target field, an invalid window or retry policy, alerts that cannot reach anyone, a record filter that does not
 * parse.
 */
@Component
public class SolutionValidator {

    /** Deliberately loose (the mail server has the last word), but catches typos such as a missing @ or domain. */
    private static final String ADDRESS_CHAR = "[^@\\s,;<>()\\[\\]\"]";
    private static final Pattern EMAIL = Pattern.compile(ADDRESS_CHAR + "+@" + ADDRESS_CHAR + "+\\."
            + "[^@\\s,;<>()\\[\\]\".]+");

    /** Fire times checked for the shortest interval: enough for any cron that repeats within weeks. */
    private static final int FIRE_TIMES_CHECKED = 1000;

    private final ConnectorRegistry registry;
    private final Connections connections;
    private final MappingEngine engine;
    private final InputLimits limits;

    SolutionValidator(ConnectorRegistry registry, Connections connections, MappingEngine engine, InputLimits limits) {
        this.registry = registry;
        this.connections = connections;
        this.engine = engine;
        this.limits = limits;
    }

    public void validate(SolutionSpec spec) {
        validate(spec, registry);
    }

    /**
     * Validates {@code spec} against {@code connectors} instead of the connectors in effect: whether a solution still
     * works after a change of the connector definitions it uses.
     */
    public void validate(SolutionSpec spec, ConnectorRegistry connectors) {
        if (spec == null) {
            throw Problem.coded(Problem.Kind.INVALID, null, "problem.solution.missing");
        }
        if (spec.name() == null || spec.name().isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "name", "problem.solution.nameBlank");
        }
        limits.checkName("name", spec.name());
        limits.checkDescription("description", spec.description());
        if (spec.source() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "source", "problem.solution.sourceMissing");
        }
        if (spec.target() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "target", "problem.solution.targetMissing");
        }
        OperationDefinition source = operation(connectors, "source", spec.source().connector(),
                spec.source().operation(), OperationRole.QUERY);
        OperationDefinition target = operation(connectors, "target", spec.target().connector(),
                spec.target().operation(), OperationRole.EXECUTE);
        connection("source", spec.source().connection(), spec.source().connector(), spec.schedule().enabled());
        connection("target", spec.target().connection(), spec.target().connector(), spec.schedule().enabled());
        checkParams(spec.source(), source);
        DetailChecks.check(spec, source, connectors, connections, engine);
        checkWindow(spec.window());
        checkRetry(spec.retry());
        if (spec.rateLimit().perSecond() < 0) {
            throw Problem.coded(Problem.Kind.INVALID, "rateLimit.perSecond", "problem.solution.rateLimitNegative",
                    String.valueOf(spec.rateLimit().perSecond()));
        }
        checkCron(spec.schedule(), limits.minScheduleInterval());
        Mapping mapping = compile("target.mapping", spec.target().mapping());
        if (spec.dedupe().targetKey() != null && !spec.dedupe().targetKey().isBlank()) {
            compile("dedupe.targetKey", spec.dedupe().targetKey());
        }
        checkLinesAndGroups(spec);
        checkRequiredFields(mapping, shapedSample(spec, source, connectors), source, target);
        ExistingCheck.check(spec, connectors, engine, limits, source);
        FilterCheck.check(spec, engine, limits);
        checkAlerts(spec.alerts());
        checkRetention(spec.retention());
    }

    /**
     * Refuses a retention part out of {@link SolutionSpec.Retention#MIN_DAYS} to {@link SolutionSpec.Retention#MAX_DAYS}
     * days, naming the field and the allowed range; {@code null} (the platform's settings) passes.
     */
    public static void checkRetention(SolutionSpec.Retention retention) {
        if (retention == null) {
            return;
        }
        checkDays("retention.recordLogDays", "problem.solution.retentionLogDays", retention.recordLogDays());
        checkDays("retention.contentDays", "problem.solution.retentionContentDays", retention.contentDays());
    }

    private static void checkDays(String field, String code, Integer days) {
        if (days != null && (days < SolutionSpec.Retention.MIN_DAYS || days > SolutionSpec.Retention.MAX_DAYS)) {
            throw Problem.coded(Problem.Kind.INVALID, field, code, String.valueOf(days), String.valueOf(SolutionSpec.Retention.MIN_DAYS),
                    String.valueOf(SolutionSpec.Retention.MAX_DAYS));
        }
    }

    /** A plain dot path: names without spaces, quotes, brackets or JSONata operators, joined by single dots. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[\\p{L}\\p{N}_-]+(\\.[\\p{L}\\p{N}_-]+)*");

    private static boolean plainPath(String path) {
        return PLAIN_PATH.matcher(path).matches();
    }

    /**
     * The sample record the mapping sees: one line of it when the solution splits (the array at the split path
     * replaced by its element), with the answers of its detail lookups, and with the group's records (itself) under
     * {@code group.into} when it groups.
     */
    private static ObjectNode shapedSample(SolutionSpec spec, OperationDefinition source,
            ConnectorRegistry connectors) {
        ObjectNode sample = sample(source);
        if (SourceLines.of(spec.split()).firstLine(sample) instanceof ObjectNode line) {
            sample = line;
        }
        // detail lookups answer per (split) record, before the records of a group are put together
        sample = DetailChecks.merged(sample, spec, connectors);
        if (spec.group() != null) {
            sample.putArray(spec.group().into().trim()).add(sample.deepCopy());
        }
        return sample;
    }

    /** The most records one grouped target record may be made of, whatever the platform's setting. */
    static final int MAX_GROUP_LINES = 10_000;

    /**
     * One record per line and grouping (明细拆分、合并): plain dot paths, a group key expression that compiles, an
     * array field name, a line limit from 0 (the platform's) to {@value #MAX_GROUP_LINES}.
     */
    private void checkLinesAndGroups(SolutionSpec spec) {
        SolutionSpec.Split split = spec.split();
        if (split != null) {
            if (split.path() == null || split.path().isBlank()) {
                throw Problem.coded(Problem.Kind.INVALID, "split.path", "problem.split.pathBlank");
            }
            if (!plainPath(split.path().trim())) {
                throw Problem.coded(Problem.Kind.INVALID, "split.path", "problem.split.pathNotPlain", "split.path",
                        split.path());
            }
            if (split.lineKey() != null && !split.lineKey().isBlank()
                    && !plainPath(split.lineKey().trim())) {
                throw Problem.coded(Problem.Kind.INVALID, "split.lineKey", "problem.split.pathNotPlain",
                        "split.lineKey", split.lineKey());
            }
        }
        SolutionSpec.Group group = spec.group();
        if (group != null) {
            if (group.by() == null || group.by().isBlank()) {
                throw Problem.coded(Problem.Kind.INVALID, "group.by", "problem.group.byBlank");
            }
            limits.checkMapping("group.by", group.by());
            try {
                engine.compile(group.by());
            } catch (MappingSyntaxException e) {
                throw Problem.coded(Problem.Kind.INVALID, "group.by", "problem.group.bySyntax",
                        String.valueOf(e.line()), String.valueOf(e.column()), e.detail());
            }
            if (group.into() == null || group.into().isBlank()) {
                throw Problem.coded(Problem.Kind.INVALID, "group.into", "problem.group.intoBlank");
            }
            if (!plainPath(group.into().trim()) || group.into().contains(".")) {
                throw Problem.coded(Problem.Kind.INVALID, "group.into", "problem.group.intoNotPlain", group.into());
            }
            if (group.maxLines() < 0) {
                throw Problem.coded(Problem.Kind.INVALID, "group.maxLines", "problem.group.maxLinesNegative",
                        String.valueOf(group.maxLines()));
            }
            if (group.maxLines() > MAX_GROUP_LINES) {
                throw Problem.coded(Problem.Kind.INVALID, "group.maxLines", "problem.group.maxLinesTooLarge",
                        String.valueOf(group.maxLines()), String.valueOf(MAX_GROUP_LINES));
            }
        }
    }

    /** The limits this validator applies. */
    public InputLimits limits() {
        return limits;
    }

    /** Refuses a version comment that is too long or holds control characters other than line breaks. */
    public void checkComment(String comment) {
        limits.checkDescription("comment", comment);
    }

    /** 0 for the source, 1 for the target: the texts choose their word for the side with it. */
    private static int sideIndex(String side) {
        return "source".equals(side) ? 0 : 1;
    }

    private static OperationDefinition operation(ConnectorRegistry registry, String side, String connectorId,
            String operationId, OperationRole role) {
        ConnectorDefinition connector = registry.find(connectorId == null ? "" : connectorId).orElseThrow(() ->
                Problem.coded(Problem.Kind.INVALID, side + ".connector", "problem.solution.unknownConnector",
                        sideIndex(side), connectorId,
                        registry.definitions().stream().map(ConnectorDefinition::id).toList().toString()));
        OperationDefinition operation = connector.operation(operationId == null ? "" : operationId).orElseThrow(() ->
                Problem.coded(Problem.Kind.INVALID, side + ".operation", "problem.solution.unknownOperation",
                        sideIndex(side), connectorId, operationId, connector.operations().stream()
                                .filter(o -> o.role() == role).map(OperationDefinition::id).toList().toString()));
        if (operation.role() != role) {
            throw Problem.coded(Problem.Kind.INVALID, side + ".operation", "problem.solution.wrongRole",
                    sideIndex(side), operationId);
        }
        return operation;
    }

    private void connection(String side, Long id, String connectorId, boolean enabled) {
        if (id == null) {
            if (enabled) {
                throw Problem.coded(Problem.Kind.INVALID, side + ".connection", "problem.solution.connectionRequired",
                        sideIndex(side), connectorId);
            }
            return;
        }
        if (!connections.exists(id)) {
            throw Problem.coded(Problem.Kind.INVALID, side + ".connection", "problem.solution.connectionGone",
                    sideIndex(side), String.valueOf(id), connectorId);
        }
        ConnectionView connection = connections.get(id);
        if (!connection.connectorId().equals(connectorId)) {
            throw Problem.coded(Problem.Kind.INVALID, side + ".connection",
                    "problem.solution.connectionOtherConnector", sideIndex(side), connection.name(),
                    connection.connectorId(), connectorId);
        }
    }

    private static void checkParams(SolutionSpec.Source source, OperationDefinition operation) {
        for (String name : source.params().keySet()) {
            if (operation.param(name).isEmpty()) {
                throw Problem.coded(Problem.Kind.INVALID, "source.params." + name, "problem.solution.unknownParam",
                        operation.id(), name,
                        operation.params().stream().map(ParamDefinition::name).toList().toString());
            }
        }
        Variables.check(source.params());
        if (operation.paging() != null && source.pageSize() > operation.paging().maxSize()) {
            throw Problem.coded(Problem.Kind.INVALID, "source.pageSize", "problem.solution.pageSizeTooLarge",
                    String.valueOf(source.pageSize()), operation.id(), String.valueOf(operation.paging().maxSize()));
        }
        if (source.pageSize() < 0) {
            throw Problem.coded(Problem.Kind.INVALID, "source.pageSize", "problem.solution.pageSizeNegative",
                    String.valueOf(source.pageSize()));
        }
    }

    private static void checkWindow(SolutionSpec.Window window) {
        WindowPlan.firstStart(window.start(), Instant.now());
        if (window.overlapSeconds() < 0) {
            throw Problem.coded(Problem.Kind.INVALID, "window.overlapSeconds", "problem.solution.overlapNegative",
                    String.valueOf(window.overlapSeconds()));
        }
        if (window.maxWindowHours() < 1) {
            throw Problem.coded(Problem.Kind.INVALID, "window.maxWindowHours", "problem.solution.maxWindowTooShort",
                    String.valueOf(window.maxWindowHours()));
        }
    }

    private static void checkRetry(SolutionSpec.Retry retry) {
        if (retry.attempts() < 1 || retry.attempts() > 20) {
            throw Problem.coded(Problem.Kind.INVALID, "retry.attempts", "problem.solution.retryAttempts",
                    String.valueOf(retry.attempts()));
        }
        if (retry.backoffMillis() < 0 || retry.multiplier() < 1 || retry.jitter() < 0 || retry.jitter() >= 1) {
            throw Problem.coded(Problem.Kind.INVALID, "retry", "problem.solution.retrySettings",
                    String.valueOf(retry.backoffMillis()), String.valueOf(retry.multiplier()),
                    String.valueOf(retry.jitter()));
        }
        if (retry.laterRuns() < 0 || retry.laterRuns() > SolutionSpec.Retry.MAX_LATER_RUNS) {
            throw Problem.coded(Problem.Kind.INVALID, "retry.laterRuns", "problem.solution.retryLaterRuns",
                    String.valueOf(retry.laterRuns()), SolutionSpec.Retry.MAX_LATER_RUNS);
        }
    }

    /**
     * Checks a Quartz cron expression: Quartz's own reason when it is invalid, and a refusal when two of its next
     * {@value #FIRE_TIMES_CHECKED} fire times are closer than {@code minInterval} (each run calls the vendor).
     */
    public static void checkCron(SolutionSpec.Schedule schedule, Duration minInterval) {
        String cron = schedule.cron();
        if (cron == null || cron.isBlank()) {
            if (schedule.enabled()) {
                throw Problem.coded(Problem.Kind.INVALID, "schedule.cron", "problem.solution.cronRequired");
            }
            return;
        }
        try {
            CronExpression.validateExpression(cron);
        } catch (java.text.ParseException e) {
            throw Problem.coded(Problem.Kind.INVALID, "schedule.cron", "problem.solution.cronInvalid", cron,
                    e.getMessage());
        }
        shortestInterval(cron).filter(gap -> gap.compareTo(minInterval) < 0).ifPresent(gap -> {
            throw Problem.coded(Problem.Kind.INVALID, "schedule.cron", "problem.limit.scheduleTooFrequent", cron,
                    gap.toSeconds(), minInterval.toSeconds(), "yunqiao.limits.min-schedule-interval");
        });
    }

    /**
     * The shortest time between two consecutive fire times among the next {@value #FIRE_TIMES_CHECKED} (in UTC, so
     * no daylight-saving jump shortens it), or empty when the expression fires less than twice.
     */
    static Optional<Duration> shortestInterval(String cron) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
        expression.setTimeZone(TimeZone.getTimeZone("UTC"));
        Duration shortest = null;
        Date previous = expression.getNextValidTimeAfter(new Date());
        for (int i = 0; i < FIRE_TIMES_CHECKED && previous != null; i++) {
            Date next = expression.getNextValidTimeAfter(previous);
            if (next == null) {
                break;
            }
            Duration gap = Duration.ofMillis(next.getTime() - previous.getTime());
            if (shortest == null || gap.compareTo(shortest) < 0) {
                shortest = gap;
            }
            previous = next;
        }
        return Optional.ofNullable(shortest);
    }

    /**
     * Refuses alerts that cannot reach anyone: a negative threshold, an address that is not one, a webhook that is
     * not an http(s) URL, a secret without a webhook, or alerts switched on with neither an address nor a webhook.
     */
    public static void checkAlerts(SolutionSpec.Alerts alerts) {
        if (alerts.failedRecordsAbove() < 0) {
            throw Problem.coded(Problem.Kind.INVALID, "alerts.failedRecordsAbove",
                    "problem.solution.alertThresholdNegative", String.valueOf(alerts.failedRecordsAbove()));
        }
        for (String email : alerts.emails()) {
            if (email == null || !EMAIL.matcher(email).matches()) {
                throw Problem.coded(Problem.Kind.INVALID, "alerts.emails", "problem.solution.alertEmail",
                        String.valueOf(email));
            }
        }
        if (alerts.webhook() != null) {
            checkWebhook(alerts.webhook());
        } else if (alerts.webhookSecret() != null) {
            throw Problem.coded(Problem.Kind.INVALID, "alerts.webhookSecret", "problem.solution.secretWithoutWebhook");
        }
        if (alerts.switchedOn() && alerts.emails().isEmpty() && alerts.webhook() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "alerts", "problem.solution.alertsNowhere");
        }
    }

    private static void checkWebhook(String webhook) {
        URI uri;
        try {
            uri = new URI(webhook);
        } catch (URISyntaxException e) {
            throw Problem.coded(Problem.Kind.INVALID, "alerts.webhook", "problem.solution.webhookNotUrl", webhook,
                    e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "alerts.webhook", "problem.solution.webhookScheme", webhook);
        }
    }

    private Mapping compile(String field, String expression) {
        if (expression == null || expression.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.solution.expressionEmpty", field);
        }
        limits.checkMapping(field, expression);
        Mapping compiled;
        try {
            compiled = engine.compile(expression);
        } catch (MappingSyntaxException e) {
            throw MappingHints.refusal(field, expression, e);
        }
        // it compiles, but a misspelt function or a Chinese parenthesis taken as part of a name would fail or miss
        // every record at run time: refuse it here, at its spot
        MappingHints.compiledRefusal(field, expression).ifPresent(refusal -> {
            throw refusal;
        });
        return compiled;
    }

    /**
     * Evaluates the mapping on a sample record made of the source fields (each text field holding its own name)
     * (with the detail lookups' sample answers merged in) and refuses it when a required target field stays empty or
     * an undeclared field appears.
     */
    private static void checkRequiredFields(Mapping mapping, ObjectNode sample, OperationDefinition source,
            OperationDefinition target) {
        MappingResult result = mapping.evaluate(sample, MappingContext.none());
        if (result.isFailure() || !result.hasOutput()) {
            return;
        }
        List<TargetValidator.FieldProblem> structural = TargetValidator.validate(result.output(), target).stream()
                .filter(p -> p.kind() != TargetValidator.Kind.WRONG_TYPE)
                .toList();
        if (!structural.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "target.mapping", "problem.solution.sampleRefused", source.id(),
                    target.id(), TargetValidator.stored(structural));
        }
    }

    /** A record with every declared field: text fields hold their name, arrays one element. */
    static ObjectNode sample(OperationDefinition operation) {
        return ExampleRecord.of(operation, FieldDefinition::name);
    }
}
