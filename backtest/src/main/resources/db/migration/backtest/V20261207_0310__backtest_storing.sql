-- A run whose engine has finished is 'storing' while its results are written (one transaction); the rows
-- written so far and the rows to write are its progress. Completed runs keep both counts (equal).
ALTER TABLE backtest.runs DROP CONSTRAINT runs_status_check;
ALTER TABLE backtest.runs ADD CONSTRAINT runs_status_check CHECK (status IN ('queued', 'running', 'storing',
    'completed', 'failed', 'cancelled', 'interrupted'));
ALTER TABLE backtest.runs ADD COLUMN rows_stored bigint NOT NULL DEFAULT 0;
ALTER TABLE backtest.runs ADD COLUMN rows_total  bigint NOT NULL DEFAULT 0;
