-- Staging asks, for each fetched page, which of its keys a solution has already staged:
-- "solution_id = ? and source_key in (...)". With the unique key in the order (solution_id, source_key), H2 walks
-- every staged record of the solution for each page (measured: 100,000 rows scanned for a page of 100), so staging
-- slowed down as the backlog grew. Key first, H2 and PostgreSQL look each key up directly. Queries by solution alone
-- keep the (solution_id, status, id) and (solution_id, code) indexes.
ALTER TABLE yq_source_record DROP CONSTRAINT yq_source_record_key;
ALTER TABLE yq_source_record ADD CONSTRAINT yq_source_record_key UNIQUE (source_key, solution_id);
