-- $lookup in mappings keeps an index of the values other solutions look up, in memory, built once from every staged
-- record of the looked-up solution and brought up to date before each look-up with the records staged (or staged
-- again with new content) since (docs/mapping.md): this index makes that check a short range scan, not a read of
-- every row of the solution.
CREATE INDEX yq_source_record_fetched ON yq_source_record (solution_id, fetched_at);
