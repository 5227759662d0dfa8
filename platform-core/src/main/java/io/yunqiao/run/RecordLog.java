package io.yunqiao.run;

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

/** The outcome of handling one record in one run (数据日志): request sent, response received, status, error. */
@Entity
@Table(name = "yq_record_log")
public class RecordLog {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "yq_id")
    @SequenceGenerator(name = "yq_id", sequenceName = "yq_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "source_record_id")
    private Long sourceRecordId;

    @Column(name = "source_key", length = 300)
    private String sourceKey;

    @Column(length = 300)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RecordStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column
    private String request;

    @Column
    private String response;

    @Column(name = "error_class", length = 20)
    private String errorClass;

    @Column(name = "vendor_code", length = 100)
    private String vendorCode;

    @Column
    private String message;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RecordLog() {
    }

    RecordLog(long runId, SourceRecord record, RecordStatus status, int attempts, String request, String response,
            String errorClass, String vendorCode, String message, long durationMillis, Instant now) {
        this.runId = runId;
        this.sourceRecordId = record == null ? null : record.getId();
        this.sourceKey = record == null ? null : record.getSourceKey();
        this.code = record == null ? null : record.getCode();
        this.status = status;
        this.attempts = attempts;
        this.request = request;
        this.response = response;
        this.errorClass = errorClass;
        this.vendorCode = vendorCode;
        this.message = message;
        this.durationMillis = durationMillis;
        this.createdAt = now;
    }

    RecordLog withSourceKey(String key) {
        this.sourceKey = key;
        return this;
    }

    public Long getId() {
        return id;
    }

    public long getRunId() {
        return runId;
    }

    public Long getSourceRecordId() {
        return sourceRecordId;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public String getCode() {
        return code;
    }

    public RecordStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getRequest() {
        return request;
    }

    public String getResponse() {
        return response;
    }

    public String getErrorClass() {
        return errorClass;
    }

    public String getVendorCode() {
        return vendorCode;
    }

    public String getMessage() {
        return message;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
