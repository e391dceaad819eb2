ALTER TABLE identity.users ADD COLUMN display_name text;

-- Refresh tokens are opaque secrets; only their SHA-256 hash is stored, so a leaked table cannot be replayed.
CREATE TABLE identity.refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    token_hash  text        NOT NULL,
    -- All tokens descending from one login share a family; reuse of a rotated token revokes the family.
    family_id   uuid        NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    replaced_by uuid,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX refresh_tokens_hash_uq ON identity.refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON identity.refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON identity.refresh_tokens (user_id);
