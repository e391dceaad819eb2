CREATE SCHEMA IF NOT EXISTS exchange;

-- Trading accounts. Paper accounts keep their starting balances; live ones their venue credentials, each sealed
-- with AES-GCM (nonce + ciphertext with tag); only the API key's masked last four characters are kept in clear.
CREATE TABLE exchange.accounts (
    id                uuid PRIMARY KEY,
    owner_id          uuid NOT NULL,
    name              text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('paper', 'live')),
    venue             text NOT NULL,
    starting_balances jsonb NOT NULL DEFAULT '{}',
    api_key_nonce     bytea,
    api_key_sealed    bytea,
    secret_nonce      bytea,
    secret_sealed     bytea,
    passphrase_nonce  bytea,
    passphrase_sealed bytea,
    api_key_hint      text,
    created_at        timestamptz NOT NULL,
    CONSTRAINT accounts_owner_name_uq UNIQUE (owner_id, name),
    CONSTRAINT accounts_live_has_credentials CHECK ((kind = 'live') = (secret_sealed IS NOT NULL))
);
