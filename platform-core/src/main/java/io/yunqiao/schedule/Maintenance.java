package io.yunqiao.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The one row of the maintenance mode (V22): on or off, and the last switch's who, when and why. */
@Entity
@Table(name = "yq_maintenance")
class Maintenance {

    /** The only row's id. */
    static final int ROW = 1;

    @Id
    private Integer id;

    @Column(nullable = false)
    private boolean active;

    private Instant changedAt;

    private String changedBy;

    private String note;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Maintenance() {
    }

    boolean active() {
        return active;
    }

    void switchTo(boolean on, String by, String why, Instant now) {
        this.active = on;
        this.changedBy = by;
        this.note = why;
        this.changedAt = now;
    }

    MaintenanceState state() {
        return new MaintenanceState(active, changedAt, changedBy, note);
    }
}
