package io.cryptobot.kernel.domain.execution;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;

/** The account side of a {@link Venue}: it receives the venue's reports and says what the account holds. */
public interface VenueListener {
    void onReport(VenueReport report);

    /**
     * What the account holds of {@code asset} as its books say now, every fill reported so far applied: a simulated
     * venue refuses a fill the account cannot pay, as a real one does; a live venue knows its balances itself.
     */
    Money balance(Asset asset);
}
