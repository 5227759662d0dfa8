package io.yunqiao.connectorstore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A connector definition stored in the platform: its current text; every saved text is a
 * {@link StoredConnectorVersion}.
 */
@Entity
@Table(name = "yq_stored_connector")
class StoredConnector {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "connector_id", nullable = false, updatable = false, length = 100)
    private String connectorId;

    @Column(name = "extends_id", length = 100)
    private String extendsId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DefinitionFormat format;

    @Column(nullable = false)
    private String definition;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 200, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 200)
    private String updatedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected StoredConnector() {
    }

    StoredConnector(String connectorId, Instant now, String author) {
        this.connectorId = connectorId;
        this.createdAt = now;
        this.createdBy = author;
    }

    void apply(String newExtendsId, DefinitionFormat newFormat, String text, int version, Instant now,
            String author) {
        extendsId = newExtendsId;
        format = newFormat;
        definition = text;
        currentVersion = version;
        updatedAt = now;
        updatedBy = author;
    }

    Long id() {
        return id;
    }

    String connectorId() {
        return connectorId;
    }

    String extendsId() {
        return extendsId;
    }

    DefinitionFormat format() {
        return format;
    }

    String definition() {
        return definition;
    }

    int currentVersion() {
        return currentVersion;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String updatedBy() {
        return updatedBy;
    }
}
