package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.Dataset;
import java.util.List;

/** Users' private datasets, from counters kept with every write (never a count over the candles). */
public interface LoadDatasetsPort {
    /** How many private candles {@code owner} stores, all datasets together. */
    long storedBy(UserId owner);

    /** {@code owner}'s private datasets, by instrument and timeframe. */
    List<Dataset> datasetsOf(UserId owner);
}
