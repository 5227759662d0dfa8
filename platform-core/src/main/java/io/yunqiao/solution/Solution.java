package io.yunqiao.solution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An integration solution (集成方案): its identity and what lists need (enabled, schedule, connections); everything
 * else lives in its immutable {@link SolutionVersion}s.
 */
@Entity
@Table(name = "yq_solution")
public class Solution {

    @Id
    // its own sequence, one value at a time: the numbers people read follow each other (V20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_solution")
    @SequenceGenerator(name = "yq_solution", sequenceName = "yq_solution_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private boolean enabled;

    @Column(length = 120)
    private String cron;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "source_connection_id")
    private Long sourceConnectionId;

    @Column(name = "target_connection_id")
    private Long targetConnectionId;

    @Column(name = "running_run_id")
    private Long runningRunId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Solution() {
    }

    Solution(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getCron() {
        return cron;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public Long getSourceConnectionId() {
        return sourceConnectionId;
    }

    public Long getTargetConnectionId() {
        return targetConnectionId;
    }

    /** The run holding this solution's run lock, or {@code null}. */
    public Long getRunningRunId() {
        return runningRunId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void apply(SolutionSpec spec, int version, Instant now) {
        name = spec.name();
        enabled = spec.schedule().enabled();
        cron = spec.schedule().cron();
        sourceConnectionId = spec.source().connection();
        targetConnectionId = spec.target().connection();
        currentVersion = version;
        updatedAt = now;
    }
}
