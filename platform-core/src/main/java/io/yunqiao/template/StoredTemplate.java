package io.yunqiao.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A template made on this installation (published or imported): its id and current version. */
@Entity
@Table(name = "yq_template")
class StoredTemplate {

    @Id
    @Column(name = "template_id", length = 80)
    private String templateId;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 200, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected StoredTemplate() {
    }

    StoredTemplate(String templateId, Instant now, String by) {
        this.templateId = templateId;
        this.createdAt = now;
        this.createdBy = by;
        this.updatedAt = now;
    }

    String templateId() {
        return templateId;
    }

    int currentVersion() {
        return currentVersion;
    }

    /** Makes the next version current and answers its number. */
    int advance(Instant now) {
        currentVersion++;
        updatedAt = now;
        return currentVersion;
    }
}
