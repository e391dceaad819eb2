package io.cryptobot.bot.application.service;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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

    /**
     * Several owners' steps: the orders of all in one transaction, then the blocks of each. All or none of the
     * orders; a failure may leave some blocks recorded (idempotent: recording the same steps again is harmless).
     */
    void recordAll(List<Owned> steps) {
        List<RecordOrderActivityUseCase.OwnedActivity> activities = steps.stream()
                .filter(owned -> !owned.step().activity().isEmpty())
                .map(owned -> new RecordOrderActivityUseCase.OwnedActivity(owned.owner(), owned.step().activity()))
                .toList();
        if (activities.size() == 1) {
            journal.record(activities.get(0).owner(), activities.get(0).activity());
        } else if (!activities.isEmpty()) {
            journal.recordAll(activities);
        }
        for (Owned owned : steps) {
            if (!owned.step().blocks().isEmpty()) {
                blocks.record(owned.owner(), owned.step().blocks());
            }
        }
    }

    /** An owner's step, one of several recorded together. */
    record Owned(UserId owner, StepJournal.Step step) {
    }
}
