package io.yunqiao.web.security;

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

/** A personal API token: its owner, name, role and the SHA-256 of the secret (the secret itself is not kept). */
@Entity
@Table(name = "yq_api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private long userId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String tokenHash;

    @Column(nullable = false)
    private String tokenHint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant lastUsedAt;

    private Instant expiresAt;

    protected ApiToken() {
    }

    ApiToken(long userId, String name, String tokenHash, String tokenHint, Role role, Instant now, Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.role = role;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String name() {
        return name;
    }

    String tokenHint() {
        return tokenHint;
    }

    Role role() {
        return role;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    void used(Instant now) {
        this.lastUsedAt = now;
    }
}
