package io.cryptobot.exchange.adapter.out.venue.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.adapter.out.venue.StreamSettings;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.FakeOkx;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.collection.List;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OkxMarketDataTest {
    static final InstrumentId BTC_USDT = new InstrumentId(OkxApi.VENUE, new Asset("BTC"), new Asset("USDT"));
    static final long MINUTE = 60_000;
    private final FakeOkx fake = FakeOkx.start();
    private final OkxApi api = new OkxApi(OkxConfig.production().withUrls(fake.restUrl(), fake.wsUrl())
            .withStreams(new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(5),
                    Duration.ofHours(1), Duration.ofSeconds(2))), Instant::now);
    private final OkxMarketData okx = new OkxMarketData(api);

    @AfterEach
    void stop() {
        okx.close();
        api.close();
        fake.close();
    }

    /** Pages from {@code from} to {@code to} the way a download does; fails on any failure. */
    java.util.List<VenueCandle> download(long from, long to, int limit) {
        java.util.List<VenueCandle> seen = new ArrayList<>();
        while (true) {
            List<VenueCandle> page = okx.candles(BTC_USDT, Timeframe.M1, from, to, limit).get();
            if (page.isEmpty()) {
                return seen;
            }
            seen.addAll(page.asJava());
            from = page.last().openTime() + MINUTE;
        }
    }

    @Test
    void server_time_is_the_venues_clock() {
        fake.clockOffset(Duration.ofSeconds(-20));
        Instant venue = okx.serverTime().get();
        assertThat(Duration.between(Instant.now(), venue)).isBetween(Duration.ofSeconds(-21), Duration.ofSeconds(-19));
    }

    @Test
    void instruments_become_symbols_with_tick_and_lot_and_only_live_ones_trade() {
        fake.instrument("BTC", "USDT", "live", "0.1", "0.00000001")
                .instrument("ETH", "USDT", "suspend", "0.01", "0.000001")
                .instrument("NEW", "USDT", "preopen", "0.0001", "1");
        List<VenueSymbol> symbols = okx.symbols().get().sortBy(VenueSymbol::venueSymbol);
        assertThat(symbols.map(VenueSymbol::venueSymbol)).containsExactly("BTC-USDT", "ETH-USDT", "NEW-USDT");
        assertThat(symbols.head().instrument()).isEqualTo(BTC_USDT);
        assertThat(symbols.head().tickSize()).isEqualTo(new BigDecimal("0.1"));
        assertThat(symbols.head().stepSize()).isEqualTo(new BigDecimal("0.00000001"));
        assertThat(symbols.head().minNotional().isEmpty()).isTrue();
        assertThat(symbols.map(VenueSymbol::status)).containsExactly(VenueSymbol.Status.TRADING,
                VenueSymbol.Status.HALTED, VenueSymbol.Status.HALTED);
    }

    @Test
    void the_port_is_not_binance_shaped_only_utc_aligned_bars_are_served() {
        assertThat(okx.timeframes()).contains(Timeframe.M1, Timeframe.H4, Timeframe.D1).doesNotContain(Timeframe.H8,
                Timeframe.D3);
        assertThat(okx.maxCandlesPerPage()).isEqualTo(300);
        assertThat(okx.candles(BTC_USDT, Timeframe.H8, 0, MINUTE, 10).getLeft())
                .isInstanceOf(VenueFailure.Rejected.class);
    }

    @Nested
    class History {
        @Test
        void paging_returns_every_closed_candle_once_ascending_and_drops_the_unconfirmed_one() {
            long now = Timeframe.M1.floor(Instant.now().toEpochMilli());
            CandleSeries series = fake.candles("BTC-USDT", Timeframe.M1).randomWalk(now - 700 * MINUTE, 700, 11);
            series.open(CandleSeries.walk(Timeframe.M1, now, 1, 12).getFirst());
            java.util.List<VenueCandle> seen = download(now - 700 * MINUTE, now + MINUTE, 300);
            assertThat(seen).hasSize(700);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).openTime() - seen.get(i - 1).openTime()).isEqualTo(MINUTE);
            }
            assertThat(seen.getLast().openTime()).isEqualTo(now - MINUTE);
            assertThat(seen.get(123).close()).isEqualByComparingTo(series.closedCandles().get(123).close());
        }

        @Test
        void data_starting_long_after_the_requested_start_is_found_without_walking_every_empty_page() {
            long listed = 1_000_000 * MINUTE;
            fake.candles("BTC-USDT", Timeframe.M1).randomWalk(listed, 500, 13);
            fake.clearRequests();
            List<VenueCandle> first = okx.candles(BTC_USDT, Timeframe.M1, 0, listed + 500 * MINUTE, 300).get();
            assertThat(first.map(VenueCandle::openTime)).hasSize(300).startsWith(listed, listed + MINUTE);
            // one empty window, one range probe, about log2(1,000,000 / 300) one-candle probes, the page
            assertThat(fake.count("/api/v5/market/history-candles")).isBetween(4L, 20L);
        }

        @Test
        void a_gap_longer_than_a_page_is_skipped_and_nothing_is_repeated() {
            CandleSeries series = fake.candles("BTC-USDT", Timeframe.M1).randomWalk(0, 2000, 17);
            series.forget(400 * MINUTE, 1500 * MINUTE);
            java.util.List<VenueCandle> seen = download(0, 2000 * MINUTE, 300);
            assertThat(seen).hasSize(900);
            assertThat(seen.get(399).openTime()).isEqualTo(399 * MINUTE);
            assertThat(seen.get(400).openTime()).isEqualTo(1500 * MINUTE);
            assertThat(seen).extracting(VenueCandle::openTime).doesNotHaveDuplicates().isSorted();
        }

        @Test
        void an_empty_range_is_empty() {
            fake.candles("BTC-USDT", Timeframe.M1).randomWalk(10_000 * MINUTE, 10, 19);
            assertThat(okx.candles(BTC_USDT, Timeframe.M1, 0, 5_000 * MINUTE, 300).get()).isEmpty();
        }
    }

    @Nested
    class Rate_limits {
        @Test
        void the_endpoint_budget_of_twenty_per_two_seconds_is_kept_before_sending() {
            fake.candles("BTC-USDT", Timeframe.M1).randomWalk(0, 10, 23);
            int answered = 0;
            VenueFailure refused = null;
            for (int i = 0; i < 25 && refused == null; i++) {
                var page = okx.candles(BTC_USDT, Timeframe.M1, 0, 10 * MINUTE, 10);
                if (page.isRight()) {
                    answered++;
                } else {
                    refused = page.getLeft();
                }
            }
            assertThat(answered).isEqualTo(20);
            assertThat(refused).isInstanceOf(VenueFailure.RateLimited.class);
            assertThat(((VenueFailure.RateLimited) refused).retryAfter()).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(fake.count("/api/v5/market/history-candles")).isEqualTo(20);
        }

        @Test
        void a_429_with_code_50011_holds_the_following_calls_back_with_backoff() {
            fake.refuseNext(1, 429, null);
            VenueFailure.RateLimited first = (VenueFailure.RateLimited) okx.serverTime().getLeft();
            assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(okx.symbols().getLeft()).isInstanceOf(VenueFailure.RateLimited.class);
            assertThat(fake.requests()).hasSize(1);
        }
    }
}
