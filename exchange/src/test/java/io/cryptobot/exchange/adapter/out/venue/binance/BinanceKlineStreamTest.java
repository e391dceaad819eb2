package io.cryptobot.exchange.adapter.out.venue.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.adapter.out.venue.StreamSettings;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.StreamEvents;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceKlineStreamTest {
    static final InstrumentId BTC_USDT = new InstrumentId(BinanceApi.VENUE, new Asset("BTC"), new Asset("USDT"));
    static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeBinance fake = FakeBinance.start();
    private final List<VenueCandle> candles = CandleSeries.walk(Timeframe.M1, 0, 10, 5);
    private final CandleSeries series = fake.klines("BTCUSDT", Timeframe.M1);
    private BinanceApi api;
    private BinanceMarketData binance;

    void connect(StreamSettings settings) {
        api = new BinanceApi(BinanceConfig.production().withUrls(fake.restUrl(), fake.wsUrl()).withStreams(settings),
                Instant::now);
        binance = new BinanceMarketData(api);
    }

    static StreamSettings settings(Duration idle, Duration maxAge) {
        return new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(400), idle, maxAge, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (binance != null) {
            binance.close();
            api.close();
        }
        fake.close();
    }

    @Test
    void only_closed_klines_reach_the_listener_and_a_dropped_connection_is_reconnected_and_reported() {
        // a drop without a close frame is not always reported by the transport: the silence after it is
        fake.pings(Duration.ofMillis(100), Duration.ofMinutes(1));
        connect(settings(Duration.ofSeconds(1), Duration.ofHours(1)));
        StreamEvents events = new StreamEvents();
        VenueMarketData.CandleStream stream = binance.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        series.awaitWatchers(1);
        series.update(candles.get(0));
        series.close(candles.get(0));
        assertThat(events.await("candle", WAIT)).isEqualTo("candle 0");

        fake.dropStreams();
        events.await("disconnected", WAIT);
        events.await("connected", WAIT);
        series.awaitWatchers(1);
        series.close(candles.get(1));
        assertThat(events.await("candle", WAIT)).isEqualTo("candle 60000");

        fake.closeStreams();
        assertThat(events.await("disconnected", WAIT)).contains("1001");
        events.await("connected", WAIT);
        series.awaitWatchers(1);
        series.close(candles.get(2));
        events.await("candle", WAIT);

        assertThat(events.candles()).extracting(VenueCandle::openTime).containsExactly(0L, 60_000L, 120_000L);
        assertThat(events.candles().get(1).close()).isEqualByComparingTo(candles.get(1).close());
        assertThat(events.all()).filteredOn(e -> e.startsWith("connected")).hasSize(3);
        assertThat(fake.streamConnections()).isEqualTo(3);

        stream.close();
        Eventually.until(WAIT, "the stream closed", () -> fake.openStreams() == 0);
        series.close(candles.get(3));
        assertThat(events.candles()).hasSize(3);
    }

    @Test
    void refused_handshakes_are_retried_with_backoff_until_one_succeeds() {
        connect(settings(Duration.ofSeconds(30), Duration.ofHours(1)));
        fake.refuseStreams(3);
        StreamEvents events = new StreamEvents();
        long started = System.nanoTime();
        binance.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        // three failures wait about 50 + 100 + 200 ms (±20 %) before the fourth attempt
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(250));
        series.awaitWatchers(1);
        assertThat(fake.streamConnections()).isEqualTo(1);
        assertThat(events.count("disconnected")).isZero();
    }

    @Test
    void pings_are_answered_with_their_payload_so_the_venue_keeps_the_connection() {
        fake.pings(Duration.ofMillis(100), Duration.ofMillis(600));
        connect(settings(Duration.ofSeconds(30), Duration.ofHours(1)));
        StreamEvents events = new StreamEvents();
        binance.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        Eventually.until(WAIT, "ten pongs", () -> fake.pongs().size() >= 10);
        assertThat(fake.pongs()).allMatch(payload -> payload.startsWith("ping-"));
        assertThat(fake.streamConnections()).isEqualTo(1);
        assertThat(events.count("disconnected")).isZero();
    }

    @Test
    void a_silent_connection_is_replaced() {
        connect(settings(Duration.ofMillis(300), Duration.ofHours(1)));
        StreamEvents events = new StreamEvents();
        binance.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        assertThat(events.await("disconnected", WAIT)).contains("silent for");
        events.await("connected", WAIT);
        series.awaitWatchers(1);
        series.close(candles.get(0));
        events.await("candle", WAIT);
    }

    @Test
    void a_connection_is_replaced_before_it_reaches_the_venues_maximum_age() {
        connect(settings(Duration.ofSeconds(30), Duration.ofMillis(400)));
        StreamEvents events = new StreamEvents();
        binance.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        assertThat(events.await("disconnected", WAIT)).contains("older than");
        events.await("connected", WAIT);
        Eventually.until(WAIT, "a second connection", () -> fake.streamConnections() >= 2);
    }

    @Test
    void a_server_shutdown_notice_reconnects_at_once() {
        connect(settings(Duration.ofSeconds(30), Duration.ofHours(1)));
        StreamEvents events = new StreamEvents();
        binance.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        series.awaitWatchers(1);
        fake.announceShutdown();
        assertThat(events.await("disconnected", WAIT)).contains("shutdown");
        events.await("connected", WAIT);
        series.awaitWatchers(1);
        series.close(candles.get(0));
        events.await("candle", WAIT);
    }

    @Test
    void a_stream_started_after_the_adapter_shut_its_scheduler_down_is_dropped_quietly() throws Exception {
        // the application stopping: the adapter closed (its streams' scheduler shut down) while a caller still starts
        BinanceApi stopped = new BinanceApi(BinanceConfig.production().withUrls(fake.restUrl(), fake.wsUrl())
                .withStreams(settings(Duration.ofSeconds(1), Duration.ofHours(1))), Instant::now);
        stopped.close();
        StreamEvents events = new StreamEvents();
        BinanceKlineStream stream = new BinanceKlineStream(stopped,
                java.net.URI.create(fake.wsUrl() + "/ws/btcusdt@kline_1m"), "BTCUSDT", Timeframe.M1, events);

        org.assertj.core.api.Assertions.assertThatCode(stream::start).doesNotThrowAnyException();
        Thread.sleep(200);
        stream.close();

        assertThat(events.all()).isEmpty();
        assertThat(fake.streamConnections()).isZero();
    }
}
