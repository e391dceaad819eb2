CREATE SCHEMA IF NOT EXISTS marketdata;

-- Shared reference data. Prices of an instrument are stored as whole units of 10^-price_scale, volumes as units
-- of 10^-quantity_scale; the scales are fixed at definition (the finest tick and step the pair trades at).
CREATE TABLE marketdata.instruments (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    venue          text     NOT NULL,
    base           text     NOT NULL,
    quote          text     NOT NULL,
    tick_units     bigint   NOT NULL CHECK (tick_units > 0),
    price_scale    smallint NOT NULL CHECK (price_scale BETWEEN 0 AND 12),
    step_units     bigint   NOT NULL CHECK (step_units > 0),
    quantity_scale smallint NOT NULL CHECK (quantity_scale BETWEEN 0 AND 12),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT instruments_pair_uq UNIQUE (venue, base, quote)
);

-- One row per candle, all fixed-point bigint: 8 bytes a value, exact, and fast to scan. timeframe is the
-- nominal length in seconds (60 = 1m ... 2592000 = 1M); open_time is epoch milliseconds UTC.
CREATE TABLE marketdata.candles (
    instrument_id bigint  NOT NULL REFERENCES marketdata.instruments (id),
    timeframe     integer NOT NULL,
    open_time     bigint  NOT NULL,
    open          bigint  NOT NULL,
    high          bigint  NOT NULL,
    low           bigint  NOT NULL,
    close         bigint  NOT NULL,
    volume        bigint  NOT NULL,
    PRIMARY KEY (instrument_id, timeframe, open_time)
);

-- Import jobs belong to the user who started them; every read filters by owner_id.
CREATE TABLE marketdata.import_jobs (
    id          uuid    PRIMARY KEY,
    owner_id    uuid    NOT NULL,
    instrument  text    NOT NULL,
    timeframe   text    NOT NULL,
    source      text    NOT NULL,
    status      text    NOT NULL CHECK (status IN ('queued', 'validating', 'importing', 'completed', 'failed')),
    rows_total  bigint  NOT NULL DEFAULT 0,
    rows_done   bigint  NOT NULL DEFAULT 0,
    inserted    bigint  NOT NULL DEFAULT 0,
    duplicates  bigint  NOT NULL DEFAULT 0,
    error_count bigint  NOT NULL DEFAULT 0,
    errors      jsonb   NOT NULL DEFAULT '[]',
    failure     text,
    created_at  timestamptz NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz
);
CREATE INDEX import_jobs_owner_idx ON marketdata.import_jobs (owner_id, created_at DESC);
