package io.cryptobot.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.marketdata.VenueLiveFeedTest.Recorder;
import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.marketdata.domain.live.CandleFit;
import io.quarkus.test.junit.QuarkusTest;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A subscriber asking from a candle the shared store lacks (a bot rebuilt after the process was killed before the
 * candle was written), against the fake Binance through the real adapter: it gets the venue's series from there, in
 * order and once, the missing range fetched from the venue's klines and stored.
 */
@QuarkusTest
class LiveFeedCatchUpTest {
    static final long MINUTE = 60_000;
    private final TestUser trader = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();

    @Inject
    SubscribeLiveCandlesUseCase live;

    @Inject
    SaveCandlesPort store;

    @Inject
    LoadCandlesPort stored;

    @Inject
    LoadInstrumentPort instruments;

    @Test
    void a_subscriber_from_a_candle_the_store_lacks_gets_it_fetched_from_the_venue_stored_and_in_order() {
        String base = DownloadApiTest.newBase();
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        InstrumentId id = VenueLiveFeedTest.defineOnBinance(trader, base);
        Instrument instrument = instruments.load(id).get();
        long first = Timeframe.M1.floor(System.currentTimeMillis()) - 30 * MINUTE;
        List<VenueCandle> walk = CandleSeries.walk(Timeframe.M1, first, 30, 7);
        binance.klines(base + "USDT", Timeframe.M1).history(walk);
        // minutes 0-9 and 15-19 stored; 10-14 never were (the process ended before writing them)
        List<VenueCandle> kept = new ArrayList<>(walk.subList(0, 10));
        kept.addAll(walk.subList(15, 20));
        CandleBatch batch = new CandleBatch(instrument.priceScale(), instrument.quantityScale(), kept.size());
        kept.forEach(c -> batch.accept(CandleFit.fit(instrument, c).get()));
        store.insertAll(instrument, Timeframe.M1, consumer -> consumer.accept(batch), (offered, inserted) -> { });

        Recorder subscriber = new Recorder();
        long from = first + 5 * MINUTE;
        LiveSubscription subscription = live.subscribe(new LiveCandleRequest(id, Timeframe.M1, Option.some(from)),
                subscriber).get();
        try {
            long last = walk.getLast().openTime();
            Eventually.until(Duration.ofSeconds(20), "the candles up to the feed's latest",
                    () -> subscriber.openTimes().contains(last));
            assertThat(subscriber.openTimes()).isEqualTo(walk.subList(5, 30).stream().map(VenueCandle::openTime)
                    .toList());
            List<LiveCandle> got = subscriber.candles();
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).candle()).isEqualTo(CandleFit.fit(instrument, walk.get(5 + i)).get());
                assertThat(got.get(i).source()).isEqualTo(LiveCandle.Source.HISTORY);
            }
            Eventually.until(Duration.ofSeconds(10), "the fetched range stored as shared data", () -> stored.load(
                    CandleView.shared(), instrument, Timeframe.M1, new TimeRange(first, first + 30 * MINUTE), 100)
                    .size() == 30);
        } finally {
            subscription.close();
        }
    }
}
