package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import io.cryptobot.marketdata.application.port.in.LiveFeedStatusQuery;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A live 1m feed over the fake Binance's kline stream, through the real adapter (WebSocket and REST), with the
 * stream cut at seeded random points: the subscriber must get exactly the venue's series, every candle once, in
 * order. Each new connection misses the candles that close in its first 50 ms (the venue registers a subscription a
 * moment after the handshake), so gaps open inside a connection as well as between two.
 *
 * <p>The venue's clock runs fast here (a minute per candle) so a test can close a few dozen 1m candles in seconds:
 * before closing a candle the test sets the fake's clock just past its close, and has the adapter read the venue's
 * clock again, which against a real venue (whose clock runs with ours) gives the adapter the same offset it already
 * holds. The candle still building is served by REST with its final values until the stream closes it, so the fake's
 * REST history and its clock agree at every moment, as a venue's do.
 */
@QuarkusTest
class VenueLiveFeedTest {
    static final long MINUTE = 60_000;
    static final int CANDLES = 60;
    private final TestUser trader = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();

    @Inject
    SubscribeLiveCandlesUseCase live;

    @Inject
    LiveFeedStatusQuery feeds;

    @Inject
    @Any
    Instance<VenueMarketData> venues;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 23, 47, 101})
    void every_closed_candle_reaches_the_subscriber_once_and_in_order_across_disconnections_at_random_points(
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String base = DownloadApiTest.newBase();
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        InstrumentId id = define(base);
        CandleSeries series = binance.klines(base + "USDT", Timeframe.M1);
        long first = Timeframe.M1.floor(System.currentTimeMillis()) + 86_400_000L;
        List<VenueCandle> walk = CandleSeries.walk(Timeframe.M1, first - 10 * MINUTE, 10 + CANDLES, seed);
        series.history(walk.subList(0, 10));
        List<VenueCandle> streamed = walk.subList(10, walk.size());
        Recorder subscriber = new Recorder();
        List<String> cuts = new ArrayList<>();
        series.open(streamed.getFirst());
        venueClockAt(first + 5);
        // each new connection misses what closes in its first 50 ms: gaps inside a connection, not only between two
        binance.pushDelay(Duration.ofMillis(50));
        LiveSubscription subscription = live.subscribe(LiveCandleRequest.fromNow(id, Timeframe.M1), subscriber)
                .get();
        try {
            series.awaitWatchers(1);
            int forced = random.nextInt(3, CANDLES - 5);
            for (int i = 0; i < CANDLES; i++) {
                VenueCandle candle = streamed.get(i);
                if (i == CANDLES - 1) {
                    // the last candle has no successor to reveal it missing: it is closed on a listened stream
                    awaitListened(id, series);
                }
                venueClockAt(Timeframe.M1.next(candle.openTime()) + 5);
                series.close(candle);
                if (i + 1 < CANDLES) {
                    series.open(streamed.get(i + 1));
                }
                if (i >= 2 && i < CANDLES - 2 && (i == forced || random.nextInt(10) == 0)) {
                    cuts.add(cut(random.nextInt(4)));
                }
                VenueFixtures.sleep(random.nextInt(5, 40));
            }
            long last = streamed.getLast().openTime();
            Eventually.until(Duration.ofSeconds(20), "the last candle delivered",
                    () -> subscriber.openTimes().contains(last));

            List<LiveCandle> got = subscriber.candles();
            assertThat(got).extracting(LiveCandle::openTime).as("cuts %s", cuts)
                    .containsExactlyElementsOf(streamed.stream().map(VenueCandle::openTime).toList());
            for (int i = 0; i < CANDLES; i++) {
                VenueCandle expected = streamed.get(i);
                LiveCandle candle = got.get(i);
                assertThat(candle.candle().open().toBigDecimal()).isEqualByComparingTo(expected.open());
                assertThat(candle.candle().high().toBigDecimal()).isEqualByComparingTo(expected.high());
                assertThat(candle.candle().low().toBigDecimal()).isEqualByComparingTo(expected.low());
                assertThat(candle.candle().close().toBigDecimal()).isEqualByComparingTo(expected.close());
                assertThat(candle.candle().volume().toBigDecimal()).isEqualByComparingTo(expected.volume());
            }
            assertThat(got).extracting(LiveCandle::source).as("cuts %s: some candles fetched to fill a gap", cuts)
                    .contains(LiveCandle.Source.BACKFILL);
            assertThat(feeds.status(id, Timeframe.M1).get().reconnections()).isGreaterThanOrEqualTo(1);
        } finally {
            subscription.close();
            binance.pushDelay(Duration.ZERO);
            binance.refuseStreams(0);
            binance.clockOffset(Duration.ZERO);
            binanceAdapter().serverTime();
        }
    }

    /** Cuts the stream one of the ways a venue does; says which, for the failure message. */
    private String cut(int how) {
        switch (how) {
            case 0 -> binance.dropStreams();
            case 1 -> binance.closeStreams();
            case 2 -> binance.announceShutdown();
            default -> {
                binance.refuseStreams(2);
                binance.closeStreams();
            }
        }
        return List.of("tcp cut", "close frame", "serverShutdown", "close, then 2 handshakes refused").get(how);
    }

    /** The fake's clock set to {@code epochMillis}, and the adapter's reading of it refreshed. */
    private void venueClockAt(long epochMillis) {
        binance.clockOffset(Duration.ofMillis(epochMillis - System.currentTimeMillis()));
        assertThat(binanceAdapter().serverTime().isRight()).isTrue();
    }

    private VenueMarketData binanceAdapter() {
        return venues.stream().filter(v -> v.venue().code().equals("BINANCE")).findFirst().orElseThrow();
    }

    /** The feed is connected and the venue has registered its stream (a push now reaches it). */
    private void awaitListened(InstrumentId id, CandleSeries series) {
        Eventually.until(Duration.ofSeconds(15), "the stream connected and listened to", () -> series.watchers() == 1
                && feeds.status(id, Timeframe.M1).exists(FeedStatus::connected));
    }

    private InstrumentId define(String base) {
        return defineOnBinance(trader, base);
    }

    /** Defines {@code base}/USDT on BINANCE (tick 0.01, step 0.001) as {@code trader}. */
    static InstrumentId defineOnBinance(TestUser trader, String base) {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "BINANCE", "base", base, "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.001"))
                .post("/api/marketdata/instruments").then().statusCode(201);
        return InstrumentId.parse("BINANCE:" + base + "/USDT").get();
    }

    /** Records what the feed passes on (called on the feed's thread, one call at a time). */
    static final class Recorder implements LiveCandleSubscriber {
        private final List<LiveCandle> candles = new ArrayList<>();

        @Override
        public synchronized void onCandle(LiveCandle candle) {
            candles.add(candle);
        }

        synchronized List<LiveCandle> candles() {
            return List.copyOf(candles);
        }

        synchronized List<Long> openTimes() {
            return candles.stream().map(LiveCandle::openTime).toList();
        }
    }
}
