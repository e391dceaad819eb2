package io.cryptobot.exchange.domain.fill;

/**
 * How far a market-type fill lands from the reference price, as a fraction of that price, always against the
 * trader: a buy pays {@code price * (1 + slippage)}, a sell receives {@code price * (1 - slippage)}. Limit fills
 * are not slipped: a limit price is a promise.
 */
public sealed interface SlippageModel {

    static SlippageModel none() {
        return new FixedBasisPoints(0);
    }

    static SlippageModel fixedBasisPoints(long bps) {
        return new FixedBasisPoints(bps);
    }

    /** {@code bps = coefficientBps * quantity / volume}, at most {@code capBps}. */
    static SlippageModel proportionalToVolume(long coefficientBps, long capBps) {
        return new VolumeProportional(coefficientBps, capBps);
    }

    record FixedBasisPoints(long bps) implements SlippageModel {
        public FixedBasisPoints {
            if (bps < 0 || bps >= 10_000) {
                throw new IllegalArgumentException("slippage must be in [0, 10000) bps: " + bps);
            }
        }
    }

    /** Larger orders relative to what traded move the price more; the cap keeps a thin candle from absurd prices. */
    record VolumeProportional(long coefficientBps, long capBps) implements SlippageModel {
        public VolumeProportional {
            if (coefficientBps < 0 || capBps < 0 || capBps >= 10_000) {
                throw new IllegalArgumentException("coefficient must be >= 0 and cap in [0, 10000) bps");
            }
        }
    }
}
