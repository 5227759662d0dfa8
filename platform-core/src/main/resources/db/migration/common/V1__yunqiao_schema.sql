-- Yunqiao's own tables. Portable SQL: the same file runs on H2 (embedded default) and PostgreSQL (production).
-- Unbounded text is VARCHAR without a length (unlimited on PostgreSQL, H2's maximum on H2).

CREATE SEQUENCE yq_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE yq_connection (
    id              BIGINT       NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    connector_id    VARCHAR(100) NOT NULL,
    plain_values    VARCHAR      NOT NULL,
    secret_values   VARCHAR,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT       NOT NULL,
    CONSTRAINT yq_connection_name UNIQUE (name)
);

CREATE TABLE yq_solution (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    enabled               BOOLEAN      NOT NULL,
    cron                  VARCHAR(120),
    current_version       INTEGER      NOT NULL,
    source_connection_id  BIGINT,
    target_connection_id  BIGINT,
    running_run_id        BIGINT,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version           BIGINT       NOT NULL,
    CONSTRAINT yq_solution_name UNIQUE (name)
);

CREATE TABLE yq_solution_version (
    id           BIGINT       NOT NULL PRIMARY KEY,
    solution_id  BIGINT       NOT NULL REFERENCES yq_solution (id) ON DELETE CASCADE,
    version      INTEGER      NOT NULL,
    spec         VARCHAR      NOT NULL,
    comment      VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT yq_solution_version_number UNIQUE (solution_id, version)
);

CREATE TABLE yq_run (
    id                BIGINT      NOT NULL PRIMARY KEY,
    solution_id       BIGINT      NOT NULL,
    solution_version  INTEGER     NOT NULL,
    trigger_type      VARCHAR(20) NOT NULL,
    dry_run           BOOLEAN     NOT NULL,
    status            VARCHAR(20) NOT NULL,
    window_start      TIMESTAMP WITH TIME ZONE,
    window_end        TIMESTAMP WITH TIME ZONE,
    fetched           INTEGER     NOT NULL,
    skipped           INTEGER     NOT NULL,
    written           INTEGER     NOT NULL,
    failed            INTEGER     NOT NULL,
    pages             INTEGER     NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    error             VARCHAR,
    node              VARCHAR(200)
);
CREATE INDEX yq_run_solution ON yq_run (solution_id, started_at);
CREATE INDEX yq_run_status ON yq_run (status);

CREATE TABLE yq_source_record (
    id             BIGINT       NOT NULL PRIMARY KEY,
    solution_id    BIGINT       NOT NULL,
    source_key     VARCHAR(300) NOT NULL,
    code           VARCHAR(300),
    content_hash   VARCHAR(64)  NOT NULL,
    content        VARCHAR      NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    target_key     VARCHAR(500),
    attempts       INTEGER      NOT NULL,
    sent           BOOLEAN      NOT NULL,
    last_run_id    BIGINT,
    fetched_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT yq_source_record_key UNIQUE (solution_id, source_key)
);
-- (solution, status, id): claiming "the oldest pending" reads the index in order instead of sorting the backlog
CREATE INDEX yq_source_record_status ON yq_source_record (solution_id, status, id);

-- Target keys written successfully, per solution: target-key dedupe asks here, whatever became of the record that
-- wrote the key (it may have been fetched again with new content since).
CREATE TABLE yq_written_key (
    solution_id       BIGINT       NOT NULL,
    target_key        VARCHAR(500) NOT NULL,
    source_record_id  BIGINT       NOT NULL,
    written_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (solution_id, target_key)
);

CREATE TABLE yq_record_log (
    id                BIGINT       NOT NULL PRIMARY KEY,
    run_id            BIGINT       NOT NULL,
    source_record_id  BIGINT,
    source_key        VARCHAR(300),
    code              VARCHAR(300),
    status            VARCHAR(20)  NOT NULL,
    attempts          INTEGER      NOT NULL,
    request           VARCHAR,
    response          VARCHAR,
    error_class       VARCHAR(20),
    vendor_code       VARCHAR(100),
    message           VARCHAR,
    duration_ms       BIGINT       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX yq_record_log_run ON yq_record_log (run_id, status);

CREATE TABLE yq_checkpoint (
    solution_id  BIGINT NOT NULL PRIMARY KEY,
    window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE yq_value_map (
    table_name  VARCHAR(100) NOT NULL,
    map_key     VARCHAR(300) NOT NULL,
    map_value   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (table_name, map_key)
);
