package io.cryptobot.exchange.adapter.out.venue.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.adapter.out.venue.StreamSettings;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeOkx;
import io.cryptobot.exchange.fakevenue.StreamEvents;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OkxCandleStreamTest {
    static final InstrumentId BTC_USDT = new InstrumentId(OkxApi.VENUE, new Asset("BTC"), new Asset("USDT"));
    static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeOkx fake = FakeOkx.start();
    private final CandleSeries series = fake.candles("BTC-USDT", Timeframe.M1);
    private final List<VenueCandle> candles = CandleSeries.walk(Timeframe.M1, 0, 5, 29);
    private OkxApi api;
    private OkxMarketData okx;

    void connect(Duration keepAlive, Duration idle) {
        api = new OkxApi(OkxConfig.production().withUrls(fake.restUrl(), fake.wsUrl()).withStreams(new StreamSettings(
                Duration.ofMillis(50), Duration.ofMillis(400), idle, Duration.ofHours(1), keepAlive)), Instant::now);
        okx = new OkxMarketData(api);
    }

    @AfterEach
    void stop() {
        okx.close();
        api.close();
        fake.close();
    }

    @Test
    void the_subscription_confirms_the_connection_and_only_confirmed_candles_pass_across_reconnections() {
        // a drop without a close frame is not always reported by the transport: the unanswered ping is
        connect(Duration.ofMillis(200), Duration.ofSeconds(1));
        StreamEvents events = new StreamEvents();
        okx.stream(BTC_USDT, Timeframe.M1, events);
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
        assertThat(events.candles()).extracting(VenueCandle::openTime).containsExactly(0L, 60_000L);
        assertThat(events.candles().get(1).high()).isEqualByComparingTo(candles.get(1).high());
    }

    @Test
    void a_quiet_market_is_kept_connected_by_pinging_before_the_venue_cuts_silent_connections() {
        fake.silenceLimit(Duration.ofMillis(600));
        connect(Duration.ofMillis(150), Duration.ofSeconds(5));
        StreamEvents events = new StreamEvents();
        okx.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        Eventually.until(WAIT, "a ping", () -> fake.pingedStreams() == 1);
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(events.count("disconnected")).isZero();
        assertThat(fake.streamConnections()).isEqualTo(1);
    }

    @Test
    void without_pings_the_venue_cuts_the_connection_and_the_stream_comes_back() {
        fake.silenceLimit(Duration.ofMillis(300));
        connect(Duration.ofSeconds(20), Duration.ofSeconds(40));
        StreamEvents events = new StreamEvents();
        okx.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        assertThat(events.await("disconnected", WAIT)).contains("4004");
        events.await("connected", WAIT);
    }

    @Test
    void a_service_upgrade_notice_reconnects_at_once() {
        connect(Duration.ofSeconds(20), Duration.ofSeconds(40));
        StreamEvents events = new StreamEvents();
        okx.stream(BTC_USDT, Timeframe.M1, events);
        events.await("connected", WAIT);
        series.awaitWatchers(1);
        fake.announceUpgrade();
        assertThat(events.await("disconnected", WAIT)).contains("service upgrade");
        events.await("connected", WAIT);
    }
}
