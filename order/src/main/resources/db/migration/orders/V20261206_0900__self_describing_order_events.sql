-- An order event row says whose order it is (owner, account, bot, instrument, side, correlation id), as the
-- event recorded by a session does: the event queries read it without joining the orders.
ALTER TABLE orders.order_events
    ADD COLUMN owner_id       uuid,
    ADD COLUMN account_id     uuid,
    ADD COLUMN bot_id         uuid,
    ADD COLUMN instrument     text,
    ADD COLUMN side           text,
    ADD COLUMN correlation_id uuid;

UPDATE orders.order_events e
   SET owner_id = o.owner_id, account_id = o.account_id, bot_id = o.bot_id, instrument = o.instrument,
       side = o.side, correlation_id = o.correlation_id
  FROM orders.orders o
 WHERE o.id = e.order_id;

ALTER TABLE orders.order_events
    ALTER COLUMN owner_id SET NOT NULL,
    ALTER COLUMN account_id SET NOT NULL,
    ALTER COLUMN instrument SET NOT NULL,
    ALTER COLUMN side SET NOT NULL,
    ALTER COLUMN correlation_id SET NOT NULL;

CREATE INDEX order_events_by_owner ON orders.order_events (owner_id, occurred_at DESC, seq DESC);
