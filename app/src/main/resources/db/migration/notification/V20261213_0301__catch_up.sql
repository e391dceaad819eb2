-- Per notification source (the order journal's fills, its refused orders, ...), the position up to which every
-- event is known to be in the outbox: after a crash between a source's commit and the outbox's, the events after
-- it are queued again (idempotent by the deliveries' (endpoint_id, event_key)).
CREATE TABLE notification.catch_up (
    source     text PRIMARY KEY,
    position   bigint      NOT NULL CHECK (position >= 0),
    updated_at timestamptz NOT NULL
);
