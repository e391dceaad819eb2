package io.cryptobot.kernel.domain;

import java.util.UUID;

/**
 * The only source of new identifiers for domain code. Live code uses random UUIDs; a backtest uses a seeded
 * generator so that two runs of the same configuration produce the same ids.
 */
@FunctionalInterface
public interface IdGenerator {
    UUID next();
}
