package io.cryptobot.app.notification.application.port.out;

import io.cryptobot.app.notification.domain.EndpointId;
import java.util.List;

/** Tells the delivery worker that these endpoints have something new to send (it never waits for them). */
public interface WakeDeliveriesPort {
    void wake(List<EndpointId> endpoints);
}
