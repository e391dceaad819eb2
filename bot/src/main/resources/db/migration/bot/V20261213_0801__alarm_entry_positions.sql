-- The entries that raise a bot's alarms (failed, incident, an opening block, a reconciliation) read by position
-- across bots: notifications catch up on them after a crash between the entry's commit and the outbox's. A
-- reconciliation is compared with the bot's previous one (an alarm tells of a new set of differences only).
CREATE INDEX controls_alarms_by_seq ON bot.controls (seq)
    WHERE kind IN ('failed', 'incident', 'opening_blocked', 'venue_reconciled');
CREATE INDEX controls_reconciled_by_bot ON bot.controls (bot_id, seq) WHERE kind = 'venue_reconciled';
