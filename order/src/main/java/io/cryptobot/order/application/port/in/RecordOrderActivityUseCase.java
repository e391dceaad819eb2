package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.UserId;

/** Records one step's order activity of an owner's account in one transaction (idempotent, see OrderActivity). */
public interface RecordOrderActivityUseCase {
    void record(UserId owner, OrderActivity activity);
}
