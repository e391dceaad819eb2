package io.cryptobot.bot.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import org.junit.jupiter.api.Test;

/** Small series worked out by hand. */
class BandAndChannelExamplesTest {
    private static final double EXACT = 1e-12;

    @Test
    void bollingerBandsUseThePopulationStandardDeviation() {
        BollingerBands bands = new BollingerBands(3, 2);
        bands.update(1);
        bands.update(2);
        assertThat(bands.isReady()).isFalse();
        bands.update(3); // mean 2, variance (1 + 0 + 1) / 3
        assertThat(bands.middle()).isEqualTo(2);
        assertThat(bands.standardDeviation()).isCloseTo(Math.sqrt(2.0 / 3), within(EXACT));
        assertThat(bands.upper()).isCloseTo(2 + 2 * Math.sqrt(2.0 / 3), within(EXACT));
        assertThat(bands.lower()).isCloseTo(2 - 2 * Math.sqrt(2.0 / 3), within(EXACT));
        bands.update(4);
        bands.update(10); // window 3, 4, 10: mean 17/3, variance (64 + 25 + 169) / 27
        assertThat(bands.value()).isCloseTo(17.0 / 3, within(EXACT));
        assertThat(bands.standardDeviation()).isCloseTo(Math.sqrt(258.0 / 27), within(EXACT));
    }

    @Test
    void bollingerBandsOfAFlatWindowCollapseOntoTheMiddle() {
        BollingerBands bands = new BollingerBands(4, 2);
        for (int i = 0; i < 10; i++) {
            bands.update(i < 6 ? 40_000.01 * (i + 1) : 40_000.01);
        }
        assertThat(bands.standardDeviation()).isCloseTo(0, within(1e-9));
        assertThat(bands.upper()).isCloseTo(40_000.01, within(1e-9));
        assertThat(bands.lower()).isCloseTo(40_000.01, within(1e-9));
    }

    @Test
    void donchianChannelTracksTheHighestHighAndLowestLowOfTheWindow() {
        DonchianChannel channel = new DonchianChannel(2);
        channel.update(10, 8, 9, 1);
        assertThat(channel.isReady()).isFalse();
        channel.update(12, 9, 11, 1);
        assertThat(channel.upper()).isEqualTo(12);
        assertThat(channel.lower()).isEqualTo(8);
        assertThat(channel.middle()).isEqualTo(10);
        channel.update(11, 7, 8, 1);
        assertThat(channel.upper()).isEqualTo(12);
        assertThat(channel.lower()).isEqualTo(7);
        channel.update(9, 8, 8.5, 1); // the 12 has left the window
        assertThat(channel.upper()).isEqualTo(11);
        assertThat(channel.lower()).isEqualTo(7);
        assertThat(channel.value()).isEqualTo(9);
    }

    @Test
    void averageTrueRangeCountsGapsFromThePreviousClose() {
        // true ranges: 2 (first bar: high - low), 3, 4 (high 11 - previous close... low 7 vs close 11), 7 (gap up)
        AverageTrueRange atr = new AverageTrueRange(2);
        atr.update(10, 8, 9, 1);
        atr.update(12, 9, 11, 1);
        assertThat(atr.isReady()).isFalse();
        atr.update(11, 7, 8, 1); // seeded with this bar's true range, 4
        assertThat(atr.value()).isEqualTo(4);
        atr.update(15, 12, 14, 1); // true range max(3, 15 - 8, 8 - 12) = 7: 4 + (7 - 4) / 2
        assertThat(atr.value()).isEqualTo(5.5);
    }

    @Test
    void rollingVwapWeighsTypicalPricesByVolume() {
        RollingVwap vwap = new RollingVwap(2);
        vwap.update(12, 9, 9, 1); // typical 10
        assertThat(vwap.isReady()).isFalse();
        vwap.update(21, 18, 21, 3); // typical 20: (10 * 1 + 20 * 3) / 4
        assertThat(vwap.value()).isEqualTo(17.5);
        vwap.update(33, 27, 30, 0); // typical 30 without volume: 20 * 3 / 3
        assertThat(vwap.value()).isEqualTo(20);
    }

    @Test
    void rollingVwapOfAWindowWithoutVolumeIsTheMeanTypicalPrice() {
        RollingVwap vwap = new RollingVwap(2);
        vwap.update(12, 9, 9, 0.1);
        vwap.update(21, 18, 21, 0);
        vwap.update(33, 27, 30, 0); // typicals 20 and 30, nothing traded
        assertThat(vwap.value()).isEqualTo(25);
        vwap.update(42, 39, 39, 0.2); // volume again: only the typical price 40 carries weight
        assertThat(vwap.value()).isCloseTo(40, within(EXACT));
    }

    @Test
    void aCandleIsReadAsItsExactDecimalsNearestDoubles() {
        DonchianChannel channel = new DonchianChannel(1);
        channel.update(new Candle(0, price("40000.10"), price("40000.30"), price("39999.99"), price("40000.20"),
                new Quantity(150_000, 5)));
        assertThat(channel.upper()).isEqualTo(40000.30);
        assertThat(channel.lower()).isEqualTo(39999.99);
    }

    private static Price price(String text) {
        return Price.parse(text, 2).get();
    }
}
