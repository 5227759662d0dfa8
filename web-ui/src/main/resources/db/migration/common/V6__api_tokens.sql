-- Personal API tokens (web-ui's security package): only the SHA-256 of a token is stored, never the token.
-- A token dies with its user (ON DELETE CASCADE); a disabled user's tokens are refused when used.
CREATE TABLE yq_api_token (
    id              BIGINT       NOT NULL PRIMARY KEY,
    user_id         BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    token_hint      VARCHAR(20)  NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    expires_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT yq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT yq_api_token_user FOREIGN KEY (user_id) REFERENCES yq_user_account (id) ON DELETE CASCADE
);
CREATE INDEX yq_api_token_user_idx ON yq_api_token (user_id);
