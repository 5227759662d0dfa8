package io.yunqiao.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which template version a solution was copied from; kept when the solution is deleted, removed with its template. */
@Entity
@Table(name = "yq_template_copy")
class TemplateCopyMark {

    @Id
    @Column(name = "solution_id")
    private Long solutionId;

    @Column(name = "template_id", nullable = false, length = 80)
    private String templateId;

    @Column(name = "template_version", nullable = false)
    private int templateVersion;

    @Column(name = "copied_at", nullable = false)
    private Instant copiedAt;

    @Column(name = "copied_by", length = 200)
    private String copiedBy;

    protected TemplateCopyMark() {
    }

    TemplateCopyMark(long solutionId, String templateId, int templateVersion, Instant copiedAt, String copiedBy) {
        this.solutionId = solutionId;
        this.templateId = templateId;
        this.templateVersion = templateVersion;
        this.copiedAt = copiedAt;
        this.copiedBy = copiedBy;
    }

    String templateId() {
        return templateId;
    }

    int templateVersion() {
        return templateVersion;
    }

    Instant copiedAt() {
        return copiedAt;
    }

    /** The solution now follows {@code version} of its template (it adopted a newer one). */
    void follow(int version) {
        templateVersion = version;
    }
}
