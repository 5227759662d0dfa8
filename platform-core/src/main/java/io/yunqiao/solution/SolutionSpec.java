package io.yunqiao.solution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a solution (集成方案) does, as one immutable value: what a {@link SolutionVersion} stores, what export and
 * import carry, and what a template ships (without connections). Keys are written in a fixed order so exports diff
 * well.
 *
 * @param name        unique name
 * @param description what it is for
 * @param source      where records come from
 * @param window      the incremental window
 * @param target      where records go and how they are mapped
 * @param dedupe      dedupe beyond the source key
 * @param rateLimit   requests per second to the target connection
 * @param retry       how retryable failures are retried
 * @param schedule    when it runs
 * @param alerts      who is told when a run fails; off when absent (exports and templates made before alerts)
 * @param logLevel    how much of each record the record log keeps; {@link LogLevel#ALL} when absent (exports,
 *                    templates and versions made before log levels), and then left out of the JSON, so those read
 *                    and diff as before
 * @param split       one record per line (明细拆分): each source record becomes one record per element of an array;
 *                    absent = off
 * @param group       grouping (合并): records sharing a key become one target record; absent = off
 * @param details     detail lookups (关联查询) made per record before mapping, in order; empty = none
 * @param existing    what "already exists" from the target means for a record we did not send before;
 *                    {@link Existing#FAIL} when absent, and then left out of the JSON
 * @param filter      the record filter (筛选条件): a JSONata condition on each record as the mapping sees it (after
 *                    the split and the detail lookups; the group record when grouping), evaluated when the record is
 *                    written; a true value writes the record, false or no value skips it; absent (or blank) = every
 *                    record is written, and then left out of the JSON
 * @param retention   how long this solution keeps record logs and the staged content of written records
 *                    (docs/operations.md, "Retention"); absent = the platform's settings {@code yunqiao.retention.*},
 *                    and then left out of the JSON
 */
@JsonPropertyOrder({"name", "description", "source", "window", "target", "dedupe", "rateLimit", "retry", "schedule",
    "alerts", "logLevel", "split", "group", "details", "existing", "filter", "retention"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SolutionSpec(
        String name,
        String description,
        Source source,
        Window window,
        Target target,
        Dedupe dedupe,
        RateLimit rateLimit,
        Retry retry,
        Schedule schedule,
        Alerts alerts,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultLogLevel.class) LogLevel logLevel,
        Split split,
        Group group,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Detail> details,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultExisting.class) Existing existing,
        String filter,
        Retention retention) {

    @JsonCreator
    public SolutionSpec {
        filter = filter == null || filter.isBlank() ? null : filter;
        retention = retention == null || retention.isDefault() ? null : retention;
        details = details == null ? List.of() : List.copyOf(details);
        existing = existing == null ? Existing.FAIL : existing;
        window = window == null ? Window.DEFAULT : window;
        dedupe = dedupe == null ? new Dedupe(null) : dedupe;
        rateLimit = rateLimit == null ? new RateLimit(0) : rateLimit;
        retry = retry == null ? Retry.DEFAULT : retry;
        schedule = schedule == null ? new Schedule(null, false) : schedule;
        alerts = alerts == null ? Alerts.OFF : alerts;
        logLevel = logLevel == null ? LogLevel.ALL : logLevel;
    }

    /** A spec that keeps its data as the platform's retention settings say (as every spec before retention). */
    public SolutionSpec(String name, String description, Source source, Window window, Target target, Dedupe dedupe,
            RateLimit rateLimit, Retry retry, Schedule schedule, Alerts alerts, LogLevel logLevel, Split split,
            Group group, List<Detail> details, Existing existing, String filter) {
        this(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts, logLevel, split,
                group, details, existing, filter, null);
    }

    /** A spec without a record filter (as every spec before filters): every record is written. */
    public SolutionSpec(String name, String description, Source source, Window window, Target target, Dedupe dedupe,
            RateLimit rateLimit, Retry retry, Schedule schedule, Alerts alerts, LogLevel logLevel, Split split,
            Group group, List<Detail> details, Existing existing) {
        this(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts, logLevel, split,
                group, details, existing, null);
    }

    /** A spec without lines, grouping, detail lookups or an already-exists policy (as every spec before them). */
    public SolutionSpec(String name, String description, Source source, Window window, Target target, Dedupe dedupe,
            RateLimit rateLimit, Retry retry, Schedule schedule, Alerts alerts, LogLevel logLevel) {
        this(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts, logLevel, null,
                null, List.of(), Existing.FAIL);
    }

    /** A spec that logs every record in full ({@link LogLevel#ALL}), as every spec did before log levels. */
    public SolutionSpec(String name, String description, Source source, Window window, Target target, Dedupe dedupe,
            RateLimit rateLimit, Retry retry, Schedule schedule, Alerts alerts) {
        this(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts, LogLevel.ALL);
    }

    /** Jackson's filter that leaves the default log level out of the JSON: it "equals" what is not written. */
    static final class DefaultLogLevel {

        @Override
        public boolean equals(Object value) {
            return value == null || value == LogLevel.ALL;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Jackson's filter that leaves the default already-exists policy out of the JSON. */
    static final class DefaultExisting {

        @Override
        public boolean equals(Object value) {
            return value == null || Existing.FAIL.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /**
     * @param connection the connection's id; absent in templates
     * @param connector  the connector the operation belongs to
     * @param operation  a QUERY operation
     * @param params     parameter values; strings may hold variables such as {@code {{LAST_SYNC_TIME|ms}}}
     * @param pageSize   records per page, at most the operation's maximum; 0 = the operation's default
     */
    @JsonPropertyOrder({"connection", "connector", "operation", "params", "pageSize"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(Long connection, String connector, String operation, Map<String, JsonNode> params,
            int pageSize) {

        public Source {
            params = params == null ? Map.of() : new TreeMap<>(params);
        }

        public Source withConnection(Long newConnection) {
            return new Source(newConnection, connector, operation, params, pageSize);
        }

        public Source withParams(Map<String, JsonNode> newParams) {
            return new Source(connection, connector, operation, newParams, pageSize);
        }
    }

    /**
     * @param start           where the first run's window starts: an ISO-8601 instant or date-time with offset, or a
     *                        duration back from the first run such as {@code P30D}
     * @param overlapSeconds  each window starts this much before the previous one ended, so late writes are caught
     * @param maxWindowHours  a longer span is fetched as several consecutive windows
     */
    @JsonPropertyOrder({"start", "overlapSeconds", "maxWindowHours"})
    public record Window(String start, long overlapSeconds, long maxWindowHours) {

        static final Window DEFAULT = new Window("P30D", 300, 24 * 31);
    }

    /**
     * @param connection the connection's id; absent in templates
     * @param connector  the connector the operation belongs to
     * @param operation  an EXECUTE operation
     * @param mapping    the JSONata expression from one source record to one request body
     */
    @JsonPropertyOrder({"connection", "connector", "operation", "mapping"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(Long connection, String connector, String operation, String mapping) {

        public Target withConnection(Long newConnection) {
            return new Target(newConnection, connector, operation, mapping);
        }

        public Target withMapping(String newMapping) {
            return new Target(connection, connector, operation, newMapping);
        }
    }

    /**
     * @param targetKey optional JSONata expression on the mapped body (e.g. {@code customerCode}): a record whose
     *                  target key was already written successfully is skipped
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dedupe(String targetKey) {
    }

    /** @param perSecond requests per second to the target connection; 0 = unlimited */
    public record RateLimit(double perSecond) {
    }

    /**
     * @param attempts      tries of one record, the first included
     * @param backoffMillis wait before the first retry
     * @param multiplier    each further wait is this much longer
     * @param jitter        random share (0..1) added or removed from each wait
     * @param laterRuns     failed records retried automatically by later runs (自动重试失败记录): 0 = off, only by
     *                      re-push; N = each failed record is taken up again by up to N later runs (1 = the next run
     *                      only). Left out of the JSON when 0, so older exports and templates read and diff as before
     */
    @JsonPropertyOrder({"attempts", "backoffMillis", "multiplier", "jitter", "laterRuns"})
    public record Retry(int attempts, long backoffMillis, double multiplier, double jitter,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) int laterRuns) {

        static final Retry DEFAULT = new Retry(4, 500, 2.0, 0.5);

        /** The most later runs that may retry a failed record automatically. */
        public static final int MAX_LATER_RUNS = 10;

        /** A policy without automatic retries by later runs, as every policy before them. */
        public Retry(int attempts, long backoffMillis, double multiplier, double jitter) {
            this(attempts, backoffMillis, multiplier, jitter, 0);
        }
    }

    /**
     * @param cron    a Quartz cron expression (seconds first), e.g. {@code 0 * * * * ?} every minute
     * @param enabled whether the schedule fires
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(String cron, boolean enabled) {
    }

    /**
     * When a run is reported, and to whom. A run is reported when it ends FAILED ({@code onFailure}) or when more of
     * its records failed than {@code failedRecordsAbove}; dry runs and skipped runs never are.
     *
     * @param onFailure          report runs that end FAILED
     * @param failedRecordsAbove report runs with more failed records than this; 0 = off
     * @param emails             addresses that get an email
     * @param webhook            a robot or HTTP endpoint that gets a POST: DingTalk, WeCom, Feishu/Lark or any URL
     * @param webhookSecret      the robot's signing secret (DingTalk 加签, Feishu 签名校验); a secret, never exported
     */
    @JsonPropertyOrder({"onFailure", "failedRecordsAbove", "emails", "webhook", "webhookSecret"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Alerts(boolean onFailure, int failedRecordsAbove, List<String> emails, String webhook,
            String webhookSecret) {

        /** No alerts: what a spec without an {@code alerts} part means. */
        public static final Alerts OFF = new Alerts(false, 0, List.of(), null, null);

        public Alerts {
            emails = emails == null ? List.of() : List.copyOf(emails);
            webhook = webhook == null || webhook.isBlank() ? null : webhook.trim();
            webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret.trim();
        }

        /** Whether any run can be reported at all. */
        public boolean switchedOn() {
            return onFailure || failedRecordsAbove > 0;
        }

        /** Whether a run that ended like this is reported (dry and skipped runs are the caller's to exclude). */
        public boolean reports(boolean failedRun, int failedRecords) {
            return (onFailure && failedRun) || (failedRecordsAbove > 0 && failedRecords > failedRecordsAbove);
        }

        /** The same alerts with another signing secret (or none). */
        public Alerts withSecret(String newSecret) {
            return new Alerts(onFailure, failedRecordsAbove, emails, webhook, newSecret);
        }

        /** The same alerts without the signing secret: what exports carry. */
        public Alerts withoutSecret() {
            return withSecret(null);
        }
    }

    /**
     * One record per line (明细拆分): each fetched record is staged as one record per element of the array at
     * {@code path}; that record is the source record with the array replaced by the one element, so the parent's
     * fields and the line's ({@code material_entity.qty}) keep their paths. Its key is the parent's key, {@code #},
     * and the line key.
     *
     * @param path    a dot path to an array in the source record, e.g. {@code material_entity}
     * @param lineKey a dot path inside one element whose value identifies the line (e.g. {@code id}); absent = the
     *                element's 1-based position
     */
    @JsonPropertyOrder({"path", "lineKey"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Split(String path, String lineKey) {
    }

    /**
     * Grouping (合并): the records of one run that share a group key become one target record. The mapping sees the
     * group's first record with an extra array field {@code into} holding every record of the group (the first
     * included), in staging order; each record of the group gets the group's outcome.
     *
     * @param by       a JSONata expression on one record giving its group key, e.g. {@code supplierid_number}
     * @param into     the name of the array field the mapping reads the group's records from, e.g. {@code lines}
     * @param maxLines a group larger than this is sent as several target records; 0 = the platform's limit
     */
    @JsonPropertyOrder({"by", "into", "maxLines"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String by, String into, int maxLines) {
    }

    /**
     * A detail lookup (关联查询): before mapping, a QUERY operation is called for each record with parameters taken
     * from it, and its answer is added to the record under {@code name}. Answers are cached for the run by their
     * parameters; calls are rate-limited and retried like writes, and a refusal fails that record.
     *
     * @param name       the field the answer is added under, e.g. {@code detail}
     * @param connection the connection to call; absent = the source connection (templates leave it out)
     * @param connector  the connector the operation belongs to
     * @param operation  a QUERY operation, e.g. a bill's detail API called by the bill's id
     * @param params     parameter name to a JSONata expression on the record, e.g. {@code "id": "id"}
     * @param all        {@code true}: the answer's records as an array; {@code false}: its first record (absent when
     *                   it answered none)
     */
    @JsonPropertyOrder({"name", "connection", "connector", "operation", "params", "all"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String name, Long connection, String connector, String operation, Map<String, String> params,
            boolean all) {

        public Detail {
            params = params == null ? Map.of() : new TreeMap<>(params);
        }

        public Detail withConnection(Long newConnection) {
            return new Detail(name, newConnection, connector, operation, params, all);
        }
    }

    /**
     * What an "already exists" answer from the target means for a record this solution did not send before.
     *
     * @param policy    fail, skip or update
     * @param operation for {@link Policy#UPDATE}: an EXECUTE operation of the target connector that updates the record
     * @param mapping   for {@link Policy#UPDATE}: the JSONata expression from the source record to the update's body
     */
    @JsonPropertyOrder({"policy", "operation", "mapping"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Existing(Policy policy, String operation, String mapping) {

        /** Fail the record: what every solution did before the policy existed. */
        public static final Existing FAIL = new Existing(Policy.FAIL, null, null);

        public Existing {
            policy = policy == null ? Policy.FAIL : policy;
        }

        /** The policies. */
        public enum Policy {
            /** The record fails with the target's answer (失败). */
            FAIL,
            /** The record counts as skipped: the target already holds it (已存在). */
            SKIP,
            /** The record is sent again through the update operation with its own mapping (更新). */
            UPDATE
        }
    }

    /**
     * How long a solution keeps what it no longer needs (docs/operations.md, "Retention"): each part left out follows
     * the platform's setting. Failed and unconfirmed records, records waiting to be written, the record logs of
     * records not yet written and the written target keys are kept whatever these say.
     *
     * @param recordLogDays days a record log (with its request and response) is kept; absent =
     *                      {@code yunqiao.retention.record-log-days}
     * @param contentDays   days the staged content of a written record is kept after it was written; absent =
     *                      {@code yunqiao.retention.content-days}
     */
    @JsonPropertyOrder({"recordLogDays", "contentDays"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Retention(Integer recordLogDays, Integer contentDays) {

        /** The fewest days a setting may keep: the dashboard counts the last 24 hours from the record logs. */
        public static final int MIN_DAYS = 1;
        /** The most days a setting may keep (about ten years). */
        public static final int MAX_DAYS = 3650;

        /** Whether it says nothing of its own (every part follows the platform's settings). */
        @JsonIgnore
        public boolean isDefault() {
            return recordLogDays == null && contentDays == null;
        }
    }

    public SolutionSpec withName(String newName) {
        return new SolutionSpec(newName, description, source, window, target, dedupe, rateLimit, retry, schedule,
                alerts, logLevel, split, group, details, existing, filter, retention);
    }

    public SolutionSpec withConnections(Long sourceConnection, Long targetConnection) {
        return new SolutionSpec(name, description, source.withConnection(sourceConnection), window,
                target.withConnection(targetConnection), dedupe, rateLimit, retry, schedule, alerts, logLevel,
                split, group, details, existing, filter, retention);
    }

    public SolutionSpec withSource(Source newSource) {
        return new SolutionSpec(name, description, newSource, window, target, dedupe, rateLimit, retry, schedule,
                alerts, logLevel, split, group, details, existing, filter, retention);
    }

    public SolutionSpec withWindow(Window newWindow) {
        return new SolutionSpec(name, description, source, newWindow, target, dedupe, rateLimit, retry, schedule,
                alerts, logLevel, split, group, details, existing, filter, retention);
    }

    public SolutionSpec withDescription(String newDescription) {
        return new SolutionSpec(name, newDescription, source, window, target, dedupe, rateLimit, retry, schedule,
                alerts, logLevel, split, group, details, existing, filter, retention);
    }

    public SolutionSpec withSchedule(Schedule newSchedule) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, newSchedule,
                alerts, logLevel, split, group, details, existing, filter, retention);
    }

    public SolutionSpec withTarget(Target newTarget) {
        return new SolutionSpec(name, description, source, window, newTarget, dedupe, rateLimit, retry, schedule,
                alerts, logLevel, split, group, details, existing, filter, retention);
    }

    public SolutionSpec withAlerts(Alerts newAlerts) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, schedule,
                newAlerts, logLevel, split, group, details, existing, filter, retention);
    }

    public SolutionSpec withSplit(Split newSplit) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts,
                logLevel, newSplit, group, details, existing, filter, retention);
    }

    public SolutionSpec withGroup(Group newGroup) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts,
                logLevel, split, newGroup, details, existing, filter, retention);
    }

    public SolutionSpec withDetails(List<Detail> newDetails) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts,
                logLevel, split, group, newDetails, existing, filter, retention);
    }

    public SolutionSpec withExisting(Existing newExisting) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts,
                logLevel, split, group, details, newExisting, filter, retention);
    }

    public SolutionSpec withLogLevel(LogLevel newLogLevel) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts,
                newLogLevel, split, group, details, existing, filter, retention);
    }

    public SolutionSpec withRetention(Retention newRetention) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts,
                logLevel, split, group, details, existing, filter, newRetention);
    }

    public SolutionSpec withFilter(String newFilter) {
        return new SolutionSpec(name, description, source, window, target, dedupe, rateLimit, retry, schedule, alerts,
                logLevel, split, group, details, existing, newFilter, retention);
    }
}
