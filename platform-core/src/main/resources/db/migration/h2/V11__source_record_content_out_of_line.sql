-- PostgreSQL's V11 moves the compressed content out of the row (TOAST) so that updates of a staged record's status
-- do not copy it; H2 has no such setting, and its MVStore rewrites pages on commit either way. The same version
-- number on both databases keeps the next common migration free to be V12.
COMMENT ON COLUMN yq_source_record.content_z IS 'the staged content: a zstd frame, with the dictionary dictionary_id when not null';
