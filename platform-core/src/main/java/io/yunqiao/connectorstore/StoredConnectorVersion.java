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
import java.time.Instant;

/** One saved text of a stored connector definition; never changed once written. */
@Entity
@Table(name = "yq_stored_connector_version")
class StoredConnectorVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "stored_id", nullable = false, updatable = false)
    private long storedId;

    @Column(name = "connector_id", nullable = false, updatable = false, length = 100)
    private String connectorId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(name = "extends_id", length = 100, updatable = false)
    private String extendsId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private DefinitionFormat format;

    @Column(nullable = false, updatable = false)
    private String definition;

    @Column(length = 2000, updatable = false)
    private String note;

    @Column(name = "saved_at", nullable = false, updatable = false)
    private Instant savedAt;

    @Column(name = "saved_by", length = 200, updatable = false)
    private String savedBy;

    protected StoredConnectorVersion() {
    }

    StoredConnectorVersion(StoredConnector stored, String note) {
        this.storedId = stored.id();
        this.connectorId = stored.connectorId();
        this.version = stored.currentVersion();
        this.extendsId = stored.extendsId();
        this.format = stored.format();
        this.definition = stored.definition();
        this.note = note;
        this.savedAt = stored.updatedAt();
        this.savedBy = stored.updatedBy();
    }

    StoredVersionView view(boolean withText) {
        return new StoredVersionView(connectorId, version, extendsId, format, withText ? definition : null, note,
                savedAt, savedBy);
    }

    String definition() {
        return definition;
    }
}
