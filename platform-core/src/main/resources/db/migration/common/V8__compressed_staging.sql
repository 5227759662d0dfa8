-- Staged content stored compressed (docs/operations.md, "Staging and compression"). Portable SQL: BYTEA is
-- PostgreSQL's binary type and an alias of H2's BINARY VARYING.

-- zstd dictionaries trained on a solution's first staged records: bills of one solution share most of their field
-- names and many values, so a dictionary shrinks each record several times more than plain zstd. Rows are never
-- changed: a staged record names the dictionary its content was compressed with.
CREATE TABLE yq_content_dictionary (
    id           BIGINT    NOT NULL PRIMARY KEY,
    solution_id  BIGINT    NOT NULL,
    dictionary   BYTEA     NOT NULL,
    samples      INTEGER   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX yq_content_dictionary_solution ON yq_content_dictionary (solution_id, id);

-- New and re-fetched records keep their content in content_z (a zstd frame, with the dictionary dictionary_id when
-- not null) and leave content empty; rows staged before this version keep their text in content and are read
-- from there: nothing is rewritten on upgrade.
ALTER TABLE yq_source_record ADD COLUMN content_z BYTEA;
ALTER TABLE yq_source_record ADD COLUMN dictionary_id BIGINT;
ALTER TABLE yq_source_record ALTER COLUMN content DROP NOT NULL;
-- $lookup in mappings finds records by primary key or code first (docs/mapping.md): the key has its unique index.
CREATE INDEX yq_source_record_code ON yq_source_record (solution_id, code);
