-- Staged content gets a table of its own (docs/operations.md, "Staging and compression"). A record's row is updated
-- two or three times while it is written (claimed, then its outcome) and PostgreSQL writes a whole new row version
-- each time, with a new entry in every index: with the compressed content (about 1 KB) in the row, each version
-- copied it. V11 meant to move it out of line, but PostgreSQL only starts to TOAST a row past about 2 KB, whatever
-- toast_tuple_target says, and staged rows are smaller: V11 changed nothing, and is undone here.
-- The same file exists for H2, without the PostgreSQL settings.
CREATE TABLE yq_source_content (
    record_id     BIGINT NOT NULL PRIMARY KEY,
    content_z     BYTEA  NOT NULL,
    dictionary_id BIGINT,
    CONSTRAINT yq_source_content_record FOREIGN KEY (record_id) REFERENCES yq_source_record (id) ON DELETE CASCADE
);
COMMENT ON COLUMN yq_source_content.content_z IS 'the staged content: a zstd frame, with the dictionary dictionary_id when not null';
-- zstd already compressed it: a large one is stored out of line as it is, PostgreSQL does not try again
ALTER TABLE yq_source_content ALTER COLUMN content_z SET STORAGE EXTERNAL;
INSERT INTO yq_source_content (record_id, content_z, dictionary_id)
    SELECT id, content_z, dictionary_id FROM yq_source_record WHERE content_z IS NOT NULL;
ALTER TABLE yq_source_record DROP COLUMN content_z;
ALTER TABLE yq_source_record DROP COLUMN dictionary_id;
ALTER TABLE yq_source_record RESET (toast_tuple_target);
