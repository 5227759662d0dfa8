-- Readable ids (issue #16): solutions and runs are numbered by sequences of their own, one at a time, so that the
-- numbers people read ("方案 #7", "运行 #153" in alerts and on screens) follow each other without the blocks of 50
-- that the shared yq_id_seq left (Hibernate took 50 ids per node and start). The other tables keep yq_id_seq.
-- NO CACHE: a value taken is never skipped by a restart; gaps come only from inserts rolled back.
-- Each starts after the largest id its table holds, so an upgraded database keeps its ids ascending.
-- The same version exists for PostgreSQL, whose ALTER SEQUENCE takes no subquery (setval instead).
CREATE SEQUENCE yq_solution_seq START WITH 1 INCREMENT BY 1 NO CACHE;
ALTER SEQUENCE yq_solution_seq RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM yq_solution);
CREATE SEQUENCE yq_run_seq START WITH 1 INCREMENT BY 1 NO CACHE;
ALTER SEQUENCE yq_run_seq RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM yq_run);
