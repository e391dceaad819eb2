CREATE SCHEMA IF NOT EXISTS backtest;

-- Backtest jobs belong to the user who started them; every read filters by owner_id. The config is the
-- validated request (strategy, parameters, instruments, range, costs, limits), enough to run it again.
CREATE TABLE backtest.runs (
    id                uuid    PRIMARY KEY,
    owner_id          uuid    NOT NULL,
    config            jsonb   NOT NULL,
    status            text    NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled',
                                                         'interrupted')),
    candles_processed bigint  NOT NULL DEFAULT 0,
    candles_total     bigint  NOT NULL DEFAULT 0,
    attempt           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL,
    started_at        timestamptz,
    finished_at       timestamptz,
    failure           text
);
CREATE INDEX runs_owner_created_idx ON backtest.runs (owner_id, created_at DESC);

-- Results of a completed run. Amounts are exact decimals (numeric); the summary holds the metrics.
CREATE TABLE backtest.reports (
    run_id  uuid  PRIMARY KEY REFERENCES backtest.runs (id) ON DELETE CASCADE,
    summary jsonb NOT NULL
);

-- The equity curve at full resolution: n samples packed as n big-endian int64 open times, then n float64
-- equities, then n bytes (1 = a position was open).
CREATE TABLE backtest.equity (
    run_id  uuid    PRIMARY KEY REFERENCES backtest.runs (id) ON DELETE CASCADE,
    samples integer NOT NULL,
    packed  bytea   NOT NULL
);

CREATE TABLE backtest.trades (
    run_id      uuid    NOT NULL REFERENCES backtest.runs (id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    instrument  text    NOT NULL,
    entry_time  bigint  NOT NULL,
    exit_time   bigint  NOT NULL,
    quantity    numeric NOT NULL,
    entry_price numeric NOT NULL,
    exit_price  numeric NOT NULL,
    gross_pnl   numeric NOT NULL,
    fees        numeric NOT NULL,
    net_pnl     numeric NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE backtest.orders (
    run_id          uuid    NOT NULL REFERENCES backtest.runs (id) ON DELETE CASCADE,
    seq             integer NOT NULL,
    order_id        uuid    NOT NULL,
    client_order_id text    NOT NULL,
    instrument      text    NOT NULL,
    side            text    NOT NULL,
    type            text    NOT NULL,
    quantity        numeric NOT NULL,
    limit_price     numeric,
    status          text    NOT NULL,
    filled_quantity numeric NOT NULL,
    average_price   numeric,
    created_at      bigint  NOT NULL,
    tag             text    NOT NULL,
    events          jsonb   NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE backtest.fills (
    run_id     uuid    NOT NULL REFERENCES backtest.runs (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    order_id   uuid    NOT NULL,
    trade_id   text    NOT NULL,
    instrument text    NOT NULL,
    side       text    NOT NULL,
    quantity   numeric NOT NULL,
    price      numeric NOT NULL,
    fee        numeric NOT NULL,
    fee_asset  text    NOT NULL,
    liquidity  text    NOT NULL,
    time       bigint  NOT NULL,
    tag        text    NOT NULL,
    PRIMARY KEY (run_id, seq)
);
