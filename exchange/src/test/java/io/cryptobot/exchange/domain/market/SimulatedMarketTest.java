package io.cryptobot.exchange.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {
    static final Venue SIM = new Venue("SIM");
    static final SimSymbol BTC = new SimSymbol(InstrumentId.parse("SIM:BTC/USDT").get(), new BigDecimal("60000"),
            new BigDecimal("0.01"), new BigDecimal("0.00001"), Option.some(new BigDecimal("5")), 0.0008,
            new BigDecimal("2.5"));
    static final SimSymbol ETH = new SimSymbol(InstrumentId.parse("SIM:ETH/USDT").get(), new BigDecimal("3000"),
            new BigDecimal("0.01"), new BigDecimal("0.0001"), Option.none(), 0.001, new BigDecimal("10"));
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** 2026-12-06T00:00:00Z. */
    static final long DEC_6 = SimulatedMarket.ORIGIN + 339 * DAY;
    private final SimulatedMarket market = new SimulatedMarket(20261122L);

    @Nested
    class Determinism {
        @Test
        void the_same_seed_symbol_and_time_give_the_same_candle_in_any_order_and_from_any_start() {
            long from = DEC_6 - 3 * HOUR - 17 * MINUTE;
            List<VenueCandle> walked = market.candles(BTC, Timeframe.M1, from, from + 2 * DAY, 5_000);
            assertThat(walked).hasSize(2 * 1440);
            for (int i = 0; i < walked.size(); i += 97) {
                assertThat(market.candle(BTC, Timeframe.M1, walked.get(i).openTime())).isEqualTo(walked.get(i));
                assertThat(new SimulatedMarket(20261122L).candles(BTC, Timeframe.M1, walked.get(i).openTime(),
                        from + 2 * DAY, 5_000)).isEqualTo(walked.drop(i));
            }
        }

        @Test
        void another_seed_or_symbol_is_another_series() {
            VenueCandle btc = market.candle(BTC, Timeframe.H1, DEC_6);
            assertThat(new SimulatedMarket(1L).candle(BTC, Timeframe.H1, DEC_6)).isNotEqualTo(btc);
            SimSymbol sameRulesOtherName = new SimSymbol(InstrumentId.parse("SIM:XBT/USDT").get(), BTC.startPrice(),
                    BTC.tickSize(), BTC.stepSize(), BTC.minNotional(), BTC.volatility(), BTC.baseVolume());
            assertThat(market.candle(sameRulesOtherName, Timeframe.H1, DEC_6)).isNotEqualTo(btc);
        }

        @Test
        void the_walk_is_pinned_to_the_start_price_at_the_origin_and_runs_before_it_too() {
            assertThat(market.candle(BTC, Timeframe.M1, SimulatedMarket.ORIGIN).open())
                    .isEqualByComparingTo("60000.00");
            List<VenueCandle> before = market.candles(BTC, Timeframe.M1, SimulatedMarket.ORIGIN - 3 * DAY,
                    SimulatedMarket.ORIGIN + DAY, 10_000);
            assertThat(before).hasSize(4 * 1440);
            assertContinuous(before);
        }
    }

    @Nested
    class Candles {
        @Test
        void each_close_is_the_next_open_across_hours_and_days_and_ohlc_holds() {
            List<VenueCandle> candles = market.candles(BTC, Timeframe.M1, DEC_6 - 2 * DAY, DEC_6 + DAY, 10_000);
            assertContinuous(candles);
            for (VenueCandle c : candles) {
                assertThat(c.low()).isLessThanOrEqualTo(c.open().min(c.close()));
                assertThat(c.high()).isGreaterThanOrEqualTo(c.open().max(c.close()));
                assertThat(c.low().signum()).isPositive();
                for (BigDecimal price : java.util.List.of(c.open(), c.high(), c.low(), c.close())) {
                    assertThat(price.remainder(BTC.tickSize()).signum()).isZero();
                }
                assertThat(c.volume().remainder(BTC.stepSize()).signum()).isZero();
                assertThat(c.volume().signum()).isPositive();
            }
        }

        @Test
        void coarser_candles_are_exact_aggregates_of_their_minutes() {
            for (Timeframe timeframe : java.util.List.of(Timeframe.M5, Timeframe.H1, Timeframe.H4, Timeframe.D1)) {
                long length = timeframe.nominalLength().toMillis();
                List<VenueCandle> coarse = market.candles(ETH, timeframe, DEC_6 - 2 * DAY, DEC_6, 1000);
                assertThat(coarse).hasSize((int) (2 * DAY / length));
                for (VenueCandle c : coarse.take(3).appendAll(coarse.takeRight(2))) {
                    List<VenueCandle> minutes = market.candles(ETH, Timeframe.M1, c.openTime(), c.openTime() + length,
                            10_000);
                    assertThat(c.open()).isEqualTo(minutes.head().open());
                    assertThat(c.close()).isEqualTo(minutes.last().close());
                    assertThat(c.high()).isEqualTo(minutes.map(VenueCandle::high).max().get());
                    assertThat(c.low()).isEqualTo(minutes.map(VenueCandle::low).min().get());
                    assertThat(c.volume()).isEqualTo(minutes.map(VenueCandle::volume).reduce(BigDecimal::add));
                }
            }
        }

        @Test
        void a_range_starts_at_the_first_aligned_open_and_respects_the_limit_and_the_end() {
            List<VenueCandle> page = market.candles(BTC, Timeframe.M15, DEC_6 + 1, DEC_6 + HOUR + 1, 10);
            assertThat(page.map(VenueCandle::openTime)).containsExactly(DEC_6 + 15 * MINUTE, DEC_6 + 30 * MINUTE,
                    DEC_6 + 45 * MINUTE, DEC_6 + HOUR);
            assertThat(market.candles(BTC, Timeframe.M1, DEC_6, DEC_6 + HOUR, 7)).hasSize(7);
            assertThat(market.candles(BTC, Timeframe.M1, DEC_6, DEC_6, 7)).isEmpty();
        }

        @Test
        void timeframes_longer_than_a_day_are_not_served() {
            assertThat(SimulatedMarket.timeframes()).contains(Timeframe.M1, Timeframe.D1).doesNotContain(Timeframe.W1);
            assertThatThrownBy(() -> market.candles(BTC, Timeframe.W1, DEC_6, DEC_6 + 30 * DAY, 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void minute_log_returns_have_the_configured_volatility_and_no_drift() {
        List<VenueCandle> candles = market.candles(ETH, Timeframe.M1, DEC_6 - 20 * DAY, DEC_6, 30_000);
        double[] returns = candles.map(c -> Math.log(c.close().doubleValue() / c.open().doubleValue()))
                .toJavaStream().mapToDouble(Double::doubleValue).toArray();
        double mean = java.util.Arrays.stream(returns).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum()
                / (returns.length - 1));
        // the tick (0.01 on ~3000) adds rounding noise of about 1e-6, far below the 0.001 asked for
        assertThat(sd).isBetween(0.00095, 0.00105);
        assertThat(Math.abs(mean)).isLessThan(4 * 0.001 / Math.sqrt(returns.length));
    }

    static void assertContinuous(List<VenueCandle> candles) {
        for (int i = 1; i < candles.size(); i++) {
            assertThat(candles.get(i).openTime()).isEqualTo(candles.get(i - 1).openTime() + MINUTE);
            assertThat(candles.get(i).open()).as("open of %s", candles.get(i).openTime())
                    .isEqualTo(candles.get(i - 1).close());
        }
    }
}
