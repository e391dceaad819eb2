package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.EndpointId;
import java.time.Instant;

/** One attempt at an endpoint's oldest pending delivery; the delivery worker calls it, one at a time an endpoint. */
public interface DeliverNextUseCase {
    Step deliverNext(EndpointId endpoint);

    /** What the worker does next for this endpoint. */
    sealed interface Step {
        /** Take the next one now. */
        record Continue() implements Step {
        }

        /** Nothing to send (none pending, or the endpoint is disabled or gone). */
        record Idle() implements Step {
        }

        /** Nothing before {@code at} (a retry waits). */
        record WaitUntil(Instant at) implements Step {
        }
    }
}
