package io.cryptobot.exchange.adapter.out.venue.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimVenueMarketDataTest {
    private static final String SYMBOLS = "BTC/USDT price=60000 tick=0.01 step=0.00001 min-notional=5";
    private static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    private SimVenueMarketData venue;

    @AfterEach
    void stop() {
        if (venue != null) {
            venue.stop();
        }
    }

    @Test
    void the_stream_reports_each_closed_candle_once_in_order_and_exactly_as_the_history_has_it() throws Exception {
        // 6000 times real time: a one-minute candle every 10 ms
        venue = new SimVenueMarketData(7, 6000, SYMBOLS, Instant::now);
        java.util.List<VenueCandle> streamed = new CopyOnWriteArrayList<>();
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch enough = new CountDownLatch(30);
        VenueMarketData.CandleStream stream = venue.stream(BTC, Timeframe.M1, new VenueMarketData.CandleStreamListener() {
            @Override
            public void onClosedCandle(VenueCandle candle) {
                streamed.add(candle);
                enough.countDown();
            }

            @Override
            public void onConnected() {
                connected.countDown();
            }
        });
        assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(enough.await(10, TimeUnit.SECONDS)).isTrue();
        stream.close();
        List<VenueCandle> seen = List.ofAll(streamed);
        long first = seen.head().openTime();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).openTime()).isEqualTo(seen.get(i - 1).openTime() + 60_000);
        }
        List<VenueCandle> history = venue.candles(BTC, Timeframe.M1, first, seen.last().openTime() + 1, 1000).get();
        assertThat(history).isEqualTo(seen);
        int afterClose = streamed.size();
        Thread.sleep(50);
        assertThat(streamed).hasSize(afterClose);
    }

    @Test
    void history_holds_only_closed_candles_and_a_restart_shows_the_same_past() {
        Instant wall = Instant.parse("2026-12-06T10:30:20Z");
        Clock clock = () -> wall;
        venue = new SimVenueMarketData(7, 1, SYMBOLS, clock);
        assertThat(venue.serverTime().get()).isEqualTo(wall);
        List<VenueCandle> page = venue.candles(BTC, Timeframe.M1, wall.toEpochMilli() - 86_400_000,
                Long.MAX_VALUE, 5000).get();
        assertThat(page).hasSize(1000);
        List<VenueCandle> tail = venue.candles(BTC, Timeframe.M1, wall.toEpochMilli() - 600_000, Long.MAX_VALUE, 1000)
                .get();
        // 10:20:20 rounds up to 10:21; the candle of 10:30 is still open
        assertThat(tail.head().openTime()).isEqualTo(Instant.parse("2026-12-06T10:21:00Z").toEpochMilli());
        assertThat(tail.last().openTime()).isEqualTo(Instant.parse("2026-12-06T10:29:00Z").toEpochMilli());
        SimVenueMarketData restarted = new SimVenueMarketData(7, 1, SYMBOLS, () -> wall.plusSeconds(3600));
        try {
            assertThat(restarted.candles(BTC, Timeframe.M1, tail.head().openTime(), tail.last().openTime() + 1, 100)
                    .get()).isEqualTo(tail);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void symbols_carry_their_rules_and_unknown_ones_are_refused_as_the_venue_would() {
        venue = new SimVenueMarketData(7, 1, SYMBOLS + ", ETH/USDT price=3000 tick=0.01 step=0.0001", Instant::now);
        assertThat(venue.symbols().get().map(s -> s.venueSymbol())).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(venue.symbols().get().head().minNotional().get()).isEqualByComparingTo("5");
        assertThat(venue.candles(InstrumentId.parse("SIM:DOGE/USDT").get(), Timeframe.M1, 0, 1, 1).getLeft())
                .isInstanceOf(VenueFailure.Rejected.class);
        assertThat(venue.candles(BTC, Timeframe.W1, 0, 1, 1).getLeft()).isInstanceOf(VenueFailure.Rejected.class);
        assertThat(venue.timeframes()).contains(Timeframe.M1, Timeframe.H1, Timeframe.D1);
    }

    /**
     * Found by the audit of 2026-12-06: the walks are defined at any time, so a download of SIM's 1m candles from 1970
     * (or year -5000) planned tens of millions (billions) of candles into the shared store. The venue lists its pairs
     * from cryptobot.venues.sim.listed-from on: asked from before, it answers from the listing, as Binance's klines
     * with an early startTime do; a range wholly before it holds nothing.
     */
    @Test
    void no_candle_opens_before_the_listing_and_an_earlier_start_answers_from_the_listing() {
        Instant listed = Instant.parse("2020-01-01T00:00:00Z");
        venue = new SimVenueMarketData(7, 1, Instant.now(), listed, SYMBOLS, Instant::now);
        List<VenueCandle> fromEpoch = venue.candles(BTC, Timeframe.M1, 0, Long.MAX_VALUE, 3).get();
        assertThat(fromEpoch.map(VenueCandle::openTime)).containsExactly(listed.toEpochMilli(),
                listed.toEpochMilli() + 60_000, listed.toEpochMilli() + 120_000);
        assertThat(fromEpoch.head()).isEqualTo(venue.candles(BTC, Timeframe.M1, listed.toEpochMilli(),
                listed.toEpochMilli() + 60_000, 1).get().head());
        assertThat(venue.candles(BTC, Timeframe.M1, Instant.parse("-5000-01-01T00:00:00Z").toEpochMilli(),
                listed.toEpochMilli(), 1000).get()).isEmpty();
        assertThat(venue.candles(BTC, Timeframe.D1, 0, Long.MAX_VALUE, 1).get().head().openTime())
                .isEqualTo(listed.toEpochMilli());
    }

    @Test
    void a_fast_venue_runs_its_clock_from_its_start() {
        Instant[] wall = {Instant.parse("2026-12-06T10:00:00Z")};
        venue = new SimVenueMarketData(7, 60, SYMBOLS, () -> wall[0]);
        wall[0] = wall[0].plusSeconds(10);
        assertThat(venue.serverTime().get()).isEqualTo(Instant.parse("2026-12-06T10:10:00Z"));
    }

    @Test
    void a_fast_venue_anchored_by_configuration_continues_its_clock_across_a_restart() {
        Instant anchor = Instant.parse("2026-12-06T10:00:00Z");
        Instant[] wall = {anchor.plusSeconds(10)};
        venue = new SimVenueMarketData(7, 60, anchor, SYMBOLS, () -> wall[0]);
        assertThat(venue.serverTime().get()).isEqualTo(Instant.parse("2026-12-06T10:10:00Z"));
        wall[0] = anchor.plusSeconds(30);
        SimVenueMarketData restarted = new SimVenueMarketData(7, 60, anchor, SYMBOLS, () -> wall[0]);
        try {
            assertThat(restarted.serverTime().get()).isEqualTo(Instant.parse("2026-12-06T10:30:00Z"));
        } finally {
            restarted.stop();
        }
    }
}
