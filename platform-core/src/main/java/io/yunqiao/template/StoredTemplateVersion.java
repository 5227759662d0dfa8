package io.yunqiao.template;

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

/** One published or imported version of a stored template; never changed once written. */
@Entity
@Table(name = "yq_template_version")
class StoredTemplateVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "template_id", nullable = false, updatable = false, length = 80)
    private String templateId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false)
    private String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private TemplateOrigin origin;

    @Column(length = 2000, updatable = false)
    private String note;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    @Column(name = "published_by", length = 200, updatable = false)
    private String publishedBy;

    protected StoredTemplateVersion() {
    }

    StoredTemplateVersion(String templateId, int version, String content, TemplateOrigin origin, String note,
            Instant publishedAt, String publishedBy) {
        this.templateId = templateId;
        this.version = version;
        this.content = content;
        this.origin = origin;
        this.note = note;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    int version() {
        return version;
    }

    String content() {
        return content;
    }

    SolutionTemplate template() {
        return TemplateFile.fromContent(content, version, origin,
                new SolutionTemplate.Publication(publishedBy, publishedAt, note == null ? "" : note));
    }
}
