package io.cryptobot.marketdata.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import io.cryptobot.marketdata.application.port.in.DownloadAdmission;
import io.cryptobot.marketdata.application.port.in.StartDownloadCommand;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadPolicy;
import io.cryptobot.marketdata.domain.DownloadRequest;
import io.cryptobot.marketdata.domain.DownloadStatus;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StartDownloadServiceTest {
    private static final long HOUR = 3_600_000;
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private final Instant now = Instant.parse("2024-01-03T00:00:00Z");
    private final InMemoryMarketStore store = new InMemoryMarketStore();
    private final InstrumentId btc = InstrumentId.parse("SCRIPTED:BTC/USDT").get();
    private final InstrumentId eth = InstrumentId.parse("SCRIPTED:ETH/USDT").get();
    private final UserId alice = new UserId(UUID.randomUUID());
    private final UserId bob = new UserId(UUID.randomUUID());
    private final ScriptedVenue venue = new ScriptedVenue("SCRIPTED", Set.of(Timeframe.M1, Timeframe.H1), 1000)
            .clock(() -> now).lists(symbol(btc, "0.01", "0.00001"), symbol(eth, "0.01", "0.0001"));
    private final List<Runnable> queued = new ArrayList<>();
    private final DownloadJobRunner runner = new DownloadJobRunner(store.jobs, store.jobs, store.candles, d -> { },
            new DownloadPolicy(2, 3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(1)),
            () -> now);
    private final VenueInstrumentSync sync = new VenueInstrumentSync(store.instruments, store.listings,
            store.listings, changed -> { }, UUID::randomUUID, () -> now);
    private final StartDownloadService service = new StartDownloadService(venues(venue), store.instruments,
            store.instruments, store.listings, sync, new FindCandleGapsService(store.instruments, store.candles),
            store.jobs, store.jobs, new DownloadWorkers((owner, task) -> queued.add(task), runner),
            new DownloadPolicy(2, 3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(1)), () -> now);

    StartDownloadServiceTest() {
        venue.walk(btc, START, 24 * 60, 3);
        store.instruments.insertIfAbsent(Instrument.define("SCRIPTED", "BTC", "USDT", "0.01", "0.00001").get());
    }

    @Test
    void a_download_is_queued_then_stores_the_venues_candles() {
        DownloadAdmission admitted = start(alice, request(btc, Timeframe.M1, false)).get();

        assertThat(admitted).isInstanceOf(DownloadAdmission.Queued.class);
        assertThat(admitted.job().status()).isEqualTo(DownloadStatus.QUEUED);
        assertThat(admitted.job().owner()).isEqualTo(alice);
        runQueued();
        assertThat(store.jobs.stored(admitted.job().id()).status()).isEqualTo(DownloadStatus.COMPLETED);
        assertThat(store.candles.series(btc, Timeframe.M1)).hasSize(1440);
    }

    @Test
    void the_same_request_while_the_first_is_unfinished_returns_that_job() {
        DownloadJob first = start(alice, request(btc, Timeframe.M1, false)).get().job();

        DownloadAdmission again = start(alice, request(btc, Timeframe.M1, false)).get();
        DownloadAdmission bobs = start(bob, request(btc, Timeframe.M1, false)).get();

        assertThat(again).isInstanceOf(DownloadAdmission.AlreadyUnderway.class);
        assertThat(again.job().id()).isEqualTo(first.id());
        assertThat(bobs).as("another user's job is never handed out").isInstanceOf(DownloadAdmission.Queued.class);
        assertThat(queued).hasSize(2);
        runQueued();
        assertThat(start(alice, request(btc, Timeframe.M1, false)).get())
                .as("once finished, the same request is a new job").isInstanceOf(DownloadAdmission.Queued.class);
    }

    @Test
    void a_user_with_too_many_unfinished_downloads_is_told_to_wait() {
        start(alice, request(btc, Timeframe.M1, false));
        start(alice, request(btc, Timeframe.H1, false));

        DomainError refused = start(alice, new DownloadRequest(btc, Timeframe.M1, new TimeRange(START, START + HOUR),
                false)).getLeft();

        assertThat(refused).isInstanceOf(DomainError.RateLimited.class);
        assertThat(refused.code()).isEqualTo("marketdata.download.too_many_unfinished");
    }

    @Test
    void filling_gaps_downloads_exactly_the_missing_ranges() {
        DownloadJob first = start(alice, new DownloadRequest(btc, Timeframe.M1, new TimeRange(START + 2 * HOUR,
                START + 3 * HOUR), false)).get().job();
        runQueued();
        assertThat(store.jobs.stored(first.id()).inserted()).isEqualTo(60);
        int callsBefore = venue.calls().size();

        DownloadJob gaps = start(alice, request(btc, Timeframe.M1, true)).get().job();

        assertThat(gaps.segments()).containsExactly(new TimeRange(START, START + 2 * HOUR),
                new TimeRange(START + 3 * HOUR, START + 24 * HOUR));
        assertThat(gaps.rowsTotal()).isEqualTo(1380);
        runQueued();
        DownloadJob done = store.jobs.stored(gaps.id());
        assertThat(done.inserted()).isEqualTo(1380);
        assertThat(done.duplicates()).as("nothing already stored is fetched").isZero();
        assertThat(venue.calls().subList(callsBefore, venue.calls().size())).extracting(ScriptedVenue.Call::from)
                .containsExactly(START, START + 3 * HOUR, START + 3 * HOUR + 1000 * 60_000L);

        DownloadJob nothingLeft = start(alice, request(btc, Timeframe.M1, true)).get().job();
        assertThat(nothingLeft.segments()).isEmpty();
        runQueued();
        assertThat(store.jobs.stored(nothingLeft.id()).status()).isEqualTo(DownloadStatus.COMPLETED);
    }

    @Test
    void a_pair_listed_by_the_venue_but_not_in_the_catalog_is_defined_from_the_venues_rules() {
        DownloadAdmission admitted = start(alice, request(eth, Timeframe.H1, false)).get();

        assertThat(admitted).isInstanceOf(DownloadAdmission.Queued.class);
        Instrument defined = store.instruments.load(eth).get();
        assertThat(defined.tickSize().toBigDecimal()).isEqualByComparingTo("0.01");
        assertThat(defined.stepSize().toBigDecimal()).isEqualByComparingTo("0.0001");
        assertThat(store.listings.load(eth).get().status()).isEqualTo(Status.TRADING);
    }

    @Test
    void a_listed_instrument_is_not_asked_about_again() {
        start(alice, request(btc, Timeframe.M1, false));
        int asked = venue.symbolCalls();

        start(alice, request(btc, Timeframe.H1, false));

        assertThat(asked).isEqualTo(1);
        assertThat(venue.symbolCalls()).isEqualTo(1);
    }

    @Test
    void a_pair_the_venue_does_not_list_is_refused_and_nothing_starts() {
        InstrumentId doge = InstrumentId.parse("SCRIPTED:DOGE/USDT").get();

        DomainError refused = start(alice, request(doge, Timeframe.M1, false)).getLeft();

        assertThat(refused).isInstanceOf(DomainError.Refused.class);
        assertThat(refused.code()).isEqualTo("marketdata.download.not_on_venue");
        assertThat(refused.detail()).isEqualTo("SCRIPTED does not list DOGE/USDT");
        assertThat(store.jobs.unfinished()).isEmpty();
        assertThat(store.instruments.load(doge)).isEmpty();
    }

    @Test
    void a_venue_without_an_adapter_is_refused_naming_the_venues_served() {
        DomainError refused = start(alice, request(InstrumentId.parse("KRAKEN:BTC/USD").get(), Timeframe.M1, false))
                .getLeft();

        assertThat(refused.code()).isEqualTo("marketdata.download.venue_not_served");
        assertThat(refused.detail()).isEqualTo("no market data is available from KRAKEN; venues served: SCRIPTED");
    }

    @Test
    void a_timeframe_the_venue_neither_serves_nor_can_be_made_from_is_refused() {
        ScriptedVenue hourly = new ScriptedVenue("HOURLY", Set.of(Timeframe.H1), 1000);
        StartDownloadService onlyHours = new StartDownloadService(venues(hourly), store.instruments,
                store.instruments, store.listings, sync, new FindCandleGapsService(store.instruments, store.candles),
                store.jobs, store.jobs, new DownloadWorkers((owner, task) -> queued.add(task), runner),
                new DownloadPolicy(2, 3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(1)),
                () -> now);

        DomainError refused = onlyHours.start(new StartDownloadCommand(alice, request(
                InstrumentId.parse("HOURLY:BTC/USDT").get(), Timeframe.M30, false))).getLeft();

        assertThat(refused.code()).isEqualTo("marketdata.download.timeframe_not_offered");
        assertThat(refused.detail()).isEqualTo("no 30m candles can be downloaded: the venue serves [1h], none of "
                + "which 30m candles can be computed from exactly");
    }

    @Test
    void a_timeframe_the_venue_lacks_is_fetched_at_a_finer_one() {
        DownloadJob job = start(alice, request(btc, Timeframe.H4, false)).get().job();

        assertThat(job.source()).isEqualTo(Timeframe.H1);
    }

    @Test
    void a_venue_that_cannot_say_what_it_lists_makes_the_request_fail_for_now() {
        store.instruments.insertIfAbsent(Instrument.define("SCRIPTED", "SOL", "USDT", "0.01", "0.01").get());
        venue.failSymbols(new VenueFailure.RateLimited(Duration.ofSeconds(42), false));

        DomainError refused = start(alice, request(InstrumentId.parse("SCRIPTED:SOL/USDT").get(), Timeframe.M1,
                false)).getLeft();

        assertThat(refused).isInstanceOf(DomainError.Unavailable.class);
        assertThat(((DomainError.Unavailable) refused).retryAfterSeconds()).isEqualTo(42);
        assertThat(refused.code()).isEqualTo("marketdata.venue.unavailable");
    }

    private Either<DomainError, DownloadAdmission> start(UserId owner, DownloadRequest request) {
        return service.start(new StartDownloadCommand(owner, request));
    }

    private static DownloadRequest request(InstrumentId instrument, Timeframe timeframe, boolean fillGaps) {
        return new DownloadRequest(instrument, timeframe, new TimeRange(START, START + 24 * HOUR), fillGaps);
    }

    private void runQueued() {
        List<Runnable> tasks = new ArrayList<>(queued);
        queued.clear();
        tasks.forEach(Runnable::run);
    }

    private static VenueSymbol symbol(InstrumentId id, String tick, String step) {
        return new VenueSymbol(id, id.base().code() + id.quote().code(), new BigDecimal(tick), new BigDecimal(step),
                Option.some(new BigDecimal("5")), Status.TRADING);
    }

    static FindVenuesPort venues(VenueMarketData... served) {
        return new FindVenuesPort() {
            @Override
            public Option<VenueMarketData> venue(Venue venue) {
                return Option.ofOptional(List.of(served).stream().filter(v -> v.venue().equals(venue)).findFirst());
            }

            @Override
            public List<VenueMarketData> all() {
                return List.of(served);
            }
        };
    }
}
