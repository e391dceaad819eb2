-- Paper bots and every control that changed their course (created, started, paused, resumed, stopped,
-- completed, failed, reconciled, the owner's kill switch, orders placed or canceled by hand), each with the step it took effect after so a rebuilt session applies it at
-- the same point. Orders, events and fills live in the order journal (schema orders).
CREATE SCHEMA IF NOT EXISTS bot;

CREATE TABLE bot.bots (
    id            uuid        PRIMARY KEY,
    owner_id      uuid        NOT NULL,
    name          text        NOT NULL,
    strategy      text        NOT NULL,
    parameters    jsonb       NOT NULL,
    instrument    text        NOT NULL,
    timeframe     text        NOT NULL,
    account_id    uuid        NOT NULL,
    cash_units    bigint      NOT NULL,
    cash_scale    smallint    NOT NULL,
    cash_asset    text        NOT NULL,
    limits        jsonb       NOT NULL,
    costs         jsonb       NOT NULL,
    feed_from     bigint      NOT NULL,
    feed_to       bigint      NOT NULL,
    feed_speed    bigint      NOT NULL,
    status        text        NOT NULL,
    status_reason text,
    last_step     bigint,
    steps         bigint      NOT NULL DEFAULT 0,
    last_close    text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    UNIQUE (owner_id, name)
);
CREATE INDEX bots_by_owner ON bot.bots (owner_id, created_at DESC, id);
CREATE INDEX bots_live ON bot.bots (status) WHERE status IN ('running', 'paused');
-- at most one live bot trades a paper account
CREATE UNIQUE INDEX bots_one_live_per_account ON bot.bots (account_id) WHERE status IN ('running', 'paused');

CREATE TABLE bot.controls (
    bot_id     uuid        NOT NULL REFERENCES bot.bots (id) ON DELETE CASCADE,
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    kind       text        NOT NULL,
    after_step bigint      NOT NULL,
    reason     text        NOT NULL,
    at         timestamptz NOT NULL,
    -- an order placed (the order as asked) or canceled (its id) by hand, replayed when the session is rebuilt
    payload    jsonb,
    PRIMARY KEY (bot_id, seq)
);

-- each bot's equity after every step once trading started (marked to the closes, in its currency; analytics
-- only, the exact amounts are in the ledger rebuilt from its fills): its equity and drawdown curves and metrics
CREATE TABLE bot.equity (
    bot_id  uuid             NOT NULL REFERENCES bot.bots (id) ON DELETE CASCADE,
    time    bigint           NOT NULL,
    equity  double precision NOT NULL,
    exposed boolean          NOT NULL,
    PRIMARY KEY (bot_id, time)
);
