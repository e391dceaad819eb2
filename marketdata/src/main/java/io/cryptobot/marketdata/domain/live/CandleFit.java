package io.cryptobot.marketdata.domain.live;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fits a venue's candle to an instrument's scales: prices to the nearest tick (half up), volume down to the
 * step. A venue that changed its tick after the instrument was defined still feeds it; rounding is monotonic, so
 * OHLC sanity survives it. Refused only when the result is not a candle (a price rounding to zero, a value beyond a
 * {@code long} of units).
 */
public final class CandleFit {
    private CandleFit() {
    }

    public static Either<String, Candle> fit(Instrument instrument, VenueCandle candle) {
        try {
            Price open = price(instrument, candle.open());
            Price high = price(instrument, candle.high());
            Price low = price(instrument, candle.low());
            Price close = price(instrument, candle.close());
            BigDecimal step = instrument.stepSize().toBigDecimal();
            long volume = candle.volume().divide(step, 0, RoundingMode.DOWN).multiply(BigDecimal.valueOf(
                    instrument.stepSize().units())).longValueExact();
            return Candle.checked(candle.openTime(), open, high, low, close, new Quantity(volume,
                            instrument.quantityScale())).toEither()
                    .mapLeft(problems -> "candle at " + candle.openTime() + " is not a candle once fitted to "
                            + instrument + ": " + problems.mkString("; "));
        } catch (ArithmeticException e) {
            return Either.left("candle at " + candle.openTime() + " does not fit " + instrument + "'s scales");
        }
    }

    private static Price price(Instrument instrument, BigDecimal value) {
        BigDecimal tick = instrument.tickSize().toBigDecimal();
        long ticks = value.divide(tick, 0, RoundingMode.HALF_UP).longValueExact();
        return new Price(Math.multiplyExact(ticks, instrument.tickSize().units()), instrument.priceScale());
    }
}
