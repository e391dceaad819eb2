-- Sessions (refresh-token families) ended while access tokens naming them (claim sid) may still be unexpired.
-- Read into memory at start-up and checked there on every request; rows are dropped after keep_until, when every
-- such access token has expired.
CREATE TABLE identity.revoked_sessions (
    session_id uuid PRIMARY KEY,
    user_id    uuid        NOT NULL,
    revoked_at timestamptz NOT NULL,
    keep_until timestamptz NOT NULL
);
CREATE INDEX revoked_sessions_keep_until_idx ON identity.revoked_sessions (keep_until);
