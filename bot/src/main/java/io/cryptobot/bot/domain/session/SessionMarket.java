package io.cryptobot.bot.domain.session;

import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.kernel.domain.InstrumentId;
import java.util.Objects;

/** One instrument a session trades: the simulated venue's fill model for it and its quantity scale. */
public record SessionMarket(InstrumentId instrument, FillModel fillModel, int quantityScale) {
    public SessionMarket {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(fillModel, "fillModel");
        if (!fillModel.rules().instrument().equals(instrument)) {
            throw new IllegalArgumentException("the fill model's instrument " + fillModel.rules().instrument()
                    + " is not " + instrument);
        }
    }
}
