package io.cryptobot.app.notification.application.port.out;

import io.vavr.control.Option;
import java.time.Instant;

/** Per source, the position up to which every event is known to be in the outbox (table {@code notification.catch_up}). */
public interface CatchUpCursorPort {
    Option<Long> position(String source);

    void save(String source, long position, Instant now);
}
