-- Connector definitions stored in the platform (docs/connectors.md, "Stored definitions"): the current text of each,
-- and every saved version, like solutions. The text is kept exactly as given (YAML or JSON), so an export gives back
-- what was written, comments included.

CREATE TABLE yq_stored_connector (
    id               BIGINT       NOT NULL PRIMARY KEY,
    connector_id     VARCHAR(100) NOT NULL,
    extends_id       VARCHAR(100),
    format           VARCHAR(10)  NOT NULL,
    definition       VARCHAR      NOT NULL,
    current_version  INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(200),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       VARCHAR(200),
    row_version      BIGINT       NOT NULL,
    CONSTRAINT yq_stored_connector_id UNIQUE (connector_id)
);

CREATE TABLE yq_stored_connector_version (
    id            BIGINT       NOT NULL PRIMARY KEY,
    stored_id     BIGINT       NOT NULL REFERENCES yq_stored_connector (id) ON DELETE CASCADE,
    connector_id  VARCHAR(100) NOT NULL,
    version       INTEGER      NOT NULL,
    extends_id    VARCHAR(100),
    format        VARCHAR(10)  NOT NULL,
    definition    VARCHAR      NOT NULL,
    note          VARCHAR(2000),
    saved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by      VARCHAR(200),
    CONSTRAINT yq_stored_connector_version_number UNIQUE (stored_id, version)
);
