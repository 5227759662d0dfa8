-- The dashboard sums record logs by time (today, and per hour over the last 24 hours): without this index those
-- sums read the whole table.
CREATE INDEX yq_record_log_created ON yq_record_log (created_at);
