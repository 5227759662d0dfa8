package io.yunqiao.run;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A target key a solution wrote successfully; a later record with the same key is skipped as a duplicate. Saved with
 * an insert alone: a key another node wrote at the same instant fails it, and the writer sends that record again,
 * idempotently.
 */
@Entity
@Table(name = "yq_written_key")
class WrittenKey extends AssignedId<WrittenKey.Id> {

    /** The key of a written key: solution and target key. */
    @Embeddable
    record Id(@Column(name = "solution_id") long solutionId, @Column(name = "target_key", length = 500) String targetKey)
            implements Serializable {
    }

    @EmbeddedId
    private Id id;

    @Column(name = "source_record_id", nullable = false)
    private long sourceRecordId;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    String targetKey() {
        return id.targetKey();
    }

    protected WrittenKey() {
    }

    WrittenKey(long solutionId, String targetKey, long sourceRecordId, Instant now) {
        this.id = new Id(solutionId, targetKey);
        this.sourceRecordId = sourceRecordId;
        this.writtenAt = now;
    }

    @Override
    public Id getId() {
        return id;
    }
}
