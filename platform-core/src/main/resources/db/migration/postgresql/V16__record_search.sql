-- Search by business key (issue #14, docs/user-guide.md "按单据编号查找"): a bill number, source key or target key
-- typed on the runs screen or given to GET /api/records is looked up across every solution, exactly or as the start
-- of the value ("CGRK-2026" finds CGRK-20260101-0001). PostgreSQL reads a plain index for "LIKE 'CGRK-2026%'" only
-- when the database's collation is "C"; production databases are usually created with a language's collation
-- (en_US.UTF-8, zh_CN.UTF-8, even C.UTF-8 before PostgreSQL 17), where prefix order is not collation order. The
-- varchar_pattern_ops operator class compares byte by byte, so these indexes serve both "= ?" and "LIKE 'prefix%'"
-- whatever the collation. The source key's unique key (V10) is in collation order: it gets one too.
-- The same version exists for H2, where the unique key already serves.
CREATE INDEX yq_source_record_code_search ON yq_source_record (code varchar_pattern_ops);
CREATE INDEX yq_source_record_key_search ON yq_source_record (source_key varchar_pattern_ops);
CREATE INDEX yq_source_record_target_search ON yq_source_record (target_key varchar_pattern_ops);
-- the runs a found record appears in: its record logs, newest first
CREATE INDEX yq_record_log_source_record ON yq_record_log (source_record_id);
