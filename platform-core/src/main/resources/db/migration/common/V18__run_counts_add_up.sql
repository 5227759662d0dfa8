-- Failures that add up (issue #14): a run's counts name every record it fetched or took over, so that
-- fetched + carried = written + skipped + failed + unconfirmed + unchanged + valid.
--   unchanged   fetched again with the content already staged while its earlier outcome is still open (failed,
--               unconfirmed, waiting): not staged again; an open failure stays open (待处理失败) unless retried
--   carried     records staged by an earlier run that this run wrote: re-pushed, retried, left over
--   unconfirmed records sent without an answer the target could confirm (the next run sends them again)
--   valid_count a dry run's records that passed mapping and validation (nothing is sent)
ALTER TABLE yq_run ADD COLUMN unchanged INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE yq_run ADD COLUMN carried INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE yq_run ADD COLUMN unconfirmed INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE yq_run ADD COLUMN valid_count INTEGER DEFAULT 0 NOT NULL;
-- Automatic retries of failed records by later runs (solution setting retry.laterRuns): how many later runs have
-- taken this record up again since it last failed by a fetch or a re-push.
ALTER TABLE yq_source_record ADD COLUMN auto_retries INTEGER DEFAULT 0 NOT NULL;
-- Open failures (待处理失败) counted across solutions, and today's still-open failures on the dashboard.
CREATE INDEX yq_source_record_open ON yq_source_record (status, updated_at);
