package io.cryptobot.bot.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cryptobot.kernel.domain.Candle;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/**
 * Each indicator against ta4j 0.22.2 on the same seeded random walk of 5,000 one-minute bars around 40,000:
 * on every bar, ours is ready exactly when ta4j's unstable period is over, and from then on every output
 * agrees with ta4j's (computed in 40-digit decimals) within an absolute 1e-9. Prices are near 40,000, where
 * a double's own spacing is 7e-12, so an absolute bound is meaningful for price-valued outputs as well as
 * for the 0..100 oscillators.
 */
class Ta4jAgreementTest {
    private static final double TOLERANCE = 1e-9;
    private static final int BARS = 5_000;
    private static final List<Candle> CANDLES = RandomWalk.candles(20_261_122L, BARS);
    private static final BarSeries SERIES = RandomWalk.toTa4j(CANDLES);
    private static final ClosePriceIndicator CLOSE = new ClosePriceIndicator(SERIES);

    @ParameterizedTest(name = "SMA({0})")
    @CsvSource({"1", "2", "20", "200"})
    void simpleMovingAverageAgreesWithTa4j(int period) {
        SMAIndicator reference = new SMAIndicator(CLOSE, period);
        assertAgreesOnCloses(new SimpleMovingAverage(period), reference.getCountOfUnstableBars(),
                List.of(new Output<>("sma", SimpleMovingAverage::value, reference)));
    }

    @ParameterizedTest(name = "EMA({0})")
    @CsvSource({"1", "9", "50"})
    void exponentialMovingAverageAgreesWithTa4jIncludingItsSeed(int period) {
        EMAIndicator reference = new EMAIndicator(CLOSE, period);
        assertAgreesOnCloses(new ExponentialMovingAverage(period), reference.getCountOfUnstableBars(),
                List.of(new Output<>("ema", ExponentialMovingAverage::value, reference)));
    }

    @ParameterizedTest(name = "WMA({0})")
    @CsvSource({"1", "10", "30"})
    void weightedMovingAverageAgreesWithTa4j(int period) {
        WMAIndicator reference = new WMAIndicator(CLOSE, period);
        assertAgreesOnCloses(new WeightedMovingAverage(period), reference.getCountOfUnstableBars(),
                List.of(new Output<>("wma", WeightedMovingAverage::value, reference)));
    }

    @ParameterizedTest(name = "RSI({0})")
    @CsvSource({"1", "2", "14"})
    void relativeStrengthIndexAgreesWithTa4jIncludingItsWilderSeed(int period) {
        RSIIndicator reference = new RSIIndicator(CLOSE, period);
        assertAgreesOnCloses(new RelativeStrengthIndex(period), reference.getCountOfUnstableBars(),
                List.of(new Output<>("rsi", RelativeStrengthIndex::value, reference)));
    }

    @ParameterizedTest(name = "MACD({0}, {1}, {2})")
    @CsvSource({"12, 26, 9", "5, 8, 20", "1, 2, 1"})
    void macdSignalAndHistogramAgreeWithTa4j(int shortPeriod, int longPeriod, int signalPeriod) {
        MACDIndicator macd = new MACDIndicator(CLOSE, shortPeriod, longPeriod);
        Indicator<Num> signal = macd.getSignalLine(signalPeriod);
        Indicator<Num> histogram = macd.getHistogram(signalPeriod);
        // ta4j's signal line declares only its own period as unstable but stays NaN until the MACD line exists.
        int unstable = Math.max(macd.getCountOfUnstableBars(), signalPeriod);
        assertAgreesOnCloses(new Macd(shortPeriod, longPeriod, signalPeriod), unstable, List.of(
                new Output<>("macd", Macd::macd, macd),
                new Output<>("signal", Macd::signal, signal),
                new Output<>("histogram", Macd::histogram, histogram)));
    }

