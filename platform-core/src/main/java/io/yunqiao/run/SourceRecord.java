package io.yunqiao.run;

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
import org.hibernate.annotations.DynamicUpdate;

/**
 * A fetched record staged for writing (源数据), keyed by (solution, primary key), with the hash of its content: the
 * same key with the same hash already written is a duplicate; a changed hash is written again.
 */
@Entity
@Table(name = "yq_source_record")
// a claim or an outcome changes a few columns: only those are sent (the content has a table of its own, SourceContent)
@DynamicUpdate
public class SourceRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "solution_id", nullable = false)
    private long solutionId;

    @Column(name = "source_key", nullable = false, length = 300)
    private String sourceKey;

    @Column(length = 300)
    private String code;

    /** The record's group key (grouping, 合并), computed at staging; {@code null} when the solution groups nothing. */
    @Column(name = "group_key", length = 300)
    private String groupKey;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    /** The content as staged before compression (V8); {@code null} for records staged since. */
    private String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RecordStatus status;

    @Column(name = "target_key", length = 500)
    private String targetKey;

    @Column(nullable = false)
    private int attempts;

    /** Whether a request for this content may have reached the target: then "already exists" means success. */
    @Column(nullable = false)
    private boolean sent;

    /** The Quartz instance of the node writing it while PROCESSING. */
    @Column(name = "claimed_by", length = 200)
    private String claimedBy;

    @Column(name = "last_run_id")
    private Long lastRunId;

    /** Later runs that took this record up again automatically since it was last fetched (V18). */
    @Column(name = "auto_retries", nullable = false)
    private int autoRetries;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SourceRecord() {
    }

    SourceRecord(long solutionId, String sourceKey, String code, String contentHash, long runId, Instant now) {
        this.solutionId = solutionId;
        this.sourceKey = sourceKey;
        this.code = code;
        this.contentHash = contentHash;
        this.status = RecordStatus.PENDING;
        this.lastRunId = runId;
        this.fetchedAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getSolutionId() {
        return solutionId;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public String getCode() {
        return code;
    }

    public String getGroupKey() {
        return groupKey;
    }

    /** Set at staging (and for records staged before their solution grouped, when the writer first meets them). */
    void groupKey(String key) {
        groupKey = key;
    }

    public String getContentHash() {
        return contentHash;
    }

    /** The text of a record staged before content was compressed, else {@code null}: StagedContents reads both. */
    String getContent() {
        return content;
    }

    public RecordStatus getStatus() {
        return status;
    }

    public String getTargetKey() {
        return targetKey;
    }

    public int getAttempts() {
        return attempts;
    }

    public boolean isSent() {
        return sent;
    }

    public Long getLastRunId() {
        return lastRunId;
    }

    public Instant getFetchedAt() {
        return fetchedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /**
     * A fetch of new content: it must be written again. A send of the old content that may have reached the
     * target and was never answered stays "possibly sent": the target may hold this record already.
     */
    void refetched(String newCode, String newHash, long runId, Instant now) {
        boolean unanswered = status == RecordStatus.PENDING || status == RecordStatus.PROCESSING
                || status == RecordStatus.UNCONFIRMED;
        code = newCode;
        contentHash = newHash;
        content = null;
        status = RecordStatus.PENDING;
        sent = sent && unanswered;
        attempts = 0;
        targetKey = null;
        autoRetries = 0;
        lastRunId = runId;
        fetchedAt = now;
        updatedAt = now;
    }

    /** Taken for writing by a node: other nodes leave it alone while that node lives. */
    void claim(long runId, String instance, Instant now) {
        moveTo(RecordStatus.PROCESSING, runId, now);
        claimedBy = instance;
    }

    void moveTo(RecordStatus newStatus, long runId, Instant now) {
        claimedBy = null;
        status = newStatus;
        lastRunId = runId;
        updatedAt = now;
    }

    void attempted(int totalAttempts, boolean mayHaveReachedTarget, Instant now) {
        attempts = totalAttempts;
        sent = sent || mayHaveReachedTarget;
        updatedAt = now;
    }

    void targetKey(String key) {
        targetKey = key;
    }
}
