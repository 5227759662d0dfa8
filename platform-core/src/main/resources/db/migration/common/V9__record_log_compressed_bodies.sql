-- Issue #12, cheap logs: the request and response of a record log are stored zstd-compressed in these columns (BYTEA
-- is BINARY VARYING on H2 and bytea on PostgreSQL). Rows written before keep their bodies in request/response and are
-- read from there; a new row fills either the text column (a body too small to gain from compressing) or the
-- compressed one, never both.
ALTER TABLE yq_record_log ADD COLUMN request_zstd BYTEA;
ALTER TABLE yq_record_log ADD COLUMN response_zstd BYTEA;
