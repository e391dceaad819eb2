package io.cryptobot.marketdata.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import io.cryptobot.marketdata.application.port.in.OpeningRefused;
import io.cryptobot.marketdata.application.port.in.SyncVenueInstrumentsUseCase.VenueSync;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.VenueListing;
import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncVenueInstrumentsServiceTest {
    private final InMemoryMarketStore store = new InMemoryMarketStore();
    private final List<InstrumentStatusChanged> events = new ArrayList<>();
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private final ScriptedVenue venue = new ScriptedVenue("SCRIPTED", Set.of(Timeframe.M1), 1000);
    private final ScriptedVenue quiet = new ScriptedVenue("QUIET", Set.of(Timeframe.M1), 1000);
    private final InstrumentId btc = InstrumentId.parse("SCRIPTED:BTC/USDT").get();
    private final InstrumentId eth = InstrumentId.parse("SCRIPTED:ETH/USDT").get();
    private final SyncVenueInstrumentsService service = new SyncVenueInstrumentsService(
            StartDownloadServiceTest.venues(venue, quiet), store.instruments,
            new VenueInstrumentSync(store.instruments, store.listings, store.listings, events::add, UUID::randomUUID,
                    () -> now));
    private final MayOpenPositionService mayOpen = new MayOpenPositionService(store.instruments, store.listings);

    SyncVenueInstrumentsServiceTest() {
        store.instruments.insertIfAbsent(Instrument.define("SCRIPTED", "BTC", "USDT", "0.01", "0.00001").get());
        store.instruments.insertIfAbsent(Instrument.define("SCRIPTED", "ETH", "USDT", "0.01", "0.00001").get());
    }

    @Test
    void rules_and_status_are_stored_and_a_first_trading_status_is_no_event() {
        venue.lists(symbol(btc, "0.01", Status.TRADING), symbol(eth, "0.01", Status.TRADING));

        List<VenueSync> rounds = service.syncAll();

        assertThat(rounds).containsExactly(new VenueSync(venue.venue(), 2, 0, Option.none()));
        VenueListing listing = store.listings.load(btc).get();
        assertThat(listing.status()).isEqualTo(Status.TRADING);
        assertThat(listing.rules().get().venueSymbol()).isEqualTo("BTCUSDT");
        assertThat(listing.rules().get().minNotional()).contains(new BigDecimal("5"));
        assertThat(events).isEmpty();
        assertThat(quiet.symbolCalls()).as("a venue without catalog instruments is not asked").isZero();
    }

    @Test
    void a_halt_is_published_and_stops_new_positions_until_the_venue_trades_it_again() {
        venue.lists(symbol(btc, "0.01", Status.TRADING), symbol(eth, "0.01", Status.TRADING));
        service.syncAll();
        assertThat(mayOpen.mayOpen(btc).isRight()).isTrue();

        now = now.plus(Duration.ofHours(1));
        venue.lists(symbol(btc, "0.01", Status.HALTED), symbol(eth, "0.01", Status.TRADING));
        service.syncAll();

        assertThat(events).hasSize(1);
        assertThat(events.getFirst().instrument()).isEqualTo(btc);
        assertThat(events.getFirst().previous()).isEqualTo(Status.TRADING);
        assertThat(events.getFirst().status()).isEqualTo(Status.HALTED);
        assertThat(events.getFirst().reason()).isEqualTo("the venue reports it halted");
        OpeningRefused refused = mayOpen.mayOpen(btc).getLeft();
        assertThat(refused.code()).isEqualTo("marketdata.instrument.halted");
        assertThat(refused.reason()).isEqualTo("SCRIPTED:BTC/USDT is halted on the venue since 2024-01-01T01:00:00Z; "
                + "no new positions until it trades");
        assertThat(mayOpen.mayOpen(eth).isRight()).isTrue();

        venue.lists(symbol(btc, "0.01", Status.TRADING), symbol(eth, "0.01", Status.TRADING));
        service.syncAll();

        assertThat(events).hasSize(2);
        assertThat(mayOpen.mayOpen(btc)).contains(btc);
    }

    @Test
    void a_pair_the_venue_stops_listing_is_delisted() {
        venue.lists(symbol(btc, "0.01", Status.TRADING), symbol(eth, "0.01", Status.TRADING));
        service.syncAll();

        venue.lists(symbol(btc, "0.01", Status.TRADING));
        VenueSync round = service.syncAll().getFirst();

        assertThat(round.statusChanges()).isEqualTo(1);
        VenueListing gone = store.listings.load(eth).get();
        assertThat(gone.status()).isEqualTo(Status.DELISTED);
        assertThat(gone.listed()).isFalse();
        assertThat(events.getFirst().reason()).isEqualTo("the venue no longer lists it");
        assertThat(mayOpen.mayOpen(eth).getLeft().code()).isEqualTo("marketdata.instrument.delisted");
    }

    @Test
    void a_venue_that_does_not_answer_leaves_the_last_known_status() {
        venue.lists(symbol(btc, "0.01", Status.HALTED), symbol(eth, "0.01", Status.TRADING));
        service.syncAll();
        venue.failSymbols(new VenueFailure.Unavailable("connection refused"));

        VenueSync round = service.syncAll().getFirst();

        assertThat(round.failure()).contains("venue unavailable: connection refused");
        assertThat(store.listings.load(btc).get().status()).isEqualTo(Status.HALTED);
    }

    @Test
    void a_venue_tick_finer_than_the_instruments_is_kept_beside_it_and_reported() {
        venue.lists(symbol(btc, "0.001", Status.TRADING), symbol(eth, "0.01", Status.TRADING));

        service.syncAll();

        Instrument instrument = store.instruments.load(btc).get();
        assertThat(instrument.tickSize().toBigDecimal()).as("the instrument's tick never changes")
                .isEqualByComparingTo("0.01");
        assertThat(store.listings.load(btc).get().mismatch(instrument).isDefined()).isTrue();
        assertThat(store.listings.load(eth).get().mismatch(store.instruments.load(eth).get())).isEmpty();
    }

    @Test
    void unknown_instruments_may_not_be_opened_and_never_synced_ones_may() {
        assertThat(mayOpen.mayOpen(InstrumentId.parse("SCRIPTED:XRP/USDT").get()).getLeft().code())
                .isEqualTo("marketdata.instrument.not_found");
        assertThat(mayOpen.mayOpen(btc)).contains(btc);
    }

    private static VenueSymbol symbol(InstrumentId id, String tick, Status status) {
        return new VenueSymbol(id, id.base().code() + id.quote().code(), new BigDecimal(tick),
                new BigDecimal("0.00001"), Option.some(new BigDecimal("5")), status);
    }
}
