-- Maintenance mode (维护模式, docs/operations.md): one row saying whether every solution's schedule is paused
-- cluster-wide, who switched it last, when, and why. The pause itself lives in Quartz's tables (a paused trigger
-- group), which every node of the cluster obeys; this row is what the screens and the API show, and what a node
-- brings Quartz back in line with when it starts.
CREATE TABLE yq_maintenance (
    id           INTEGER      NOT NULL PRIMARY KEY,
    active       BOOLEAN      NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE,
    changed_by   VARCHAR(200),
    note         VARCHAR(2000),
    row_version  BIGINT       NOT NULL
);

INSERT INTO yq_maintenance (id, active, row_version) VALUES (1, FALSE, 0);
