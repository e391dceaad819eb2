package io.cryptobot.bot.domain.live;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.execution.VenueExecution;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A difference reconciliation found between a live venue and what the platform recorded. Reported (events, the
 * reconciliation endpoint), never acted on silently: an order the platform does not know is neither adopted nor
 * canceled; a missed fill is applied (it is a fact the venue proves with its trade id); a balance difference is
 * shown with its size.
 */
public sealed interface Drift {
    /** A stable code, as in events and the API. */
    String code();

    /** One secret-free sentence with the numbers. */
    String describe();

    /** An open order on the venue the platform never placed (placed by hand on the venue, or by another tool). */
    record UnknownVenueOrder(VenueOrderState order) implements Drift {
        public UnknownVenueOrder {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public String code() {
            return "unknown_venue_order";
        }

        @Override
        public String describe() {
            return "open order " + order.clientOrderId() + " (venue id " + order.venueOrderId() + ", "
                    + order.side() + " " + order.quantity() + " " + order.instrument() + ") is not the platform's:"
                    + " left as it is";
        }
    }

    /** An execution of one of our orders that had not been applied (missed while the stream was down): applied now. */
    record MissedFill(VenueExecution execution) implements Drift {
        public MissedFill {
            Objects.requireNonNull(execution, "execution");
        }

        @Override
        public String code() {
            return "missed_fill";
        }

        @Override
        public String describe() {
            return "fill " + execution.tradeId() + " of order " + execution.clientOrderId() + " (" + execution.quantity()
                    + " at " + execution.price() + ") was missing: applied from the venue's trade history";
        }
    }

    /** An execution of an order the platform does not know: reported, not booked. */
    record ForeignExecution(VenueExecution execution) implements Drift {
        public ForeignExecution {
            Objects.requireNonNull(execution, "execution");
        }

        @Override
        public String code() {
            return "foreign_execution";
        }

        @Override
        public String describe() {
            return "trade " + execution.tradeId() + " of order " + execution.clientOrderId() + " on "
                    + execution.instrument() + " is not the platform's: not booked";
        }
    }

    /** An order the platform held open that the venue no longer lists as open: its end is asked for by query. */
    record ClosedOnVenue(String clientOrderId) implements Drift {
        public ClosedOnVenue {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }

        @Override
        public String code() {
            return "closed_on_venue";
        }

        @Override
        public String describe() {
            return "order " + clientOrderId + " is open here and not on the venue: its outcome is asked for";
        }
    }

    /** The venue holds {@code venue} of an asset the ledger says is {@code ledger}. */
    record BalanceDifference(Asset asset, BigDecimal ledger, BigDecimal venue) implements Drift {
        public BalanceDifference {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(ledger, "ledger");
            Objects.requireNonNull(venue, "venue");
        }

        public BigDecimal difference() {
            return venue.subtract(ledger);
        }

        @Override
        public String code() {
            return "balance_difference";
        }

        @Override
        public String describe() {
            return asset.code() + ": venue " + venue.toPlainString() + ", ledger " + ledger.toPlainString()
                    + ", difference " + difference().toPlainString();
        }
    }
}
