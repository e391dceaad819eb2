package io.cryptobot.kernel.domain.execution;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;

/**
 * Where a trading session's orders go: the session submits and cancels, the venue reports what happened
 * ({@link VenueReport}) to the {@link VenueListener} it was connected to. The simulated venue (the fill model,
 * {@code exchange.domain.venue.SimulatedVenue}) reports synchronously while it matches a bar; a live venue reports
 * when the exchange answers. The session never knows which one it trades on.
 *
 * <p>Part of the kernel because both sides implement or call it in their domain: the session ({@code bot}) and the
 * venues ({@code exchange}), and neither domain may depend on the other's.
 */
public interface Venue {
    /** Called once, before the first order: where reports go and what the account holds. */
    void connect(VenueListener listener);

    void submit(VenueOrder order);

    /** Asks the venue to take the order off the book; the answer is a report (or none when it is already closed). */
    void cancel(String clientOrderId);

    /**
     * A closed bar of {@code instrument}, before the session marks the account and shows the bar to its strategy: a
     * simulated venue matches its working orders against it; a live venue ignores it (its fills are reports).
     */
    default void onBar(InstrumentId instrument, Candle bar) {
    }
}
