package io.cryptobot.bot.application.service;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase;
import jakarta.enterprise.context.ApplicationScoped;

/** Projects what a live session did to the order journal and to risk's block events. */
@ApplicationScoped
class ActivityProjection {
    private final RecordOrderActivityUseCase journal;
    private final BlockEventsUseCase blocks;

    ActivityProjection(RecordOrderActivityUseCase journal, BlockEventsUseCase blocks) {
        this.journal = journal;
        this.blocks = blocks;
    }

    /** Orders first, then the blocks that name them; both idempotent. */
    void record(UserId owner, StepJournal.Step step) {
        if (!step.isEmpty()) {
            journal.record(owner, step.activity());
            blocks.record(owner, step.blocks());
        }
    }
}
