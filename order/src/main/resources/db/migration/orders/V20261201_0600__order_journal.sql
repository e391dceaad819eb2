-- The order journal: every order placed on a paper (later live) account, its state, every event it went
-- through and every fill, exact (units and scale as stored by the domain). Owned by the order context.
CREATE SCHEMA IF NOT EXISTS orders;

CREATE TABLE orders.orders (
    id              uuid        PRIMARY KEY,
    owner_id        uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    bot_id          uuid,
    client_order_id text        NOT NULL,
    instrument      text        NOT NULL,
    side            text        NOT NULL,
    type            text        NOT NULL,
    quantity        numeric     NOT NULL,
    limit_price     numeric,
    trigger_price   numeric,
    time_in_force   text        NOT NULL,
    reduce_only     boolean     NOT NULL,
    status          text        NOT NULL,
    filled_quantity numeric     NOT NULL,
    average_price   numeric,
    venue_order_id  text,
    correlation_id  uuid        NOT NULL,
    tag             text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (owner_id, account_id, client_order_id)
);
CREATE INDEX orders_by_owner ON orders.orders (owner_id, created_at DESC, id DESC);
CREATE INDEX orders_by_bot ON orders.orders (bot_id, created_at) WHERE bot_id IS NOT NULL;
CREATE INDEX orders_by_correlation ON orders.orders (correlation_id);
-- a hot, fast-growing table: statistics (and so the list's plan) follow its growth closely
ALTER TABLE orders.orders SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.05);

-- how many orders each owner has: the unfiltered order list reads its total here instead of counting
CREATE TABLE orders.owner_totals (
    owner_id uuid   PRIMARY KEY,
    orders   bigint NOT NULL
);

CREATE TABLE orders.order_events (
    id          uuid        PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES orders.orders (id) ON DELETE CASCADE,
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    type        text        NOT NULL,
    detail      text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX order_events_by_order ON orders.order_events (order_id, seq);

CREATE TABLE orders.fills (
    order_id    uuid        NOT NULL REFERENCES orders.orders (id) ON DELETE CASCADE,
    trade_id    text        NOT NULL,
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    owner_id    uuid        NOT NULL,
    account_id  uuid        NOT NULL,
    bot_id      uuid,
    instrument  text        NOT NULL,
    side        text        NOT NULL,
    qty_units   bigint      NOT NULL,
    qty_scale   smallint    NOT NULL,
    price_units bigint      NOT NULL,
    price_scale smallint    NOT NULL,
    fee_units   bigint      NOT NULL,
    fee_scale   smallint    NOT NULL,
    fee_asset   text        NOT NULL,
    liquidity   text        NOT NULL,
    executed_at timestamptz NOT NULL,
    PRIMARY KEY (order_id, trade_id)
);
CREATE INDEX fills_by_owner ON orders.fills (owner_id, executed_at DESC, seq DESC);
CREATE INDEX fills_by_bot ON orders.fills (bot_id, seq) WHERE bot_id IS NOT NULL;