    @ParameterizedTest(name = "Bollinger({0}, {1})")
    @CsvSource({"20, 2", "5, 1.5", "1, 2"})
    void bollingerBandsAgreeWithTa4jPopulationStandardDeviation(int period, double k) {
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(CLOSE, period));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(CLOSE, period);
        Num kNum = SERIES.numFactory().numOf(k);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, deviation, kNum);
        assertAgreesOnCloses(new BollingerBands(period, k), upper.getCountOfUnstableBars(), List.of(
                new Output<>("middle", BollingerBands::middle, middle),
                new Output<>("upper", BollingerBands::upper, upper),
                new Output<>("lower", BollingerBands::lower, new BollingerBandsLowerIndicator(middle, deviation, kNum)),
                new Output<>("deviation", BollingerBands::standardDeviation, deviation)));
    }

    @ParameterizedTest(name = "ATR({0})")
    @CsvSource({"1", "14"})
    void averageTrueRangeAgreesWithTa4jIncludingItsWilderSeed(int period) {
        ATRIndicator reference = new ATRIndicator(SERIES, period);
        assertAgreesOnCandles(new AverageTrueRange(period), reference.getCountOfUnstableBars(),
                List.of(new Output<>("atr", AverageTrueRange::value, reference)));
    }

    @ParameterizedTest(name = "Stochastic({0}, {1})")
    @CsvSource({"14, 3", "5, 1", "1, 3"})
    void stochasticKAndDAgreeWithTa4j(int kPeriod, int dPeriod) {
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(SERIES, kPeriod);
        StochasticOscillatorDIndicator d = new StochasticOscillatorDIndicator(new SMAIndicator(k, dPeriod));
        StochasticOscillator ours = new StochasticOscillator(kPeriod, dPeriod);
        if (kPeriod == 1) {
            // A one-bar window has a zero range whenever high == low; ta4j answers NaN there, we answer 50.
            // The walk's bars always have a range, which this asserts so the comparison below stays total.
            assertThat(CANDLES).allSatisfy(c -> assertThat(c.high()).isGreaterThan(c.low()));
        }
        assertAgreesOnCandles(ours, d.getCountOfUnstableBars(), List.of(
                new Output<>("k", StochasticOscillator::k, k),
                new Output<>("d", StochasticOscillator::d, d)));
    }

    @ParameterizedTest(name = "ROC({0})")
    @CsvSource({"1", "12"})
    void rateOfChangeAgreesWithTa4j(int period) {
        ROCIndicator reference = new ROCIndicator(CLOSE, period);
        assertAgreesOnCloses(new RateOfChange(period), reference.getCountOfUnstableBars(),
                List.of(new Output<>("roc", RateOfChange::value, reference)));
    }

    @ParameterizedTest(name = "VWAP({0})")
    @CsvSource({"1", "20", "500"})
    void rollingVwapAgreesWithTa4j(int period) {
        VWAPIndicator reference = new VWAPIndicator(SERIES, period);
        assertAgreesOnCandles(new RollingVwap(period), reference.getCountOfUnstableBars(),
                List.of(new Output<>("vwap", RollingVwap::value, reference)));
    }

    @ParameterizedTest(name = "Donchian({0})")
    @CsvSource({"1", "20", "300"})
    void donchianChannelAgreesWithTa4j(int period) {
        DonchianChannelUpperIndicator upper = new DonchianChannelUpperIndicator(SERIES, period);
        assertAgreesOnCandles(new DonchianChannel(period), upper.getCountOfUnstableBars(), List.of(
                new Output<>("upper", DonchianChannel::upper, upper),
                new Output<>("lower", DonchianChannel::lower, new DonchianChannelLowerIndicator(SERIES, period)),
                new Output<>("middle", DonchianChannel::middle, new DonchianChannelMiddleIndicator(SERIES, period))));
    }

    private record Output<T>(String name, ToDoubleFunction<T> ours, Indicator<Num> reference) {
    }

    private static <T extends ValueIndicator> void assertAgreesOnCloses(T ours, int unstableBars,
                                                                         List<Output<T>> outputs) {
        assertAgrees(ours, unstableBars, outputs, candle -> ours.update(RandomWalk.close(candle)));
    }

    private static <T extends BarIndicator> void assertAgreesOnCandles(T ours, int unstableBars,
                                                                        List<Output<T>> outputs) {
        assertAgrees(ours, unstableBars, outputs, ours::update);
    }

    private static <T extends io.cryptobot.bot.domain.indicator.Indicator> void assertAgrees(
            T ours, int unstableBars, List<Output<T>> outputs, Consumer<Candle> feed) {
        assertThat(ours.warmUpPeriod()).as("warm-up of %s", ours).isEqualTo(unstableBars + 1);
        int compared = 0;
        for (int i = 0; i < BARS; i++) {
            feed.accept(CANDLES.get(i));
            assertThat(ours.isReady()).as("%s ready after bar %d", ours, i).isEqualTo(i >= unstableBars);
            if (!ours.isReady()) {
                continue;
            }
            for (Output<T> output : outputs) {
                double expected = output.reference().getValue(i).doubleValue();
                assertThat(expected).as("ta4j %s at bar %d", output.name(), i).isFinite();
                assertThat(output.ours().applyAsDouble(ours))
                        .as("%s %s at bar %d", ours, output.name(), i)
                        .isCloseTo(expected, within(TOLERANCE));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(BARS - unstableBars);
    }
}
