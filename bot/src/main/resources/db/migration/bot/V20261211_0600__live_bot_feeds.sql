-- A bot's feed is a replay of stored candles (from, to, speed) or a venue's live candles: a live feed has no end and
-- no speed, and its start (feed_from, the open time of its first candle to trade on) is known only once that candle
-- came, stored with the checkpoint of its step.
ALTER TABLE bot.bots ADD COLUMN feed_kind text NOT NULL DEFAULT 'replay';
ALTER TABLE bot.bots ALTER COLUMN feed_from DROP NOT NULL;
ALTER TABLE bot.bots ALTER COLUMN feed_to DROP NOT NULL;
ALTER TABLE bot.bots ALTER COLUMN feed_speed DROP NOT NULL;
ALTER TABLE bot.bots ADD CONSTRAINT bots_feed_shape CHECK (
    (feed_kind = 'replay' AND feed_from IS NOT NULL AND feed_to IS NOT NULL AND feed_speed IS NOT NULL)
    OR (feed_kind = 'live' AND feed_to IS NULL AND feed_speed IS NULL));
