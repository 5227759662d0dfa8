package io.yunqiao.run;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** A target key a solution wrote successfully; a later record with the same key is skipped as a duplicate. */
@Entity
@Table(name = "yq_written_key")
class WrittenKey implements Persistable<WrittenKey.Id> {

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

    /**
     * Whether the key is not in the database yet: saved with an insert, without looking it up first (an id given,
     * not generated, would otherwise make every save a select). A key another node wrote at the same instant then
     * fails the insert, and the writer sends that record again, idempotently.
     */
    @Transient
    private boolean added;

    String targetKey() {
        return id.targetKey();
    }

    protected WrittenKey() {
    }

    WrittenKey(long solutionId, String targetKey, long sourceRecordId, Instant now) {
        this.id = new Id(solutionId, targetKey);
        this.sourceRecordId = sourceRecordId;
        this.writtenAt = now;
        this.added = true;
    }

    @Override
    public Id getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return added;
    }

    @PostLoad
    @PostPersist
    void stored() {
        added = false;
    }
}
