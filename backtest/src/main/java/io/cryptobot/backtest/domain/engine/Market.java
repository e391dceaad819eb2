package io.cryptobot.backtest.domain.engine;

import io.cryptobot.exchange.domain.fill.FillModel;
import java.util.Objects;

/** One instrument of a run: its history and the simulated venue's fill model for it. */
public record Market(Bars bars, FillModel fillModel) {
    public Market {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(fillModel, "fillModel");
        if (!fillModel.rules().instrument().equals(bars.instrument())) {
            throw new IllegalArgumentException("the fill model's instrument " + fillModel.rules().instrument()
                    + " is not the series' " + bars.instrument());
        }
    }
}
