package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.StoredData;

/** The caller's private datasets, and how many candles they store against their limit. */
public interface ListDatasetsQuery {
    StoredData list(UserId caller);
}
