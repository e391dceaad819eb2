package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.UserId;
import java.util.List;
import java.util.Objects;

/** Records one step's order activity of an owner's account in one transaction (idempotent, see OrderActivity). */
public interface RecordOrderActivityUseCase {
    void record(UserId owner, OrderActivity activity);

    /**
     * Records the activities of several owners, each as {@link #record} would, in one transaction: all or none (one
     * disk flush for all). A caller that must not let one owner's failure fail the others records them one by one
     * after a failure.
     */
    void recordAll(List<OwnedActivity> activities);

    /** An owner's activity, one of several recorded together. */
    record OwnedActivity(UserId owner, OrderActivity activity) {
        public OwnedActivity {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(activity, "activity");
        }
    }
}
