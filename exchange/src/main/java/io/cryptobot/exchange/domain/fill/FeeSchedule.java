package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.LiquiditySide;
import java.util.Objects;

/** A venue's maker and taker fee rates and the asset it charges them in. */
public record FeeSchedule(Rate maker, Rate taker, FeeAsset chargedIn) {
    public FeeSchedule {
        Objects.requireNonNull(maker, "maker");
        Objects.requireNonNull(taker, "taker");
        Objects.requireNonNull(chargedIn, "chargedIn");
    }

    public static FeeSchedule inQuote(Rate maker, Rate taker) {
        return new FeeSchedule(maker, taker, FeeAsset.QUOTE);
    }

    public static FeeSchedule free() {
        return new FeeSchedule(Rate.zero(), Rate.zero(), FeeAsset.QUOTE);
    }

    Rate rateFor(LiquiditySide liquidity) {
        return liquidity == LiquiditySide.MAKER ? maker : taker;
    }
}
