-- A live account's own limits (issue 12): the largest order notional and the day's loss at which new risk stops,
-- in one currency, judged before every order on the account leaves for the venue. The account is exchange's
-- (exchange.accounts, no foreign key across schemas); owner_id repeats its owner for the tenancy of every query.
CREATE TABLE bot.live_account_limits (
    account_id         uuid PRIMARY KEY,
    owner_id           uuid        NOT NULL,
    currency           text        NOT NULL,
    max_order_notional numeric     NOT NULL CHECK (max_order_notional > 0),
    max_daily_loss     numeric     NOT NULL CHECK (max_daily_loss > 0),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
