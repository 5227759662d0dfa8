-- Grouping (合并, issue #13): the group key of a staged record, computed at staging from the solution's group.by, so
-- that the writer claims a whole group ("solution_id = ? and group_key = ? and status = 'PENDING'") without reading
-- any content. NULL for solutions that do not group, and for records staged before their solution grouped (the
-- writer computes theirs when it first meets them).
ALTER TABLE yq_source_record ADD COLUMN group_key VARCHAR(300);
CREATE INDEX yq_source_record_group ON yq_source_record (solution_id, group_key, status);
