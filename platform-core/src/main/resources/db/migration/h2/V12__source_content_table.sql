-- Staged content gets a table of its own (docs/operations.md, "Staging and compression"): a record's row is updated
-- two or three times while it is written (claimed, then its outcome), and each update rewrote the compressed content
-- (about 1 KB) with the few columns that changed. The same file exists for PostgreSQL, with its own settings.
CREATE TABLE yq_source_content (
    record_id     BIGINT NOT NULL PRIMARY KEY,
    content_z     BYTEA  NOT NULL,
    dictionary_id BIGINT,
    CONSTRAINT yq_source_content_record FOREIGN KEY (record_id) REFERENCES yq_source_record (id) ON DELETE CASCADE
);
COMMENT ON COLUMN yq_source_content.content_z IS 'the staged content: a zstd frame, with the dictionary dictionary_id when not null';
INSERT INTO yq_source_content (record_id, content_z, dictionary_id)
    SELECT id, content_z, dictionary_id FROM yq_source_record WHERE content_z IS NOT NULL;
ALTER TABLE yq_source_record DROP COLUMN content_z;
ALTER TABLE yq_source_record DROP COLUMN dictionary_id;
