-- Search by business key (issue #14, docs/user-guide.md "按单据编号查找"): a bill number, source key or target key
-- typed on the runs screen or given to GET /api/records is looked up across every solution, exactly or as the start
-- of the value ("CGRK-2026" finds CGRK-20260101-0001). Each column needs an index that starts with it: the source
-- key has one (the unique key, key first since V10); the code's index starts with the solution (V8), and the target
-- key had none. H2 compares text code unit by code unit, so "LIKE 'CGRK-2026%'" reads these indexes as a range.
-- The same version exists for PostgreSQL, with operator classes its LIKE needs.
CREATE INDEX yq_source_record_code_search ON yq_source_record (code);
CREATE INDEX yq_source_record_target_search ON yq_source_record (target_key);
-- the runs a found record appears in: its record logs, newest first
CREATE INDEX yq_record_log_source_record ON yq_record_log (source_record_id);
