CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.users (
    id                 uuid PRIMARY KEY,
    email              text        NOT NULL,
    password_hash      text        NOT NULL,
    role               text        NOT NULL CHECK (role IN ('admin', 'trader', 'viewer')),
    enabled            boolean     NOT NULL DEFAULT true,
    -- Access tokens issued before this instant are refused (set on disable, role change, password reset).
    tokens_valid_after timestamptz NOT NULL DEFAULT now(),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_uq ON identity.users (lower(email));
