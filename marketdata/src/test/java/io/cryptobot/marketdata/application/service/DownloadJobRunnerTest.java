package io.cryptobot.marketdata.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.marketdata.application.port.out.PauseWorkPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadPolicy;
import io.cryptobot.marketdata.domain.DownloadRequest;
import io.cryptobot.marketdata.domain.DownloadStatus;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DownloadJobRunnerTest {
    private static final long MIN = 60_000;
    private static final long HOUR = 60 * MIN;
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long DAY_LATER = START + 24 * HOUR;
    private final Instrument instrument = Instrument.define("SCRIPTED", "BTC", "USDT", "0.01", "0.00001").get();
    private final InstrumentId id = instrument.id();
    private final UserId owner = new UserId(UUID.randomUUID());
    private final InMemoryMarketStore store = new InMemoryMarketStore();
    private Instant now = Instant.parse("2024-01-03T00:00:00Z");
    private final List<Duration> pauses = new ArrayList<>();
    private final PauseWorkPort pause = duration -> {
        pauses.add(duration);
        now = now.plus(duration);
    };
    private final DownloadPolicy policy = new DownloadPolicy(5, 3, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(1));

    private ScriptedVenue venue(Set<Timeframe> timeframes, int perPage) {
        ScriptedVenue venue = new ScriptedVenue("SCRIPTED", timeframes, perPage).clock(() -> now);
        venue.walk(id, START, 24 * 60, 7);
        return venue;
    }

    private DownloadJobRunner runner(PauseWorkPort pauses) {
        return new DownloadJobRunner(store.jobs, store.jobs, store.candles, pauses, policy, () -> now);
    }

    private DownloadJob planned(Timeframe timeframe, Timeframe source, long from, long to) {
        return DownloadJob.plan(owner, new DownloadRequest(id, timeframe, new TimeRange(from, to), false), source,
                List.of(new TimeRange(from, to)), now);
    }

    @Nested
    class Paging {
        @Test
        void pages_through_the_range_never_asking_more_than_a_page_and_stores_the_venues_candles_once() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 100);

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertThat(done.rowsTotal()).isEqualTo(1440);
            assertThat(done.rowsDone()).isEqualTo(1440);
            assertThat(done.inserted()).isEqualTo(1440);
            assertThat(done.duplicates()).isZero();
            assertThat(venue.calls()).hasSize(15).allSatisfy(call -> {
                assertThat(call.limit()).isLessThanOrEqualTo(100);
                assertThat(call.returned()).isLessThanOrEqualTo(100);
            });
            assertThat(venue.calls()).extracting(ScriptedVenue.Call::from)
                    .as("each page starts where the one before ended").isSorted().doesNotHaveDuplicates();
            assertStoredEqualsVenue(Timeframe.M1, venue.own(id, Timeframe.M1));
            assertThat(store.candles.writesByOpenTime.values()).containsOnly(1);
            assertThat(pauses).isEmpty();
        }

        @Test
        void the_same_range_again_inserts_nothing_new() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 1000);
            runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument, venue);

            DownloadJob again = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(again.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertThat(again.inserted()).isZero();
            assertThat(again.duplicates()).isEqualTo(1440);
            assertThat(store.candles.writesByOpenTime.values()).containsOnly(1);
        }

        @Test
        void a_range_the_venue_has_nothing_in_completes_after_one_question() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 1000);

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START - 24 * HOUR, START),
                    instrument, venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertThat(done.rowsDone()).isEqualTo(done.rowsTotal()).isEqualTo(1440);
            assertThat(done.inserted()).isZero();
            assertThat(venue.calls()).hasSize(1);
        }

        @Test
        void candles_the_venue_still_has_open_are_neither_planned_nor_asked_for() {
            now = Instant.ofEpochMilli(START + 90 * MIN + 30_000); // 01:30:30, the 01:30 candle is open
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 1000);

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.rowsTotal()).isEqualTo(90);
            assertThat(done.inserted()).isEqualTo(90);
            assertThat(venue.calls()).allSatisfy(call -> assertThat(call.to()).isLessThanOrEqualTo(START + 90 * MIN));
        }
    }

    @Nested
    class Venue_failures {
        @Test
        void a_rate_limit_is_waited_out_for_as_long_as_the_venue_says_and_never_less_than_the_minimum() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 500);
            venue.failFrom(1, new VenueFailure.RateLimited(Duration.ofSeconds(30), false),
                    new VenueFailure.RateLimited(Duration.ZERO, false));

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertThat(pauses).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(venue.calls()).extracting(ScriptedVenue.Call::from)
                    .containsExactly(START, START + 500 * MIN, START + 500 * MIN, START + 500 * MIN,
                            START + 1000 * MIN);
            assertThat(store.jobs.history).extracting(j -> j.note().getOrNull())
                    .contains("rate limited, retry after 30 s; waiting 30 s");
            assertThat(done.note()).isEmpty();
            assertStoredEqualsVenue(Timeframe.M1, venue.own(id, Timeframe.M1));
        }

        @Test
        void an_unavailable_venue_is_asked_again_after_growing_waits() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 1000);
            venue.failNext(new VenueFailure.Unavailable("connection reset"),
                    new VenueFailure.Unavailable("HTTP 502"));

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(store.jobs.history).extracting(j -> j.note().getOrNull())
                    .contains("venue unavailable: connection reset; attempt 2 of 3 in 1 s",
                            "venue unavailable: HTTP 502; attempt 3 of 3 in 2 s");
        }

        @Test
        void a_venue_unavailable_too_many_times_in_a_row_fails_the_job_and_keeps_what_was_stored() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 1000);
            venue.failFrom(1, new VenueFailure.Unavailable("connection reset"),
                    new VenueFailure.Unavailable("connection reset"), new VenueFailure.Unavailable("timeout"));

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.FAILED);
            assertThat(done.failure()).contains("venue unavailable: timeout (gave up after 3 attempts in a row)");
            assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(done.rowsDone()).isEqualTo(1000);
            assertThat(store.candles.series(id, Timeframe.M1)).hasSize(1000);
        }

        @Test
        void a_refusal_fails_the_job_at_once_with_the_venues_words() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 1000);
            venue.failNext(new VenueFailure.Rejected(400, "-1121", "Invalid symbol."));

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.FAILED);
            assertThat(done.failure()).contains("venue rejected the request (400 -1121): Invalid symbol.");
            assertThat(pauses).isEmpty();
            assertThat(venue.calls()).hasSize(1);
        }

        @Test
        void a_price_between_the_instruments_ticks_fails_the_job_naming_the_candle() {
            ScriptedVenue venue = new ScriptedVenue("SCRIPTED", Set.of(Timeframe.M1), 1000).clock(() -> now);
            venue.put(id, Timeframe.M1, candle(START, "42000.00"), candle(START + MIN, "42000.005"));

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.FAILED);
            assertThat(done.failure().get()).startsWith("the venue's candle at 2024-01-01T00:01:00Z cannot be stored "
                    + "for SCRIPTED:BTC/USDT: '42000.005' has more than 2 decimals");
            assertThat(store.candles.series(id, Timeframe.M1)).isEmpty();
        }
    }

    @Nested
    class Resampled {
        @Test
        void hours_from_minutes_across_pages_equal_the_venues_own_hours() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 100); // an hour spans two pages

            DownloadJob done = runner(pause).run(planned(Timeframe.H1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertThat(done.inserted()).isEqualTo(24);
            assertStoredEqualsVenue(Timeframe.H1, venue.ownCoarse(id, Timeframe.H1));
            assertThat(store.jobs.history).extracting(DownloadJob::cursor)
                    .allMatch(cursor -> Timeframe.H1.isAligned(cursor)).isSorted();
        }

        @Test
        void four_hours_and_a_day_from_the_venues_hours_equal_its_own() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1, Timeframe.M5, Timeframe.H1), 1000);

            runner(pause).run(planned(Timeframe.H4, Timeframe.H1, START, DAY_LATER), instrument, venue);
            runner(pause).run(planned(Timeframe.D1, Timeframe.H1, START, DAY_LATER), instrument, venue);
            runner(pause).run(planned(Timeframe.M15, Timeframe.M5, START, DAY_LATER), instrument, venue);

            assertStoredEqualsVenue(Timeframe.H4, venue.ownCoarse(id, Timeframe.H4));
            assertStoredEqualsVenue(Timeframe.D1, venue.ownCoarse(id, Timeframe.D1));
            assertStoredEqualsVenue(Timeframe.M15, venue.ownCoarse(id, Timeframe.M15));
            assertThat(venue.calls()).extracting(ScriptedVenue.Call::timeframe)
                    .containsOnly(Timeframe.H1, Timeframe.M5);
        }

        @Test
        void an_hour_the_venue_lacks_a_minute_of_is_skipped_and_counted() {
            ScriptedVenue venue = new ScriptedVenue("SCRIPTED", Set.of(Timeframe.M1), 1000).clock(() -> now);
            venue.walk(id, START, 24 * 60, 7, START + 5 * HOUR + 17 * MIN);

            DownloadJob done = runner(pause).run(planned(Timeframe.H1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertThat(done.inserted()).isEqualTo(23);
            assertThat(done.incomplete()).isEqualTo(1);
            assertThat(done.rowsDone()).isEqualTo(24);
            assertThat(store.candles.series(id, Timeframe.H1)).doesNotContainKey(START + 5 * HOUR).hasSize(23);
        }
    }

    @Nested
    class Restarts {
        @Test
        void a_crash_after_a_page_is_stored_but_before_the_cursor_is_saved_resumes_without_gap_or_duplicate() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 100);
            DownloadJob job = planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER);
            store.jobs.crashAfter(1 + 5); // "running", then pages 1 to 5; dies saving page 6's cursor

            assertThatThrownBy(() -> runner(pause).run(job, instrument, venue))
                    .isInstanceOf(InMemoryMarketStore.Crash.class);
            DownloadJob left = store.jobs.stored(job.id());
            assertThat(left.status()).isEqualTo(DownloadStatus.RUNNING);
            assertThat(left.cursor()).isEqualTo(START + 500 * MIN);
            assertThat(store.candles.series(id, Timeframe.M1)).hasSize(600);

            store.jobs.crashAfter(-1);
            int before = venue.calls().size();
            DownloadJob resumed = runner(pause).run(left, instrument, venue);

            assertThat(resumed.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertThat(venue.calls().get(before).from()).isEqualTo(START + 500 * MIN);
            assertThat(resumed.inserted()).isEqualTo(1340);
            assertThat(resumed.duplicates()).isEqualTo(100);
            assertThat(resumed.rowsDone()).isEqualTo(1440);
            assertStoredEqualsVenue(Timeframe.M1, venue.own(id, Timeframe.M1));
            assertThat(store.candles.writesByOpenTime.values()).as("no candle written twice").containsOnly(1);
        }

        @Test
        void a_crash_inside_a_resampled_bucket_fetches_that_bucket_again() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 90);
            DownloadJob job = planned(Timeframe.H1, Timeframe.M1, START, DAY_LATER);
            store.jobs.crashAfter(1 + 3); // pages end at 1:30, 3:00, 4:30; dies saving after the fourth

            assertThatThrownBy(() -> runner(pause).run(job, instrument, venue))
                    .isInstanceOf(InMemoryMarketStore.Crash.class);
            DownloadJob left = store.jobs.stored(job.id());
            assertThat(left.cursor()).as("the start of the hour being filled").isEqualTo(START + 4 * HOUR);

            store.jobs.crashAfter(-1);
            DownloadJob resumed = runner(pause).run(left, instrument, venue);

            assertThat(resumed.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertStoredEqualsVenue(Timeframe.H1, venue.ownCoarse(id, Timeframe.H1));
            assertThat(store.candles.writesByOpenTime.values()).containsOnly(1);
        }

        @Test
        void a_worker_interrupted_by_the_shutdown_leaves_its_job_running_at_its_cursor() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 500);
            venue.failFrom(2, new VenueFailure.RateLimited(Duration.ofMinutes(2), true));
            DownloadJob job = planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER);

            DownloadJob stopped = runner(duration -> {
                throw new InterruptedException("shutdown");
            }).run(job, instrument, venue);
            Thread.interrupted(); // the runner re-flags the interrupt for its worker; this test thread goes on

            assertThat(stopped.status()).isEqualTo(DownloadStatus.RUNNING);
            assertThat(store.jobs.stored(job.id()).cursor()).isEqualTo(START + 1000 * MIN);
            assertThat(store.jobs.stored(job.id()).note())
                    .contains("address banned by the venue, retry after 120 s; waiting 120 s");

            DownloadJob resumed = runner(pause).run(store.jobs.stored(job.id()), instrument, venue);

            assertThat(resumed.status()).isEqualTo(DownloadStatus.COMPLETED);
            assertStoredEqualsVenue(Timeframe.M1, venue.own(id, Timeframe.M1));
            assertThat(store.candles.writesByOpenTime.values()).containsOnly(1);
        }
    }

    @Nested
    class Unexpected_failures {
        @Test
        void a_store_that_fails_ends_the_job_failed_with_an_incident_and_no_internals() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 1000);
            store.candles.nextInsertFails = new IllegalStateException("connection refused by db-7.internal");

            DownloadJob done = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);

            assertThat(done.status()).isEqualTo(DownloadStatus.FAILED);
            assertThat(done.failure().get()).startsWith("the download failed unexpectedly (incident ")
                    .endsWith("); the candles stored before are kept").doesNotContain("db-7");
        }

        @Test
        void a_store_call_cut_short_by_the_shutdown_leaves_the_job_running() {
            ScriptedVenue venue = venue(Set.of(Timeframe.M1), 1000);
            store.candles.nextInsertFails = new java.util.concurrent.CompletionException(new InterruptedException());

            DownloadJob stopped = runner(pause).run(planned(Timeframe.M1, Timeframe.M1, START, DAY_LATER), instrument,
                    venue);
            Thread.interrupted();

            assertThat(stopped.status()).isEqualTo(DownloadStatus.RUNNING);
            assertThat(store.jobs.stored(stopped.id()).status()).isEqualTo(DownloadStatus.RUNNING);
        }
    }

    private void assertStoredEqualsVenue(Timeframe timeframe, NavigableMap<Long, VenueCandle> venueCandles) {
        NavigableMap<Long, Candle> stored = store.candles.series(id, timeframe);
        assertThat(stored.keySet()).containsExactlyElementsOf(venueCandles.headMap(DAY_LATER).keySet());
        for (Map.Entry<Long, Candle> entry : stored.entrySet()) {
            VenueCandle expected = venueCandles.get(entry.getKey());
            Candle actual = entry.getValue();
            assertThat(List.of(actual.open().toBigDecimal(), actual.high().toBigDecimal(), actual.low().toBigDecimal(),
                    actual.close().toBigDecimal(), actual.volume().toBigDecimal()))
                    .as("candle at %s", Instant.ofEpochMilli(entry.getKey()))
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(expected.open(), expected.high(), expected.low(), expected.close(),
                            expected.volume());
        }
    }

    private static VenueCandle candle(long openTime, String price) {
        BigDecimal p = new BigDecimal(price);
        return new VenueCandle(openTime, p, p, p, p, BigDecimal.ONE);
    }
}
