-- Private datasets (issue 10, finding 4: one trader's import changed another trader's latest price). Every candle
-- now names its owner: a user (a private candle, seen only by that user) or the shared sentinel, the largest uuid,
-- for reference data that every user reads. Existing candles were all shared. No default is kept afterwards, so no
-- writer can store a candle without saying whose it is.
ALTER TABLE marketdata.candles ADD COLUMN owner uuid NOT NULL DEFAULT 'ffffffff-ffff-ffff-ffff-ffffffffffff';
ALTER TABLE marketdata.candles ALTER COLUMN owner DROP DEFAULT;

-- The owner sits before open_time in the key: each owner's candles of a series are one contiguous range of the
-- index, so a read of the shared data (or of a user's own) scans only its own rows however many users keep private
-- copies of the same series. A user's view is two such range scans merged in open-time order (private wins).
ALTER TABLE marketdata.candles DROP CONSTRAINT candles_pkey,
    ADD CONSTRAINT candles_pkey PRIMARY KEY (instrument_id, timeframe, owner, open_time);

-- Counters kept in the same transaction as every private write, delete and publication, so a user's stored total
-- is one row to read (the per-user limit) and never a count over millions of candles. Shared data is not counted.
-- A private write updates stored_candles first: that row lock serialises one owner's writes at commit time, which
-- makes the limit check exact under concurrent imports (and orders the locks, so they cannot deadlock).
CREATE TABLE marketdata.stored_candles (
    owner   uuid   PRIMARY KEY,
    candles bigint NOT NULL CHECK (candles >= 0)
);
CREATE TABLE marketdata.datasets (
    owner         uuid    NOT NULL,
    instrument_id bigint  NOT NULL,
    timeframe     integer NOT NULL,
    candles       bigint  NOT NULL CHECK (candles >= 0),
    PRIMARY KEY (owner, instrument_id, timeframe)
);

-- Admins publishing a user's private dataset into the shared data: who, whose, what, how many, when.
CREATE TABLE marketdata.publications (
    id           uuid        PRIMARY KEY,
    admin_id     uuid        NOT NULL,
    owner_id     uuid        NOT NULL,
    instrument   text        NOT NULL,
    timeframe    text        NOT NULL,
    added        bigint      NOT NULL,
    replaced     bigint      NOT NULL,
    published_at timestamptz NOT NULL
);
CREATE INDEX publications_time_idx ON marketdata.publications (published_at DESC, id);

-- Where an import stores its candles. Jobs from before wrote the shared data (there was nothing else).
ALTER TABLE marketdata.import_jobs ADD COLUMN dataset text NOT NULL DEFAULT 'shared'
    CHECK (dataset IN ('private', 'shared'));
ALTER TABLE marketdata.import_jobs ALTER COLUMN dataset SET DEFAULT 'private';
