package io.yunqiao.run;

import io.yunqiao.problem.StoredMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.hibernate.annotations.DynamicUpdate;

/** One execution of a solution (运行记录): trigger, window, status, counts, timings, error. */
@Entity
@Table(name = "yq_run")
// an update writes only what changed: counts are added in the database by several nodes (RunRepository.addCounts),
// and a flush of a run read earlier must never write them back as they were
@DynamicUpdate
public class Run {

    @Id
    // its own sequence, one value at a time: the numbers people read follow each other (V20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_run")
    @SequenceGenerator(name = "yq_run", sequenceName = "yq_run_seq", allocationSize = 1)
    private Long id;

    @Column(name = "solution_id", nullable = false)
    private long solutionId;

    @Column(name = "solution_version", nullable = false)
    private int solutionVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false, length = 20)
    private RunTrigger trigger;

    @Column(name = "dry_run", nullable = false)
    private boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RunStatus status;

    @Column(name = "window_start")
    private Instant windowStart;

    @Column(name = "window_end")
    private Instant windowEnd;

    @Column(nullable = false)
    private int fetched;

    @Column(nullable = false)
    private int skipped;

    @Column(nullable = false)
    private int written;

    @Column(nullable = false)
    private int failed;

    @Column(nullable = false)
    private int pages;

    /** Fetched again unchanged while the earlier outcome is still open: not staged again (V18). */
    @Column(nullable = false)
    private int unchanged;

    /** Staged by an earlier run and written by this one: re-pushed, retried, left over. */
    @Column(nullable = false)
    private int carried;

    /** Sent without an answer the target could confirm: the next run sends them again. */
    @Column(nullable = false)
    private int unconfirmed;

    /** A dry run's records that passed mapping and validation. */
    @Column(name = "valid_count", nullable = false)
    private int valid;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column
    private String error;

    @Column(length = 200)
    private String node;

    /** The Quartz instance of the node running it: its check-ins tell whether the run is still alive. */
    @Column(name = "instance_id", length = 200)
    private String instanceId;

    @Column(name = "writing_since")
    private Instant writingSince;

    /** For an INTERRUPTED run: the run that continued its work (V21). */
    @Column(name = "continued_by_run_id")
    private Long continuedByRunId;

    /** The INTERRUPTED run whose work this run continued (V21). */
    @Column(name = "continues_run_id")
    private Long continuesRunId;

    protected Run() {
    }

    Run(long solutionId, int solutionVersion, RunTrigger trigger, boolean dryRun, Instant now, String node,
            String instanceId) {
        this.solutionId = solutionId;
        this.solutionVersion = solutionVersion;
        this.trigger = trigger;
        this.dryRun = dryRun;
        this.status = RunStatus.RUNNING;
        this.startedAt = now;
        this.node = node;
        this.instanceId = instanceId;
    }

    public Long getId() {
        return id;
    }

    public long getSolutionId() {
        return solutionId;
    }

    public int getSolutionVersion() {
        return solutionVersion;
    }

    public RunTrigger getTrigger() {
        return trigger;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public RunStatus getStatus() {
        return status;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public int getFetched() {
        return fetched;
    }

    public int getSkipped() {
        return skipped;
    }

    public int getWritten() {
        return written;
    }

    public int getFailed() {
        return failed;
    }

    public int getUnchanged() {
        return unchanged;
    }

    public int getCarried() {
        return carried;
    }

    public int getUnconfirmed() {
        return unconfirmed;
    }

    public int getValid() {
        return valid;
    }

    /**
     * Whether the counts account for every record: fetched + carried = written + skipped + failed + unconfirmed +
     * unchanged + valid. Holds for every run that ended by its counts; a run interrupted by a stop leaves records
     * waiting for the run that continues its work.
     */
    public boolean countsAddUp() {
        return (long) fetched + carried == (long) written + skipped + failed + unconfirmed + unchanged + valid;
    }

    public int getPages() {
        return pages;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    /**
     * Why the run ended as it did, in Chinese (the platform's default language); {@link #error(Locale)} answers in a
     * given language. An error stored before errors had codes reads as it was stored.
     */
    public String getError() {
        return error(Locale.SIMPLIFIED_CHINESE);
    }

    /** Why the run ended as it did, in {@code locale}'s language ({@link StoredMessage}); {@code null} when fine. */
    public String error(Locale locale) {
        return StoredMessage.render(error, locale);
    }

    public String getNode() {
        return node;
    }

    public String getInstanceId() {
        return instanceId;
    }

    /**
     * When it began writing: with its fetch (the writer takes each page as it is staged), or at once for a re-push;
     * {@code null} for a dry run, which writes nothing.
     */
    public Instant getWritingSince() {
        return writingSince;
    }

    /** For an INTERRUPTED run, the run that continued its work; {@code null} until one did (or for a dry run). */
    public Long getContinuedByRunId() {
        return continuedByRunId;
    }

    /** The INTERRUPTED run whose work this run continued, or {@code null}. */
    public Long getContinuesRunId() {
        return continuesRunId;
    }

    void continues(long interruptedRunId) {
        continuesRunId = interruptedRunId;
    }

    void continuedBy(long runId) {
        continuedByRunId = runId;
    }

    void writing(Instant now) {
        writingSince = now;
    }

    void window(Instant start, Instant end) {
        if (windowStart == null) {
            windowStart = start;
        }
        windowEnd = end;
    }

    void end(RunStatus finalStatus, String reason, Instant now) {
        status = finalStatus;
        error = reason;
        endedAt = now;
    }
}
