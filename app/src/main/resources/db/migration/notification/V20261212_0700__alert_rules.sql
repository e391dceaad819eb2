-- Users' alert rules: a condition (drawdown, daily_loss, no_trade, exposure) with its threshold and unit, on one
-- bot (bot_id) or on each of the owner's bots (bot_id null).
CREATE TABLE notification.alert_rules (
    id         uuid PRIMARY KEY,
    owner_id   uuid        NOT NULL,
    name       text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('drawdown', 'daily_loss', 'no_trade', 'exposure')),
    threshold  numeric     NOT NULL CHECK (threshold > 0),
    unit       text        NOT NULL CHECK (unit IN ('percent', 'quote', 'hours')),
    bot_id     uuid,
    enabled    boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX alert_rules_owner_idx ON notification.alert_rules (owner_id, created_at, id);

-- One rule watching one bot: whether it is beyond the threshold now, breaches fired so far (a breach's number
-- names its notification, so firing again after a crash queues nothing twice), and what the measures go on from
-- after a restart. Reset (deleted) when the rule's condition changes.
CREATE TABLE notification.alert_watches (
    rule_id          uuid             NOT NULL REFERENCES notification.alert_rules (id) ON DELETE CASCADE,
    bot_id           uuid             NOT NULL,
    breached         boolean          NOT NULL,
    breaches         integer          NOT NULL,
    last_sample_time bigint,
    peak             double precision,
    day              bigint,
    day_open         double precision,
    last_equity      double precision,
    quiet_since      timestamptz,
    fill_cursor      bigint           NOT NULL,
    updated_at       timestamptz      NOT NULL,
    PRIMARY KEY (rule_id, bot_id)
);
