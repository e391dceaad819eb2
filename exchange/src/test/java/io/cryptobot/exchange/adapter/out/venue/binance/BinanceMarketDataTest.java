package io.cryptobot.exchange.adapter.out.venue.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.adapter.out.venue.StreamSettings;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.PriceBand;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BinanceMarketDataTest {
    static final InstrumentId BTC_USDT = new InstrumentId(BinanceApi.VENUE, new Asset("BTC"), new Asset("USDT"));
    static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(20));
    private final FakeBinance fake = FakeBinance.start();
    private final AtomicReference<Instant> clock = new AtomicReference<>();
    private BinanceApi api = api(BinanceConfig.production());
    private BinanceMarketData binance = new BinanceMarketData(api);

    BinanceApi api(BinanceConfig base) {
        return new BinanceApi(base.withUrls(fake.restUrl(), fake.wsUrl()).withStreams(FAST),
                () -> clock.get() == null ? Instant.now() : clock.get());
    }

    @AfterEach
    void stop() {
        binance.close();
        api.close();
        fake.close();
    }

    static long currentMinute() {
        return Timeframe.M1.floor(Instant.now().toEpochMilli());
    }

    @Test
    void server_time_is_the_venues_clock() {
        fake.clockOffset(Duration.ofSeconds(30));
        Instant before = Instant.now();
        Instant venue = binance.serverTime().get();
        assertThat(Duration.between(before, venue)).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(32));
    }

    /**
     * The feeds look at the venue's time every second: by the offset read within the age they allow, without a
     * request; the venue is asked again only once that reading is older, and an explicit {@code serverTime()} always
     * asks (it also refreshes the offset the cheap reads use).
     */
    @Test
    void the_venues_time_within_an_age_comes_from_the_last_offset_without_a_request() {
        fake.clockOffset(Duration.ofSeconds(30));
        Instant start = Instant.now();
        clock.set(start);
        Instant first = binance.serverTime(Duration.ofMinutes(1)).get();
        assertThat(fake.count("/api/v3/time")).isEqualTo(1);
        assertThat(Duration.between(start, first)).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(32));

        clock.set(start.plusSeconds(59));
        fake.clockOffset(Duration.ofSeconds(90));
        Instant cached = binance.serverTime(Duration.ofMinutes(1)).get();
        assertThat(fake.count("/api/v3/time")).as("no request within the age").isEqualTo(1);
        assertThat(Duration.between(start.plusSeconds(59), cached)).as("the first offset")
                .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(32));

        clock.set(start.plusSeconds(61));
        Instant fresh = binance.serverTime(Duration.ofMinutes(1)).get();
        assertThat(fake.count("/api/v3/time")).as("older than the age: asked again").isEqualTo(2);
        assertThat(Duration.between(Instant.now(), fresh)).as("the venue's new clock").isBetween(
                Duration.ofSeconds(88), Duration.ofSeconds(92));

        assertThat(binance.serverTime(Duration.ZERO).isRight()).isTrue();
        assertThat(fake.count("/api/v3/time")).as("age zero: asked every time").isEqualTo(3);
    }

    @Nested
    class Exchange_information {
        @Test
        void symbols_carry_tick_step_min_notional_and_status_halted_for_every_non_trading_state() {
            fake.symbol("BTC", "USDT", "TRADING", "0.01000000", "0.00001000", "5.00000000")
                    .symbol("ETH", "BTC", "HALT", "0.00001000", "0.00010000", "0.00010000")
                    .symbol("XRP", "BTC", "BREAK", "0.00000001", "1.00000000", null)
                    .rawSymbol(new JsonObject().put("symbol", "LTCUSDT").put("status", "TRADING")
                            .put("baseAsset", "LTC").put("baseAssetPrecision", 8).put("quoteAsset", "USDT")
                            .put("quoteAssetPrecision", 4).put("filters", new JsonArray()
                                    .add(new JsonObject().put("filterType", "PRICE_FILTER").put("tickSize", "0"))
                                    .add(new JsonObject().put("filterType", "LOT_SIZE").put("stepSize", "10.000"))
                                    .add(new JsonObject().put("filterType", "MIN_NOTIONAL")
                                            .put("minNotional", "10.00000000"))));
            List<VenueSymbol> symbols = binance.symbols().get().sortBy(VenueSymbol::venueSymbol);
            assertThat(symbols.map(VenueSymbol::venueSymbol)).containsExactly("BTCUSDT", "ETHBTC", "LTCUSDT", "XRPBTC");
            VenueSymbol btc = symbols.get(0);
            assertThat(btc.instrument()).isEqualTo(BTC_USDT);
            assertThat(btc.tickSize()).isEqualTo(new BigDecimal("0.01"));
            assertThat(btc.stepSize()).isEqualTo(new BigDecimal("0.00001"));
            assertThat(btc.minNotional().get()).isEqualTo(new BigDecimal("5"));
            assertThat(btc.status()).isEqualTo(VenueSymbol.Status.TRADING);
            assertThat(symbols.get(1).status()).isEqualTo(VenueSymbol.Status.HALTED);
            assertThat(symbols.get(3).status()).isEqualTo(VenueSymbol.Status.HALTED);
            assertThat(symbols.get(3).minNotional().isEmpty()).isTrue();
            VenueSymbol ltc = symbols.get(2);
            assertThat(ltc.tickSize()).as("a disabled price filter falls back to the quote precision")
                    .isEqualTo(new BigDecimal("0.0001"));
            assertThat(ltc.stepSize()).isEqualTo(new BigDecimal("10"));
            assertThat(ltc.minNotional().get()).as("the older MIN_NOTIONAL filter").isEqualTo(new BigDecimal("10"));
        }

        @Test
        void the_percent_price_band_by_side_or_for_both_sides_is_read_with_its_average_window() {
            fake.symbol("BTC", "USDT", "TRADING", "0.01", "0.00001", "5")
                    .percentPriceBySide("BTCUSDT", "1.05", "0.80", "1.20", "0.95", 5)
                    .symbol("ETH", "USDT", "TRADING", "0.01", "0.0001", "5")
                    .rawSymbol(new JsonObject().put("symbol", "LTCUSDT").put("status", "TRADING")
                            .put("baseAsset", "LTC").put("quoteAsset", "USDT").put("filters", new JsonArray()
                                    .add(new JsonObject().put("filterType", "PRICE_FILTER").put("tickSize", "0.01"))
                                    .add(new JsonObject().put("filterType", "LOT_SIZE").put("stepSize", "0.001"))
                                    .add(new JsonObject().put("filterType", "PERCENT_PRICE")
                                            .put("multiplierUp", "1.3000").put("multiplierDown", "0.7000")
                                            .put("avgPriceMins", 1))));
            List<VenueSymbol> symbols = binance.symbols().get().sortBy(VenueSymbol::venueSymbol);
            assertThat(symbols.get(0).priceBand().get()).isEqualTo(new PriceBand(new BigDecimal("1.05"),
                    new BigDecimal("0.8"), new BigDecimal("1.2"), new BigDecimal("0.95"), 5));
            assertThat(symbols.get(1).priceBand().isEmpty()).isTrue();
            assertThat(symbols.get(2).priceBand().get()).isEqualTo(new PriceBand(new BigDecimal("1.3"),
                    new BigDecimal("0.7"), new BigDecimal("1.3"), new BigDecimal("0.7"), 1));
        }

        @Test
        void the_published_weight_limit_replaces_the_configured_one() {
            fake.weightLimit(1200).symbol("BTC", "USDT", "TRADING", "0.01", "0.00001", "5");
            binance.symbols().get();
            assertThat(api.limiter().limit(BinanceLimits.REQUEST_WEIGHT)).isEqualTo(1200);
        }
    }

    @Nested
    class Klines {
        @Test
        void paging_through_a_range_returns_every_closed_candle_once_in_order_and_never_the_open_one() {
            long now = currentMinute();
            CandleSeries series = fake.klines("BTCUSDT", Timeframe.M1).randomWalk(now - 2500 * 60_000L, 2500, 7);
            VenueCandle open = CandleSeries.walk(Timeframe.M1, now, 1, 8).getFirst();
            series.open(open);
            java.util.List<VenueCandle> seen = new ArrayList<>();
            long from = now - 3000 * 60_000L;
            long to = now + 60_000;
            int pages = 0;
            while (true) {
                List<VenueCandle> page = binance.candles(BTC_USDT, Timeframe.M1, from, to, 1000).get();
                if (page.isEmpty()) {
                    break;
                }
                pages++;
                seen.addAll(page.asJava());
                from = page.last().openTime() + 60_000;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(2500);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).openTime() - seen.get(i - 1).openTime()).isEqualTo(60_000);
            }
            assertThat(seen.getLast().openTime()).isEqualTo(now - 60_000);
            assertThat(seen).extracting(VenueCandle::openTime).doesNotContain(open.openTime());
            VenueCandle expected = series.closedCandles().get(1234);
            VenueCandle got = seen.get(1234);
            assertThat(got.openTime()).isEqualTo(expected.openTime());
            assertThat(got.close()).isEqualByComparingTo(expected.close());
            assertThat(got.volume()).isEqualByComparingTo(expected.volume());
        }

        @Test
        void a_page_holding_only_the_open_candle_is_empty_and_the_range_end_is_exclusive() {
            long now = currentMinute();
            CandleSeries series = fake.klines("BTCUSDT", Timeframe.M1).randomWalk(now - 10 * 60_000L, 10, 3);
            series.open(CandleSeries.walk(Timeframe.M1, now, 1, 4).getFirst());
            assertThat(binance.candles(BTC_USDT, Timeframe.M1, now, now + 60_000, 1000).get()).isEmpty();
            List<VenueCandle> two = binance.candles(BTC_USDT, Timeframe.M1, now - 10 * 60_000L, now - 8 * 60_000L, 1000)
                    .get();
            assertThat(two.map(VenueCandle::openTime)).containsExactly(now - 10 * 60_000L, now - 9 * 60_000L);
        }

        @Test
        void an_unknown_symbol_is_the_venues_rejection() {
            InstrumentId unknown = new InstrumentId(BinanceApi.VENUE, new Asset("NOPE"), new Asset("USDT"));
            VenueFailure failure = binance.candles(unknown, Timeframe.M1, 0, 60_000, 10).getLeft();
            assertThat(failure).isEqualTo(new VenueFailure.Rejected(400, "-1121", "Invalid symbol."));
        }
    }

    @Nested
    class Rate_limits {
        static final Instant MINUTE_START = Instant.parse("2026-12-01T12:00:00Z");

        /** Sets the fake's clock a second into a minute, so a test cannot straddle its weight minutes. */
        Instant alignFakeMinute() {
            Instant real = Instant.now();
            Instant fakeNow = Instant.ofEpochMilli(Timeframe.M1.floor(real.toEpochMilli()) + 61_000);
            fake.clockOffset(Duration.between(real, fakeNow));
            return fakeNow;
        }

        @Test
        void a_spent_budget_answers_rate_limited_without_sending_until_the_next_minute() {
            binance.close();
            api.close();
            api = api(BinanceConfig.production().withWeightPerMinute(10));
            binance = new BinanceMarketData(api);
            clock.set(MINUTE_START.plusSeconds(20));
            fake.klines("BTCUSDT", Timeframe.M1).randomWalk(0, 5, 1);
            for (int i = 0; i < 5; i++) {
                assertThat(binance.candles(BTC_USDT, Timeframe.M1, 0, 300_000, 5).isRight()).isTrue();
            }
            Either<VenueFailure, List<VenueCandle>> refused = binance.candles(BTC_USDT, Timeframe.M1, 0, 300_000, 5);
            assertThat(refused.getLeft()).isEqualTo(new VenueFailure.RateLimited(Duration.ofSeconds(40), false));
            assertThat(fake.count("/api/v3/klines")).isEqualTo(5);
            clock.set(MINUTE_START.plusSeconds(60));
            assertThat(binance.candles(BTC_USDT, Timeframe.M1, 0, 300_000, 5).isRight()).isTrue();
            assertThat(fake.count("/api/v3/klines")).isEqualTo(6);
        }

        @Test
        void a_429_with_retry_after_holds_every_following_call_back_until_the_time_has_passed() {
            clock.set(MINUTE_START);
            fake.refuseNext(1, 429, 7);
            VenueFailure first = binance.candles(BTC_USDT, Timeframe.M1, 0, 60_000, 5).getLeft();
            assertThat(first).isEqualTo(new VenueFailure.RateLimited(Duration.ofSeconds(7), false));
            clock.set(MINUTE_START.plusSeconds(3));
            assertThat(binance.serverTime().getLeft())
                    .isEqualTo(new VenueFailure.RateLimited(Duration.ofSeconds(4), false));
            assertThat(fake.requests()).hasSize(1);
            clock.set(MINUTE_START.plusSeconds(7));
            assertThat(binance.serverTime().isRight()).isTrue();
            assertThat(fake.requests()).hasSize(2);
        }

        @Test
        void a_418_ban_is_reported_as_banned() {
            clock.set(MINUTE_START);
            fake.refuseNext(1, 418, 120);
            assertThat(binance.serverTime().getLeft()).isEqualTo(new VenueFailure.RateLimited(Duration.ofMinutes(2), true));
            clock.set(MINUTE_START.plusSeconds(60));
            assertThat(binance.serverTime().getLeft()).isEqualTo(new VenueFailure.RateLimited(Duration.ofMinutes(1), true));
            assertThat(fake.requests()).hasSize(1);
        }

        @Test
        void the_venues_own_429_over_its_weight_limit_closes_the_gate_for_its_retry_after() {
            alignFakeMinute();
            fake.weightLimit(4).klines("BTCUSDT", Timeframe.M1).randomWalk(0, 5, 1);
            assertThat(binance.candles(BTC_USDT, Timeframe.M1, 0, 300_000, 5).isRight()).isTrue();
            assertThat(binance.candles(BTC_USDT, Timeframe.M1, 0, 300_000, 5).isRight()).isTrue();
            VenueFailure.RateLimited limited = (VenueFailure.RateLimited) binance.candles(BTC_USDT, Timeframe.M1, 0,
                    300_000, 5).getLeft();
            assertThat(limited.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
            assertThat(binance.candles(BTC_USDT, Timeframe.M1, 0, 300_000, 5).isLeft()).isTrue();
            assertThat(fake.count("/api/v3/klines")).isEqualTo(3);
        }

        @Test
        void the_used_weight_header_counts_what_other_clients_on_the_address_spent() {
            Instant fakeNow = alignFakeMinute();
            clock.set(fakeNow);
            fake.spendWeight(5_990);
            assertThat(binance.serverTime().isRight()).isTrue();
            assertThat(api.limiter().used(BinanceLimits.REQUEST_WEIGHT, fakeNow)).isEqualTo(5_991);
            VenueFailure.RateLimited limited = (VenueFailure.RateLimited) binance.symbols().getLeft();
            assertThat(limited.banned()).isFalse();
            assertThat(fake.count("/api/v3/exchangeInfo")).isZero();
        }
    }
}
