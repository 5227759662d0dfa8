package io.yunqiao.retention;

import io.yunqiao.solution.SolutionSpec;
import java.text.ParseException;
import org.quartz.CronExpression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's retention settings {@code yunqiao.retention.*} (docs/operations.md, "Retention"), checked at start:
 * a value out of range stops the start with a message naming the setting and the allowed range, as
 * {@code yunqiao.engine.hand-off-pages} does. A solution may keep record logs and content for other numbers of
 * days ({@link SolutionSpec.Retention}).
 */
@Component
public class RetentionSettings {

    static final String PREFIX = "yunqiao.retention.";

    private final int recordLogDays;
    private final int contentDays;
    private final int emptyRunsDays;
    private final String cron;
    private final int batchSize;
    private final int usageRefreshMinutes;

    RetentionSettings(@Value("${yunqiao.retention.record-log-days:30}") String recordLogDays,
            @Value("${yunqiao.retention.content-days:30}") String contentDays,
            @Value("${yunqiao.retention.empty-runs-days:1}") String emptyRunsDays,
            @Value("${yunqiao.retention.cron:0 30 3 * * ?}") String cron,
            @Value("${yunqiao.retention.batch-size:500}") String batchSize,
            @Value("${yunqiao.retention.disk-usage-refresh-minutes:15}") String usageRefreshMinutes) {
        this.recordLogDays = days("record-log-days", recordLogDays);
        this.contentDays = days("content-days", contentDays);
        this.emptyRunsDays = days("empty-runs-days", emptyRunsDays);
        this.cron = cron(cron);
        this.batchSize = number("batch-size", batchSize, 10, 10_000);
        this.usageRefreshMinutes = number("disk-usage-refresh-minutes", usageRefreshMinutes, 1, 1440);
    }

    /** Days record logs are kept, unless a solution says otherwise. */
    public int recordLogDays() {
        return recordLogDays;
    }

    /** Days the staged content of a written record is kept after it was written, unless a solution says otherwise. */
    public int contentDays() {
        return contentDays;
    }

    /** Runs that found nothing are kept one by one this many days; before that, one per solution and day. */
    public int emptyRunsDays() {
        return emptyRunsDays;
    }

    /** When the clean-up runs by itself (Quartz cron, Beijing time); {@code null}: only on demand. */
    public String cron() {
        return cron;
    }

    /** Rows deleted per statement and transaction. */
    public int batchSize() {
        return batchSize;
    }

    /** How often the disk used per solution is measured again. */
    public int usageRefreshMinutes() {
        return usageRefreshMinutes;
    }

    /** The days a solution keeps its record logs: its own setting, else the platform's. */
    public int recordLogDays(SolutionSpec.Retention own) {
        return own == null || own.recordLogDays() == null ? recordLogDays : own.recordLogDays();
    }

    /** The days a solution keeps the content of its written records: its own setting, else the platform's. */
    public int contentDays(SolutionSpec.Retention own) {
        return own == null || own.contentDays() == null ? contentDays : own.contentDays();
    }

    static int days(String name, String value) {
        return number(name, value, SolutionSpec.Retention.MIN_DAYS, SolutionSpec.Retention.MAX_DAYS);
    }

    /**
     * A whole number within [min, max].
     *
     * @throws IllegalArgumentException for anything else, naming the setting and the allowed range
     */
    static int number(String name, String value, int min, int max) {
        String text = value == null ? "" : value.trim();
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new IllegalArgumentException(PREFIX + name + " is a whole number from " + min + " to " + max + ", not '"
                + value + "'");
    }

    /**
     * A Quartz cron expression (seconds first), or blank for no scheduled clean-up.
     *
     * @throws IllegalArgumentException for an expression Quartz refuses, naming the setting
     */
    static String cron(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.equals("-")) {
            return null;
        }
        try {
            CronExpression.validateExpression(text);
            return text;
        } catch (ParseException e) {
            throw new IllegalArgumentException(PREFIX + "cron is a Quartz cron expression such as '0 30 3 * * ?' (every"
                    + " day at 03:30), or '-' for no scheduled clean-up, not '" + value + "': " + e.getMessage(), e);
        }
    }
}
