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
import jakarta.persistence.Version;
import java.time.Instant;

/** A person who signs in: name, BCrypt password hash and role. */
@Entity
@Table(name = "yq_user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    private String displayName;

    @Column(nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    private boolean enabled;

    /** Signed in with a one-time password (the first start's generated one): must choose a password first. */
    @Column(nullable = false)
    private boolean mustChangePassword;

    /** The node that created the account, for the first administrator: its log holds a one-time password. */
    private String createdOnNode;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    void change(String newDisplayName, Role newRole, boolean nowEnabled, Instant now) {
        this.displayName = newDisplayName;
        this.role = newRole;
        this.enabled = nowEnabled;
        this.updatedAt = now;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    String createdOnNode() {
        return createdOnNode;
    }

    /** Marks the account as created on {@code node}, with a one-time password when {@code oneTime}. */
    void createdOn(String node, boolean oneTime) {
        this.createdOnNode = node;
        this.mustChangePassword = oneTime;
    }

    /** The password the person chose in place of their one-time password. */
    void chosenPassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        this.updatedAt = now;
    }

    void password(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }
}
