-- What each instrument's venue last said about it (issue 11): the venue's own symbol, tick, step and minimum
-- notional as exact decimals, and its trading status. Kept beside the instrument's own tick_units / step_units,
-- which never change (they fix the scales of every stored candle); all NULL until the first instrument sync.
-- listed = false: the venue's symbol list no longer has (or never had) the pair; its status is then 'delisted'.
ALTER TABLE marketdata.instruments
    ADD COLUMN venue_symbol      text,
    ADD COLUMN venue_tick        numeric CHECK (venue_tick > 0),
    ADD COLUMN venue_step        numeric CHECK (venue_step > 0),
    ADD COLUMN venue_min_notional numeric CHECK (venue_min_notional >= 0),
    ADD COLUMN venue_status      text CHECK (venue_status IN ('trading', 'halted', 'delisted')),
    ADD COLUMN venue_listed      boolean,
    ADD COLUMN venue_status_since timestamptz,
    ADD COLUMN venue_synced_at   timestamptz,
    ADD CONSTRAINT instruments_venue_listing_ck CHECK (
        (venue_status IS NULL AND venue_listed IS NULL AND venue_status_since IS NULL AND venue_synced_at IS NULL)
        OR (venue_status IS NOT NULL AND venue_listed IS NOT NULL AND venue_status_since IS NOT NULL
            AND venue_synced_at IS NOT NULL AND (venue_listed OR venue_status = 'delisted')));
