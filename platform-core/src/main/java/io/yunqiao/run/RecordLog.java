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
import io.yunqiao.problem.ProblemTexts;
import io.yunqiao.problem.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of handling one record in one run (数据日志): request sent, response received, status, error.
 *
 * <p>Request and response are stored zstd-compressed ({@link CompressedText}): they are most of a log's size, and
 * JSON bodies of a few KB shrink several times (bodies of a few hundred bytes by about a tenth). A body shorter than
 * {@link #COMPRESS_FROM} characters, or one that compressing would not make smaller, is kept as text; logs written
 * before compression keep theirs as text too. The getters answer text either way. A compressed body that cannot be read back answers a coded explanation instead
 * ({@code problem.log.requestUnreadable} / {@code problem.log.responseUnreadable}): the rest of the log still shows.
 */
@Entity
@Table(name = "yq_record_log")
public class RecordLog {

    /**
     * Bodies shorter than this are kept as text: a zstd frame's own header and checksum take about a dozen bytes, so
     * small answers such as {@code {"code":200}} would barely shrink, if at all, and compressing them costs time.
     */
    static final int COMPRESS_FROM = 64;

    private static final Logger LOG = LoggerFactory.getLogger(RecordLog.class);

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

    /** The request as text: logs written before compression, and bodies too small to compress. */
    @Column
    private String request;

    @Column
    private String response;

    /** The request compressed; when set, {@link #request} is {@code null}. */
    @Column(name = "request_zstd")
    private byte[] requestZstd;

    @Column(name = "response_zstd")
    private byte[] responseZstd;

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
        this.requestZstd = compressed(request);
        this.request = requestZstd == null ? request : null;
        this.responseZstd = compressed(response);
        this.response = responseZstd == null ? response : null;
        this.errorClass = errorClass;
        this.vendorCode = vendorCode;
        this.message = message;
        this.durationMillis = durationMillis;
        this.createdAt = now;
    }

    /** The body compressed, or {@code null} when it is kept as text (absent, small, or not made smaller). */
    private static byte[] compressed(String body) {
        if (body == null || body.length() < COMPRESS_FROM) {
            return null;
        }
        byte[] plain = body.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] packed = CompressedText.compress(plain, null);
            return packed.length < plain.length ? packed : null;
        } catch (CompressedText.Unreadable e) {
            LOG.warn("a record log body of {} characters is stored uncompressed: {}", body.length(), e.getMessage());
            return null;
        }
    }

    /** How many bytes the text takes as UTF-8 (what a text column stores). */
    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
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

    /**
     * The request sent, as text; a stored body that cannot be decompressed answers why, in Chinese (the platform's
     * default language). {@link #request(Locale)} answers in a given language.
     */
    public String getRequest() {
        return request(Locale.SIMPLIFIED_CHINESE);
    }

    /** The response received, as text; see {@link #getRequest()}. */
    public String getResponse() {
        return response(Locale.SIMPLIFIED_CHINESE);
    }

    /** The request sent; a stored body that cannot be decompressed answers why in {@code locale}'s language. */
    public String request(Locale locale) {
        return body(request, requestZstd, "problem.log.requestUnreadable", locale);
    }

    /** The response received; a stored body that cannot be decompressed answers why in {@code locale}'s language. */
    public String response(Locale locale) {
        return body(response, responseZstd, "problem.log.responseUnreadable", locale);
    }

    /** What the two bodies take in the database, in bytes: compressed, or as UTF-8 text. */
    long storedBodyBytes() {
        return stored(request, requestZstd) + stored(response, responseZstd);
    }

    private static long stored(String text, byte[] packed) {
        return packed != null ? packed.length : text == null ? 0 : utf8Length(text);
    }

    private String body(String text, byte[] packed, String unreadable, Locale locale) {
        if (packed == null) {
            return text;
        }
        try {
            return new String(CompressedText.decompress(packed, null), StandardCharsets.UTF_8);
        } catch (CompressedText.Unreadable e) {
            LOG.warn("record log {}: a stored body of {} bytes cannot be decompressed: {}", id, packed.length,
                    e.getMessage());
            return ProblemTexts.render(unreadable, locale, String.valueOf(id), packed.length);
        }
    }

    public String getErrorClass() {
        return errorClass;
    }

    public String getVendorCode() {
        return vendorCode;
    }

    /**
     * Why the record ended as it did, in Chinese (the platform's default language); {@link #message(Locale)} answers
     * in a given language. A message stored before messages had codes reads as it was stored.
     */
    public String getMessage() {
        return message(Locale.SIMPLIFIED_CHINESE);
    }

    /** Why the record ended as it did, in {@code locale}'s language ({@link StoredMessage}). */
    public String message(Locale locale) {
        return StoredMessage.render(message, locale);
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
