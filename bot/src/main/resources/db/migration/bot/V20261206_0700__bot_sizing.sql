-- The sizing its owner chose for the strategy's entries ({"kind":"quote_amount","amount":"100"}); null: the
-- strategy's own (all-in, or DCA's and grid's amount), which is what every bot created before this column did.
ALTER TABLE bot.bots ADD COLUMN sizing jsonb;
