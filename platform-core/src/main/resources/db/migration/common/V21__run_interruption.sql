-- Honest takeover (issue #16): a run whose node stopped (a deliberate stop, or a node that died) ends INTERRUPTED
-- (a new value of the status column, which is a plain string) and is linked both ways to the run that continued its
-- work: "continued by run #N" on the interrupted run, "continues run #N" on the continuing one.
ALTER TABLE yq_run ADD COLUMN continued_by_run_id BIGINT;
ALTER TABLE yq_run ADD COLUMN continues_run_id BIGINT;
-- Every node looks for interrupted runs nobody continues yet, every few seconds: few rows, found by status.
CREATE INDEX yq_run_interrupted ON yq_run (status, continued_by_run_id);
