package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.Quantity;
import java.util.Objects;

/**
 * What one candle did to an open order. {@code triggered} says the order's trigger was reached on this candle
 * (the caller records it, so the order acts as a market or limit order from then on).
 */
public sealed interface FillOutcome {

    boolean triggered();

    /** Nothing filled; the order stays open as it was (apart from {@code triggered}). */
    record NoFill(NoFillReason reason, boolean triggered) implements FillOutcome {
        public NoFill {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One fill; {@code remaining} stays open for the next candle, {@code expired} is given up (an IOC remainder,
     * or a market order's dust below one step). At most one of them is above zero.
     */
    record Filled(SimulatedFill fill, Quantity remaining, Quantity expired, boolean triggered) implements FillOutcome {
        public Filled {
            Objects.requireNonNull(fill, "fill");
            Objects.requireNonNull(remaining, "remaining");
            Objects.requireNonNull(expired, "expired");
            if (remaining.isNegative() || expired.isNegative() || remaining.units() > 0 && expired.units() > 0) {
                throw new IllegalArgumentException("a remainder either stays open or expires");
            }
        }
    }

    /** Nothing filled and the whole remainder expires (IOC or FOK on its only candle). */
    record Expired(NoFillReason reason, Quantity expired, boolean triggered) implements FillOutcome {
        public Expired {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expired, "expired");
        }
    }
}
