package io.cryptobot.kernel.domain.execution;

import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.util.Objects;

/**
 * What a venue says happened to one of the account's orders, named by its client order id, at the venue's time
 * (epoch milliseconds; a simulated venue's time is the open time of the bar it matched against). A venue may report
 * one execution twice (trade ids tell), so whoever applies reports must apply each trade once.
 */
public sealed interface VenueReport {
    String clientOrderId();

    long time();

    /** The venue took the order and gave it its own id. */
    record Accepted(String clientOrderId, String venueOrderId, long time) implements VenueReport {
        public Accepted {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(venueOrderId, "venueOrderId");
        }
    }

    /** The venue refused the order, with its reason. */
    record Rejected(String clientOrderId, String reason, long time) implements VenueReport {
        public Rejected {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A conditional order's trigger was reached: it now works as a market or limit order. */
    record Triggered(String clientOrderId, long time) implements VenueReport {
        public Triggered {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }

    /** One execution: the venue's trade id, quantity, price, commission (in the asset it was charged in) and side. */
    record Filled(String clientOrderId, String tradeId, Quantity lastQty, Price lastPx, Money commission,
                  LiquiditySide liquidity, long time) implements VenueReport {
        public Filled {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(tradeId, "tradeId");
            Objects.requireNonNull(lastQty, "lastQty");
            Objects.requireNonNull(lastPx, "lastPx");
            Objects.requireNonNull(commission, "commission");
            Objects.requireNonNull(liquidity, "liquidity");
            if (lastQty.units() <= 0) {
                throw new IllegalArgumentException("a fill has a positive quantity");
            }
        }
    }

    /** The order is off the book: canceled as asked, or by the venue (the reason says which). */
    record Canceled(String clientOrderId, String reason, long time) implements VenueReport {
        public Canceled {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Its time in force ran out (an IOC or FOK remainder, a market order's dust below one step). */
    record Expired(String clientOrderId, long time) implements VenueReport {
        public Expired {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }
}
