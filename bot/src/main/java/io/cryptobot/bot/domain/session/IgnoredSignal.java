package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.InstrumentId;
import java.time.Instant;

/**
 * A strategy signal that placed no order, and why: {@code rule} is a risk rule id for a pre-trade refusal (the
 * order then exists, denied), or {@code sizing} when the intent came to less than one lot step.
 */
public record IgnoredSignal(Instant time, InstrumentId instrument, String tag, String rule, String reason) {
}
