-- Templates made in the UI (docs/solutions.md, "发布为模板"): every published or imported version of a user template,
-- and which solutions were copied from which template version (built-in ones included), so a solution can say where
-- it came from and whether a newer version exists. Deleting a template deletes its copies' marks too: a template
-- published later under the same id is another template.

CREATE TABLE yq_template (
    template_id      VARCHAR(80)  NOT NULL PRIMARY KEY,
    current_version  INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(200),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version      BIGINT       NOT NULL
);

CREATE TABLE yq_template_version (
    id            BIGINT       NOT NULL PRIMARY KEY,
    template_id   VARCHAR(80)  NOT NULL REFERENCES yq_template (template_id) ON DELETE CASCADE,
    version       INTEGER      NOT NULL,
    content       VARCHAR      NOT NULL,
    origin        VARCHAR(16)  NOT NULL,
    note          VARCHAR(2000),
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  VARCHAR(200),
    CONSTRAINT yq_template_version_number UNIQUE (template_id, version)
);

CREATE TABLE yq_template_copy (
    solution_id       BIGINT       NOT NULL PRIMARY KEY,
    template_id       VARCHAR(80)  NOT NULL,
    template_version  INTEGER      NOT NULL,
    copied_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    copied_by         VARCHAR(200)
);

CREATE INDEX yq_template_copy_template ON yq_template_copy (template_id, template_version);
