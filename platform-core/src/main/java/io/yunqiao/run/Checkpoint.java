package io.yunqiao.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a solution's incremental window ends after its last complete fetch (同步时间点). */
@Entity
@Table(name = "yq_checkpoint")
public class Checkpoint {

    @Id
    @Column(name = "solution_id")
    private Long solutionId;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Checkpoint() {
    }

    Checkpoint(long solutionId, Instant windowEnd, Instant now) {
        this.solutionId = solutionId;
        this.windowEnd = windowEnd;
        this.updatedAt = now;
    }

    public Long getSolutionId() {
        return solutionId;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void advanceTo(Instant end, Instant now) {
        windowEnd = end;
        updatedAt = now;
    }
}
