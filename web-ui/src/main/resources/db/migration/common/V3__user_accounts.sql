-- People who sign in to the web UI and the REST API (web-ui's security package). Passwords are BCrypt hashes.
CREATE TABLE yq_user_account (
    id              BIGINT       NOT NULL PRIMARY KEY,
    username        VARCHAR(100) NOT NULL,
    display_name    VARCHAR(200),
    password_hash   VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT       NOT NULL,
    CONSTRAINT yq_user_account_username UNIQUE (username)
);
