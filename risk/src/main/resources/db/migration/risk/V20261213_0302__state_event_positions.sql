-- Kill-switch changes read by position across owners (notifications catching up after a crash), and whether a
-- halt was the daily-loss halt a session tripped (its notification is a kind of its own).
ALTER TABLE risk.state_events
    ADD COLUMN seq             bigint  GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN daily_loss_halt boolean NOT NULL DEFAULT false;
CREATE INDEX state_events_by_seq ON risk.state_events (seq);
