package io.cryptobot.kernel.domain;

import java.time.Instant;

/**
 * The only source of "now" for domain and application code. Live code uses the system clock; a backtest
 * supplies the simulated time of the candle being processed, which keeps runs deterministic.
 */
@FunctionalInterface
public interface Clock {
    Instant now();
}
