-- The venue's percent-price band of each instrument (issue 12; Binance PERCENT_PRICE_BY_SIDE, or PERCENT_PRICE with
-- the same multipliers on both sides): a buy's price within [avg * bid_down, avg * bid_up], a sell's within
-- [avg * ask_down, avg * ask_up] of the venue's average price over band_avg_minutes. All NULL when the venue has no
-- band (or before the first sync).
ALTER TABLE marketdata.instruments
    ADD COLUMN venue_band_bid_up    numeric,
    ADD COLUMN venue_band_bid_down  numeric,
    ADD COLUMN venue_band_ask_up    numeric,
    ADD COLUMN venue_band_ask_down  numeric,
    ADD COLUMN venue_band_avg_minutes integer,
    ADD CONSTRAINT instruments_venue_band_ck CHECK (
        (venue_band_bid_up IS NULL AND venue_band_bid_down IS NULL AND venue_band_ask_up IS NULL
            AND venue_band_ask_down IS NULL AND venue_band_avg_minutes IS NULL)
        OR (venue_band_bid_up > 0 AND venue_band_bid_down >= 0 AND venue_band_ask_up > 0
            AND venue_band_ask_down >= 0 AND venue_band_avg_minutes >= 0));
