package io.yunqiao.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stored content of a staged record (V12), in a table of its own: a record's row changes two or three times
 * while it is written (claimed, then its outcome), and PostgreSQL writes a whole new row version each time, H2
 * rewrites the row. Kept apart, the content (about 1 KB compressed) is written once per fetch of new content, and
 * those updates copy only the record's few narrow columns.
 */
@Entity
@Table(name = "yq_source_content")
class SourceContent extends AssignedId<Long> {

    /** The {@link SourceRecord}'s id: one content per record, removed with it (ON DELETE CASCADE). */
    @Id
    @Column(name = "record_id")
    private Long recordId;

    /** The content's UTF-8 JSON, zstd-compressed ({@link StagedContents} reads it). */
    @Column(name = "content_z", nullable = false)
    private byte[] contentZ;

    /** The {@link ContentDictionary} {@link #contentZ} was compressed with, {@code null} for none. */
    @Column(name = "dictionary_id")
    private Long dictionaryId;

    protected SourceContent() {
    }

    SourceContent(long recordId, StagedContents.Stored stored) {
        this.recordId = recordId;
        this.contentZ = stored.compressed();
        this.dictionaryId = stored.dictionaryId();
    }

    /** New content fetched for the same record. */
    void replace(StagedContents.Stored stored) {
        contentZ = stored.compressed();
        dictionaryId = stored.dictionaryId();
    }

    @Override
    public Long getId() {
        return recordId;
    }

    byte[] getContentZ() {
        return contentZ;
    }

    Long getDictionaryId() {
        return dictionaryId;
    }
}
