-- Downloads of venue candles (issue 11). A job belongs to the user who started it (every read filters by owner_id);
-- the candles it writes are shared reference data in marketdata.candles. segments: the intervals to fetch, as
-- [[from, to], ...] epoch ms, aligned to the timeframe; cursor: everything before it in the segments is stored, so a
-- job left 'queued' or 'running' by a stopped process goes on from there at the next start.
CREATE TABLE marketdata.download_jobs (
    id               uuid    PRIMARY KEY,
    owner_id         uuid    NOT NULL,
    instrument       text    NOT NULL,
    timeframe        text    NOT NULL,
    source_timeframe text    NOT NULL,
    range_from       bigint  NOT NULL,
    range_to         bigint  NOT NULL CHECK (range_to > range_from),
    fill_gaps        boolean NOT NULL,
    segments         jsonb   NOT NULL,
    status           text    NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    cursor_at        bigint  NOT NULL,
    rows_total       bigint  NOT NULL DEFAULT 0,
    rows_done        bigint  NOT NULL DEFAULT 0,
    inserted         bigint  NOT NULL DEFAULT 0,
    duplicates       bigint  NOT NULL DEFAULT 0,
    incomplete       bigint  NOT NULL DEFAULT 0,
    note             text,
    failure          text,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz
);
CREATE INDEX download_jobs_owner_idx ON marketdata.download_jobs (owner_id, created_at DESC);
CREATE INDEX download_jobs_unfinished_idx ON marketdata.download_jobs (owner_id)
    WHERE status IN ('queued', 'running');
