-- First start without hunting logs (docs/users.md, "首次启动"): an administrator created with a generated one-time
-- password must choose a new one at its first sign-in, and the login page names the node whose log holds the
-- one-time password (the node that created the account).
ALTER TABLE yq_user_account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE yq_user_account ADD COLUMN created_on_node VARCHAR(200);
