package io.yunqiao.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A connection (连接器) as stored: plain values as JSON, secret values as one AES-GCM sealed JSON object. */
@Entity
@Table(name = "yq_connection")
class SavedConnection {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "connector_id", nullable = false, length = 100)
    private String connectorId;

    @Column(name = "plain_values", nullable = false)
    private String plainValues;

    @Column(name = "secret_values")
    private String secretValues;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected SavedConnection() {
    }

    SavedConnection(String name, String connectorId, Instant now) {
        this.name = name;
        this.connectorId = connectorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String connectorId() {
        return connectorId;
    }

    String plainValues() {
        return plainValues;
    }

    String secretValues() {
        return secretValues;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void store(String plain, String sealedSecrets, Instant now) {
        this.plainValues = plain;
        this.secretValues = sealedSecrets;
        this.updatedAt = now;
    }
}
