CREATE SCHEMA IF NOT EXISTS risk;

-- Each user's trading state (the kill switch). No row means active.
CREATE TABLE risk.trading_states (
    owner_id uuid PRIMARY KEY,
    state    text NOT NULL CHECK (state IN ('active', 'reducing', 'halted')),
    reason   text NOT NULL,
    since    timestamptz NOT NULL
);

-- The audit trail of every change of trading state: who, when, from what to what, and why.
CREATE TABLE risk.state_events (
    id          uuid PRIMARY KEY,
    owner_id    uuid NOT NULL,
    from_state  text NOT NULL,
    to_state    text NOT NULL,
    reason      text NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX state_events_owner_idx ON risk.state_events (owner_id, occurred_at DESC);

-- Each user's pre-trade limits, in their text form (LimitsInput) with the account currency.
CREATE TABLE risk.limits (
    owner_id   uuid PRIMARY KEY,
    currency   text NOT NULL,
    limits     jsonb NOT NULL,
    updated_at timestamptz NOT NULL
);
