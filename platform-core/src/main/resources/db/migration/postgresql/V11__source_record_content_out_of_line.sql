-- A staged record's row is updated twice after it is inserted (claimed, then its outcome), and PostgreSQL writes a
-- whole new row version each time; the old ones stay until vacuum. With the compressed content (about 1 KB) inside
-- the row, that left about 4 KB per record right after a run (docs/benchmarks.md). Moved out of line (TOAST) once a
-- row passes 512 bytes, the content is written once and every later row version only points to it. EXTERNAL: zstd
-- already compressed it, PostgreSQL should not try again. Applies to rows written from now on.
ALTER TABLE yq_source_record ALTER COLUMN content_z SET STORAGE EXTERNAL;
ALTER TABLE yq_source_record SET (toast_tuple_target = 512);
COMMENT ON COLUMN yq_source_record.content_z IS 'the staged content: a zstd frame, with the dictionary dictionary_id when not null';
