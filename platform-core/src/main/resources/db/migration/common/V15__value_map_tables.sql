-- Value-map tables (数据字典) become things of their own, created and described on their screen: a table may exist
-- before its first entry, and carries a description. Entries stay in yq_value_map; each existing table name becomes a
-- table. Renaming a table renames its entries' table_name (ON UPDATE CASCADE), deleting it deletes them.
CREATE TABLE yq_value_map_table (
    table_name   VARCHAR(100)  NOT NULL PRIMARY KEY,
    description  VARCHAR(2000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO yq_value_map_table (table_name, created_at, updated_at)
    SELECT DISTINCT table_name, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM yq_value_map;
ALTER TABLE yq_value_map ADD CONSTRAINT yq_value_map_table_fk FOREIGN KEY (table_name)
    REFERENCES yq_value_map_table (table_name) ON DELETE CASCADE ON UPDATE CASCADE;
