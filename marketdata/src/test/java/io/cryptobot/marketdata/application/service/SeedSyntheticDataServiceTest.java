package io.cryptobot.marketdata.application.service;

import static io.cryptobot.marketdata.application.service.LiveFeedFakes.M;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase.SeedResult;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.SaveInstrumentPort;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.ScriptedVenue;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.Store;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.TestClock;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.live.CandleFit;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedSyntheticDataServiceTest {
    static final long DAY_MINUTES = 1440;
    /** 2026-03-01T00:00:00Z in minutes. */
    static final long START = 1_772_323_200_000L / M;
    private final TestClock clock = new TestClock((START + 31 * DAY_MINUTES) * M + 30_000);
    private final ScriptedVenue sim = new ScriptedVenue(clock, new Random(1));
    private final Store store = new Store();
    private final Catalog catalog = new Catalog();
    private final SeedSyntheticDataService service = new SeedSyntheticDataService(catalog, catalog, store, store,
            sim, clock);

    SeedSyntheticDataServiceTest() {
        sim.code = new Venue("SIM");
        sim.pageSize = 1000;
        sim.symbols.add(new VenueSymbol(InstrumentId.parse("SIM:BTC/USDT").get(), "BTCUSDT",
                new BigDecimal("0.01"), new BigDecimal("0.00001"), Option.some(BigDecimal.TEN),
                VenueSymbol.Status.TRADING));
        sim.withSeries(START, (int) (32 * DAY_MINUTES), 0);
    }

    @Test
    void the_instruments_get_the_venues_rules_and_thirty_days_of_its_candles_up_to_the_last_closed_minute() {
        List<SeedResult> results = service.seed();
        assertThat(results).hasSize(1);
        SeedResult btc = results.head();
        assertThat(btc.instrumentCreated()).isTrue();
        assertThat(btc.candlesInserted()).isEqualTo(30 * DAY_MINUTES);
        Instrument defined = catalog.instruments.get(btc.instrument());
        assertThat(defined.tickSize().toBigDecimal()).isEqualByComparingTo("0.01");
        assertThat(defined.stepSize().toBigDecimal()).isEqualByComparingTo("0.00001");
        long end = START + 31 * DAY_MINUTES;
        assertThat(store.candles.firstKey()).isEqualTo((end - 30 * DAY_MINUTES) * M);
        assertThat(store.candles.lastKey()).isEqualTo((end - 1) * M);
        assertThat(store.candles.get((end - 5) * M)).isEqualTo(CandleFit.fit(defined, sim.series.get((end - 5) * M))
                .get());

        clock.set(clock.millis() + 10 * M);
        SeedResult again = service.seed().head();
        assertThat(again.instrumentCreated()).isFalse();
        assertThat(again.candlesInserted()).as("only what closed since").isEqualTo(10);
        assertThat(again.candlesAlreadyPresent()).isZero();
    }

    @Test
    void candles_an_earlier_demo_generator_stored_are_recognised_and_left_alone() {
        Instrument btc = Instrument.define("SIM", "BTC", "USDT", "0.01", "0.00001").get();
        catalog.insertIfAbsent(btc);
        long open = (START + 30 * DAY_MINUTES) * M;
        Price p = new Price(6_000_000, 2);
        store.candles.put(open, new io.cryptobot.kernel.domain.Candle(open, p, p, p, p, new Quantity(1, 5)));
        SeedResult result = service.seed().head();
        assertThat(result.earlierSeries()).isTrue();
        assertThat(result.candlesInserted()).isZero();
        assertThat(store.candles).hasSize(1);
    }

    @Test
    void without_the_sim_venue_there_is_nothing_to_seed() {
        sim.code = new Venue("OTHER");
        assertThat(service.seed()).isEmpty();
        assertThat(catalog.instruments).isEmpty();
    }

    static final class Catalog implements LoadInstrumentPort, SaveInstrumentPort {
        final Map<InstrumentId, Instrument> instruments = new HashMap<>();

        @Override
        public Option<Instrument> load(InstrumentId id) {
            return Option.of(instruments.get(id));
        }

        @Override
        public Page<Instrument> list(PageRequest page) {
            throw new UnsupportedOperationException("not used by the seed");
        }

        @Override
        public java.util.List<Instrument> ofVenue(io.cryptobot.kernel.domain.Venue venue) {
            return instruments.values().stream().filter(i -> i.id().venue().equals(venue)).toList();
        }

        @Override
        public boolean insertIfAbsent(Instrument instrument) {
            return instruments.putIfAbsent(instrument.id(), instrument) == null;
        }
    }
}
