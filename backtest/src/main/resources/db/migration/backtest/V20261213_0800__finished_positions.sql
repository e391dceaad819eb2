-- Runs and sweeps that ended (completed or failed) read by position across owners: notifications catch up on
-- them after a crash between the run's final commit and the outbox's. A shared sequence numbers each end as the
-- final status is written (in the same statement, so the number commits with the status); a run that ends again
-- after a resume gets a new number (its notification's key is the run's id: it is queued once).
CREATE SEQUENCE backtest.finished_seq;
ALTER TABLE backtest.runs ADD COLUMN finished_seq bigint;
ALTER TABLE backtest.sweeps ADD COLUMN finished_seq bigint;

CREATE FUNCTION backtest.number_finish() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IN ('completed', 'failed') AND OLD.status IS DISTINCT FROM NEW.status THEN
        NEW.finished_seq := nextval('backtest.finished_seq');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER runs_number_finish BEFORE UPDATE OF status ON backtest.runs
    FOR EACH ROW EXECUTE FUNCTION backtest.number_finish();
CREATE TRIGGER sweeps_number_finish BEFORE UPDATE OF status ON backtest.sweeps
    FOR EACH ROW EXECUTE FUNCTION backtest.number_finish();
CREATE INDEX runs_by_finished_seq ON backtest.runs (finished_seq) WHERE finished_seq IS NOT NULL;
CREATE INDEX sweeps_by_finished_seq ON backtest.sweeps (finished_seq) WHERE finished_seq IS NOT NULL;
