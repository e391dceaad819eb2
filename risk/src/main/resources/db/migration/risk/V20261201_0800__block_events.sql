-- Orders the pre-trade check refused: the intent, every refusing rule with its reason, the correlation id.
CREATE TABLE risk.block_events (
    id              uuid        PRIMARY KEY,
    owner_id        uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    bot_id          uuid,
    order_id        uuid        NOT NULL,
    correlation_id  uuid        NOT NULL,
    instrument      text        NOT NULL,
    side            text        NOT NULL,
    quantity        numeric     NOT NULL,
    reference_price numeric     NOT NULL,
    reduce_only     boolean     NOT NULL,
    rules           text[]      NOT NULL,
    reasons         text[]      NOT NULL,
    occurred_at     timestamptz NOT NULL
);
CREATE INDEX block_events_by_owner ON risk.block_events (owner_id, occurred_at DESC, id);
CREATE INDEX block_events_by_correlation ON risk.block_events (correlation_id);
