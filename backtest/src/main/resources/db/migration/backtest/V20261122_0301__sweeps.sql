-- Parameter sweeps (grid, random, walk-forward) belong to the user who started them; every read filters by
-- owner_id. The request is the validated sweep (base config, space, search, objective, windows); results hold
-- the ranked points' reports, or the walk-forward windows and the out-of-sample aggregate.
CREATE TABLE backtest.sweeps (
    id           uuid    PRIMARY KEY,
    owner_id     uuid    NOT NULL,
    request      jsonb   NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('grid', 'random', 'walk_forward')),
    status       text    NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled',
                                                    'interrupted')),
    points_done  integer NOT NULL DEFAULT 0,
    points_total integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    failure      text,
    results      jsonb
);
CREATE INDEX sweeps_owner_created_idx ON backtest.sweeps (owner_id, created_at DESC);
