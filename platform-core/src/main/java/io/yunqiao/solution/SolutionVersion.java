package io.yunqiao.solution;

import io.yunqiao.problem.StoredMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** One saved state of a solution; never changed once written. Saving a solution adds a version. */
@Entity
@Table(name = "yq_solution_version")
public class SolutionVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "solution_id", nullable = false, updatable = false)
    private long solutionId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false)
    private String spec;

    @Column(length = 500, updatable = false)
    private String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SolutionVersion() {
    }

    SolutionVersion(long solutionId, int version, String spec, String comment, Instant now) {
        this.solutionId = solutionId;
        this.version = version;
        this.spec = spec;
        this.comment = comment;
        this.createdAt = now;
    }

    public long getSolutionId() {
        return solutionId;
    }

    public int getVersion() {
        return version;
    }

    /** The {@link SolutionSpec} as JSON. */
    public String getSpec() {
        return spec;
    }

    /**
     * The version's note in Chinese (the platform's default language); {@link #comment(Locale)} in a given one. A note
     * the platform wrote (copied, restored, imported) is a {@link StoredMessage}; a person's note reads as typed.
     */
    public String getComment() {
        return comment(Locale.SIMPLIFIED_CHINESE);
    }

    public String comment(Locale locale) {
        return StoredMessage.render(comment, locale);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
