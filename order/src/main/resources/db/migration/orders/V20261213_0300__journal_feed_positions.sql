-- Reads of the journal by position across owners (notifications catching up after a crash): fills and the
-- refused orders' events in sequence order.
CREATE INDEX fills_by_seq ON orders.fills (seq);
CREATE INDEX order_events_refusals_by_seq ON orders.order_events (seq) WHERE type IN ('denied', 'rejected');
