-- Several nodes on one database (docs/operations.md, "Scaling out").
-- The Quartz instance id of the node running a run: whether that node is alive is read from Quartz's own check-ins
-- (QRTZ_SCHEDULER_STATE), so a run left behind by a dead node can be taken over.
ALTER TABLE yq_run ADD COLUMN instance_id VARCHAR(200);
-- When the run finished fetching and began writing: from then on other nodes may help write its backlog.
ALTER TABLE yq_run ADD COLUMN writing_since TIMESTAMP WITH TIME ZONE;
-- The Quartz instance that claimed a PROCESSING record: the claims of a dead node go back to the queue, those of a
-- live node are left to it.
ALTER TABLE yq_source_record ADD COLUMN claimed_by VARCHAR(200);
