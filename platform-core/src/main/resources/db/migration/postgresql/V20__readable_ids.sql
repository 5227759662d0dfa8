-- Readable ids (issue #16): solutions and runs are numbered by sequences of their own, one at a time, so that the
-- numbers people read ("方案 #7", "运行 #153" in alerts and on screens) follow each other without the blocks of 50
-- that the shared yq_id_seq left (Hibernate took 50 ids per node and start). The other tables keep yq_id_seq.
-- CACHE 1: no session keeps values for itself; gaps come only from inserts rolled back.
-- Each starts after the largest id its table holds, so an upgraded database keeps its ids ascending.
-- The same version exists for H2, which sets the start with ALTER SEQUENCE ... RESTART WITH (subquery).
CREATE SEQUENCE yq_solution_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 CACHE 1;
SELECT setval('yq_solution_seq', COALESCE((SELECT MAX(id) FROM yq_solution), 0) + 1, false);
CREATE SEQUENCE yq_run_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 CACHE 1;
SELECT setval('yq_run_seq', COALESCE((SELECT MAX(id) FROM yq_run), 0) + 1, false);
