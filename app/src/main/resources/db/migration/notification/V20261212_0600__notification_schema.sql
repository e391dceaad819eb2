CREATE SCHEMA IF NOT EXISTS notification;

-- Users' webhook endpoints. The signing secret and a Telegram bot token are sealed (AES-256-GCM under the
-- platform's secrets key, base64 of nonce + ciphertext); they are never answered back after creation.
CREATE TABLE notification.endpoints (
    id                   uuid PRIMARY KEY,
    owner_id             uuid        NOT NULL,
    name                 text        NOT NULL,
    format               text        NOT NULL CHECK (format IN ('generic', 'slack', 'discord', 'telegram')),
    url                  text,
    telegram_chat_id     text,
    secret_sealed        text        NOT NULL,
    bot_token_sealed     text,
    events               text[]      NOT NULL,
    enabled              boolean     NOT NULL,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    disabled_reason      text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX endpoints_owner_idx ON notification.endpoints (owner_id, created_at, id);

-- The outbox and the delivery log in one: a row per notification and endpoint, committed by the publisher's
-- flow before anything is sent; seq orders an endpoint's deliveries; event_key makes queuing idempotent.
CREATE TABLE notification.deliveries (
    seq             bigserial PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    endpoint_id     uuid        NOT NULL REFERENCES notification.endpoints (id) ON DELETE CASCADE,
    owner_id        uuid        NOT NULL,
    event_key       text        NOT NULL,
    kind            text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    title           text        NOT NULL,
    text            text        NOT NULL,
    data            jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    UNIQUE (endpoint_id, event_key)
);
CREATE INDEX deliveries_pending_idx ON notification.deliveries (endpoint_id, seq) WHERE status = 'pending';
CREATE INDEX deliveries_log_idx ON notification.deliveries (endpoint_id, seq DESC);
