package io.cryptobot.marketdata.application.service;

import static io.cryptobot.marketdata.application.service.LiveFeedFakes.BTC;
import static io.cryptobot.marketdata.application.service.LiveFeedFakes.M;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.Events;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.Instruments;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.Recorder;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.ScriptedVenue;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.Store;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.TestClock;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.Ticks;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.Workers;
import io.cryptobot.marketdata.domain.event.LiveFeedFreshAgain;
import io.cryptobot.marketdata.domain.event.LiveFeedWentStale;
import io.cryptobot.marketdata.domain.live.CandleFit;
import io.vavr.control.Option;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LiveFeedServiceTest {
    /** 2026-01-01T00:00:00Z in minutes. */
    static final long T0 = 1_767_225_600_000L / M;

    /** One test world: a scripted venue on a test clock, with the service wired to in-memory ports. */
    static final class World {
        final TestClock clock;
        final Random random;
        final ScriptedVenue venue;
        final Store store = new Store();
        final Workers workers = new Workers();
        final Ticks ticks = new Ticks();
        final Events events = new Events();
        final LiveFeedService service;

        World(long seed, long startMillis) {
            this(seed, startMillis, LiveFeedFakes.settings());
        }

        World(long seed, long startMillis, io.cryptobot.marketdata.domain.live.LiveFeedSettings settings) {
            random = new Random(seed);
            clock = new TestClock(startMillis);
            venue = new ScriptedVenue(clock, random);
            service = new LiveFeedService(new Instruments(), venue, ticks, store, store, events, workers,
                    settings, clock, LiveFeedFakes::id);
        }

        LiveSubscription subscribe(Recorder recorder, Option<Long> from) {
            return service.subscribe(new LiveCandleRequest(BTC.id(), Timeframe.M1, from), recorder).get();
        }

        /** Runs the clock to {@code millis} in one-second checks, storing as it goes. */
        void runTo(long millis) {
            while (clock.millis() < millis) {
                clock.set(Math.min(millis, clock.millis() + 1_000));
                ticks.tick();
                workers.writers.runAll();
            }
        }
    }

    @Test
    void dropped_connections_at_random_points_never_lose_repeat_or_reorder_a_candle() {
        for (long seed = 1; seed <= 300; seed++) {
            runScript(seed);
        }
    }

    private void runScript(long seed) {
        Random script = new Random(seed * 7919);
        int count = 150 + script.nextInt(150);
        boolean stored = script.nextBoolean();
        int prefix = stored ? 5 + script.nextInt(40) : 0;
        // few candles kept in memory and rare writes: subscribers catching up read both the store and memory
        World world = new World(seed, (T0 + prefix) * M + 20_000, new io.cryptobot.marketdata.domain.live
                .LiveFeedSettings(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1),
                        1 + script.nextInt(30), 1000, script.nextInt(3), java.time.Duration.ofMinutes(1)));
        world.venue.withSeries(T0, count, 0.03);
        world.venue.failureRate = script.nextDouble() * 0.3;
        world.venue.pageSize = 1 + script.nextInt(10);
        // in half the scripts the venue's history serves a candle only up to 1.5 s after its close (as OKX confirms)
        world.venue.servedAfterClose = seed % 2 == 0 ? 0 : new Random(seed).nextInt(1_500);
        if (stored) {
            world.venue.series.headMap((T0 + prefix) * M).values()
                    .forEach(c -> world.store.candles.put(c.openTime(), CandleFit.fit(BTC, c).get()));
        }
        Recorder first = new Recorder();
        LiveSubscription firstSubscription = world.subscribe(first, Option.none());
        world.venue.connect();
        Recorder second = null;
        long secondFrom = 0;
        LiveSubscription secondSubscription = null;
        for (long minute = T0 + prefix; minute < T0 + count; minute++) {
            world.clock.set((minute + 1) * M + script.nextInt(3_000));
            double roll = script.nextDouble();
            if (roll < 0.05) {
                // the stream lost this one
            } else if (roll < 0.08) {
                world.venue.emit(Math.max(T0, minute - 1 - script.nextInt(5)) * M);
                world.venue.emit(minute * M);
            } else {
                world.venue.emit(minute * M);
                if (roll > 0.95) {
                    world.venue.emit(minute * M);
                }
            }
            if (script.nextDouble() < 0.05) {
                if (world.venue.connected) {
                    world.venue.disconnect();
                } else {
                    world.venue.connect();
                }
            } else if (!world.venue.connected && script.nextDouble() < 0.2) {
                world.venue.connect();
            }
            if (script.nextDouble() < 0.4) {
                world.ticks.tick();
            }
            if (script.nextDouble() < 0.1) {
                world.workers.writers.runAll();
            }
            if (second == null && !first.candles.isEmpty() && script.nextDouble() < 0.03) {
                second = new Recorder();
                long firstSeen = first.candles.getFirst().openTime() / M;
                secondFrom = (firstSeen + script.nextInt((int) (minute - firstSeen + 1))) * M;
                secondSubscription = world.subscribe(second, Option.some(secondFrom));
            }
        }
        if (!world.venue.connected) {
            world.venue.connect();
        }
        world.venue.failureRate = 0;
        long end = world.clock.millis();
        world.runTo(end + 90_000);

        long closedBefore = (T0 + count) * M;
        long expectedFrom = stored ? (T0 + prefix) * M : first.candles.getFirst().openTime();
        assertThat(first.openTimes()).as("seed %d: what the first subscriber got", seed)
                .isEqualTo(world.venue.openTimes(expectedFrom, closedBefore));
        for (LiveCandle candle : first.candles) {
            assertThat(candle.candle()).as("seed %d", seed)
                    .isEqualTo(CandleFit.fit(BTC, world.venue.series.get(candle.openTime())).get());
            assertThat(candle.late() || candle.source() == LiveCandle.Source.LIVE).isTrue();
        }
        if (second != null) {
            assertThat(second.openTimes()).as("seed %d: the subscriber that started at %d", seed, secondFrom)
                    .isEqualTo(world.venue.openTimes(secondFrom, closedBefore));
        }
        assertThat(world.venue.streamsOpened).as("seed %d: one upstream stream", seed).isEqualTo(1);
        assertThat(world.store.candles.keySet().stream().filter(t -> t >= expectedFrom).toList())
                .as("seed %d: the store holds what was passed on", seed).isEqualTo(first.openTimes());
        firstSubscription.close();
        if (secondSubscription != null) {
            assertThat(world.venue.streamsOpen).isEqualTo(1);
            secondSubscription.close();
        }
        assertThat(world.venue.streamsOpen).as("seed %d: closed with the last subscriber", seed).isZero();
    }

    @Nested
    class Subscribers {
        @Test
        void many_subscribers_share_one_upstream_stream_which_closes_when_the_last_one_leaves() {
            World world = new World(1, (T0 + 1) * M);
            world.venue.withSeries(T0, 10, 0);
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            LiveSubscription first = world.subscribe(a, Option.none());
            LiveSubscription second = world.subscribe(b, Option.none());
            Recorder other = new Recorder();
            LiveSubscription fiveMinutes = world.service.subscribe(new LiveCandleRequest(BTC.id(), Timeframe.M5,
                    Option.none()), other).get();
            assertThat(world.venue.streamsOpened).as("one for 1m, one for 5m").isEqualTo(2);
            fiveMinutes.close();
            world.venue.withSeries(T0, 10, 0);
            assertThat(world.service.status(BTC.id(), Timeframe.M1).get().subscribers()).isEqualTo(2);
            first.close();
            assertThat(world.venue.streamsOpen).isEqualTo(1);
            assertThat(world.service.status(BTC.id(), Timeframe.M1).get().subscribers()).isEqualTo(1);
            second.close();
            assertThat(world.venue.streamsOpen).isZero();
            assertThat(world.service.status(BTC.id(), Timeframe.M1)).isEmpty();
            Recorder again = new Recorder();
            world.subscribe(again, Option.none());
            assertThat(world.venue.streamsOpened).as("a new feed for a new first subscriber").isEqualTo(3);
        }

        @Test
        void a_reconnection_fetches_what_closed_meanwhile_before_passing_on_later_candles() {
            World world = new World(2, (T0 + 1) * M + 500);
            world.venue.withSeries(T0, 20, 0);
            Recorder recorder = new Recorder();
            world.subscribe(recorder, Option.none());
            world.venue.connect();
            world.venue.emit(T0 * M);
            world.venue.disconnect();
            world.clock.set((T0 + 5) * M + 800);
            world.venue.failureRate = 1.0;
            world.venue.connect();
            world.clock.set((T0 + 6) * M + 500);
            world.venue.emit((T0 + 5) * M);
            assertThat(recorder.openTimes()).as("minute 5 waits for 1 to 4").containsExactly(T0 * M);
            world.venue.failureRate = 0;
            world.runTo((T0 + 6) * M + 10_000);
            assertThat(recorder.openTimes()).containsExactly(T0 * M, (T0 + 1) * M, (T0 + 2) * M, (T0 + 3) * M,
                    (T0 + 4) * M, (T0 + 5) * M);
            assertThat(recorder.candles.stream().map(LiveCandle::source).toList()).containsExactly(
                    LiveCandle.Source.LIVE, LiveCandle.Source.BACKFILL, LiveCandle.Source.BACKFILL,
                    LiveCandle.Source.BACKFILL, LiveCandle.Source.BACKFILL, LiveCandle.Source.LIVE);
            assertThat(recorder.candles.subList(1, 5)).allMatch(LiveCandle::late);
            FeedStatus status = world.service.status(BTC.id(), Timeframe.M1).get();
            assertThat(status.reconnections()).isEqualTo(1);
            assertThat(status.backfilled()).isEqualTo(4);
            assertThat(status.connected()).isTrue();
        }

        @Test
        void a_candle_closed_by_the_venues_clock_but_not_yet_in_its_history_is_asked_again_not_passed_over() {
            World world = new World(4, (T0 + 1) * M + 500);
            world.venue.withSeries(T0, 10, 0);
            world.venue.servedAfterClose = 300;
            Recorder recorder = new Recorder();
            world.subscribe(recorder, Option.none());
            world.venue.connect();
            world.venue.emit(T0 * M);
            world.venue.disconnect();
            // reconnected 100 ms after minute 2 closed: the history serves minute 1, not yet minute 2
            world.clock.set((T0 + 3) * M + 100);
            world.venue.connect();
            assertThat(recorder.openTimes()).containsExactly(T0 * M, (T0 + 1) * M);
            world.clock.set((T0 + 4) * M + 500);
            world.venue.emit((T0 + 3) * M);
            assertThat(recorder.openTimes()).as("minute 2, closed while disconnected, is fetched before 3")
                    .containsExactly(T0 * M, (T0 + 1) * M, (T0 + 2) * M, (T0 + 3) * M);
            assertThat(recorder.candles.stream().map(LiveCandle::source).toList()).containsExactly(
                    LiveCandle.Source.LIVE, LiveCandle.Source.BACKFILL, LiveCandle.Source.BACKFILL,
                    LiveCandle.Source.LIVE);
        }

        @Test
        void a_candle_the_history_serves_later_than_the_settle_time_is_fetched_when_the_next_one_shows_it_missing() {
            World world = new World(9, (T0 + 1) * M + 500);
            world.venue.withSeries(T0, 10, 0);
            // the history serves a candle only 8 s after its close, later than lateAfter (5 s): a venue confirming
            // late, or the feed's reading of the venue's clock running ahead of the venue
            world.venue.servedAfterClose = 8_000;
            Recorder recorder = new Recorder();
            world.subscribe(recorder, Option.none());
            world.venue.connect();
            world.venue.emit(T0 * M);
            world.venue.disconnect();
            world.clock.set((T0 + 2) * M + 100);
            world.venue.connect();
            world.runTo((T0 + 2) * M + 7_000);
            assertThat(recorder.openTimes()).as("minute 1 not served yet").containsExactly(T0 * M);
            // the stream missed minute 1 (it closed while reconnecting); minute 2 shows it missing
            world.clock.set((T0 + 3) * M + 200);
            world.venue.emit((T0 + 2) * M);
            assertThat(recorder.openTimes()).containsExactly(T0 * M, (T0 + 1) * M, (T0 + 2) * M);
            assertThat(recorder.candles.get(1).source()).isEqualTo(LiveCandle.Source.BACKFILL);
        }

        @Test
        void a_closed_candle_is_passed_on_by_the_streams_own_call_and_a_gap_is_fetched_by_a_feed_worker_not_there() {
            World world = new World(9, (T0 + 1) * M + 500);
            LiveFeedFakes.ManualExecutor feedWorkers = new LiveFeedFakes.ManualExecutor();
            world.workers.feeds = feedWorkers;
            world.venue.withSeries(T0, 10, 0);
            Recorder recorder = new Recorder();
            world.subscribe(recorder, Option.none());
            feedWorkers.runAll();
            world.venue.connect();
            feedWorkers.runAll();
            world.venue.emit(T0 * M);
            assertThat(recorder.openTimes()).as("passed on before the stream's call returned").containsExactly(T0 * M);
            assertThat(feedWorkers.queued).as("no hand-off to a feed worker").isEmpty();
            // the stream lost minute 1: minute 2 waits for it, and the venue is asked on a feed worker
            world.clock.set((T0 + 3) * M + 500);
            int asked = world.venue.historyCalls;
            world.venue.emit((T0 + 2) * M);
            assertThat(recorder.openTimes()).containsExactly(T0 * M);
            assertThat(world.venue.historyCalls).as("no fetch on the stream's thread").isEqualTo(asked);
            assertThat(feedWorkers.queued).hasSize(1);
            feedWorkers.runAll();
            assertThat(world.venue.historyCalls).isGreaterThan(asked);
            assertThat(recorder.openTimes()).containsExactly(T0 * M, (T0 + 1) * M, (T0 + 2) * M);
            assertThat(recorder.candles.stream().map(LiveCandle::source).toList()).containsExactly(
                    LiveCandle.Source.LIVE, LiveCandle.Source.BACKFILL, LiveCandle.Source.LIVE);
            // idle again: the next candle is passed on by the stream's call
            world.clock.set((T0 + 4) * M + 500);
            world.venue.emit((T0 + 3) * M);
            assertThat(recorder.openTimes()).endsWith((T0 + 3) * M);
            assertThat(feedWorkers.queued).isEmpty();
        }

        @Test
        void a_late_candle_says_so_and_by_how_much() {
            World world = new World(3, (T0 + 1) * M);
            world.venue.withSeries(T0, 5, 0);
            Recorder recorder = new Recorder();
            world.subscribe(recorder, Option.none());
            world.venue.connect();
            world.clock.set((T0 + 1) * M + 1_200);
            world.venue.emit(T0 * M);
            world.clock.set((T0 + 2) * M + 9_000);
            world.venue.emit((T0 + 1) * M);
            assertThat(recorder.candles.get(0).late()).isFalse();
            assertThat(recorder.candles.get(0).delayMillis()).isEqualTo(1_200);
            assertThat(recorder.candles.get(1).late()).isTrue();
            assertThat(recorder.candles.get(1).delayMillis()).isEqualTo(9_000);
        }

        @Test
        void a_subscriber_starting_in_the_past_gets_stored_history_then_live_candles_without_a_gap_or_repeat() {
            World world = new World(4, (T0 + 30) * M + 100);
            world.venue.withSeries(T0, 40, 0);
            world.venue.series.headMap((T0 + 20) * M).values()
                    .forEach(c -> world.store.candles.put(c.openTime(), CandleFit.fit(BTC, c).get()));
            Recorder live = new Recorder();
            world.subscribe(live, Option.none());
            world.venue.connect();
            // the feed continued after the stored minute 19: minutes 20 to 29 fetched (before this subscriber
            // joined, so not for it), not yet stored
            assertThat(live.candles).isEmpty();
            assertThat(world.service.status(BTC.id(), Timeframe.M1).get().lastOpenTime()).contains((T0 + 29) * M);
            assertThat(world.store.candles).hasSize(20);
            Recorder bot = new Recorder();
            world.subscribe(bot, Option.some((T0 + 15) * M));
            world.clock.set((T0 + 31) * M + 100);
            world.venue.emit((T0 + 30) * M);
            assertThat(bot.openTimes()).isEqualTo(world.venue.openTimes((T0 + 15) * M, (T0 + 31) * M));
            assertThat(bot.candles.subList(0, 15)).allMatch(c -> c.source() == LiveCandle.Source.HISTORY && c.late());
            assertThat(bot.candles.getLast().source()).isEqualTo(LiveCandle.Source.LIVE);
            Recorder later = new Recorder();
            world.subscribe(later, Option.some((T0 + 40) * M));
            world.clock.set((T0 + 32) * M);
            world.venue.emit((T0 + 31) * M);
            assertThat(later.candles).as("nothing before the minute it asked for").isEmpty();
        }

        @Test
        void a_subscriber_asking_for_the_last_closed_candles_gets_them_from_store_and_memory_then_live_ones() {
            World world = new World(8, (T0 + 30) * M + 100);
            world.venue.withSeries(T0, 40, 0);
            world.venue.series.headMap((T0 + 20) * M).values()
                    .forEach(c -> world.store.candles.put(c.openTime(), CandleFit.fit(BTC, c).get()));
            world.subscribe(new Recorder(), Option.none());
            world.venue.connect();
            // minutes 0 to 19 stored, 20 to 29 fetched by the feed and held in memory
            Recorder bot = new Recorder();
            world.service.subscribe(LiveCandleRequest.withLastClosed(BTC.id(), Timeframe.M1, 15), bot).get();
            world.clock.set((T0 + 31) * M + 100);
            world.venue.emit((T0 + 30) * M);

            assertThat(bot.openTimes()).isEqualTo(world.venue.openTimes((T0 + 15) * M, (T0 + 31) * M));
            assertThat(bot.candles.subList(0, 15)).allMatch(c -> c.source() == LiveCandle.Source.HISTORY);
            assertThat(bot.candles.getLast().source()).isEqualTo(LiveCandle.Source.LIVE);

            Recorder greedy = new Recorder();
            world.service.subscribe(LiveCandleRequest.withLastClosed(BTC.id(), Timeframe.M1, 1_000), greedy).get();
            assertThat(greedy.openTimes()).as("no more than the store and memory hold")
                    .isEqualTo(world.venue.openTimes(T0 * M, (T0 + 31) * M));
            DomainError tooMany = world.service.check(LiveCandleRequest.withLastClosed(BTC.id(), Timeframe.M1,
                    200_000)).getLeft();
            assertThat(((DomainError.Invalid) tooMany).violations()).extracting(v -> v.field())
                    .containsExactly("lastClosed");
        }

        @Test
        void refusals_name_the_problem() {
            World world = new World(5, T0 * M);
            Recorder recorder = new Recorder();
            assertThat(world.service.subscribe(new LiveCandleRequest(InstrumentId.parse("SCRIPT:ETH/USDT").get(),
                    Timeframe.M1, Option.none()), recorder).getLeft().code()).isEqualTo("marketdata.instrument.not_found");
            DomainError unsupported = world.service.subscribe(new LiveCandleRequest(BTC.id(), Timeframe.H1,
                    Option.some(T0 * M + 1)), recorder).getLeft();
            assertThat(unsupported).isInstanceOf(DomainError.Invalid.class);
            assertThat(((DomainError.Invalid) unsupported).violations()).extracting(v -> v.field())
                    .containsExactly("timeframe", "from");
            DomainError tooOld = world.service.subscribe(new LiveCandleRequest(BTC.id(), Timeframe.M1,
                    Option.some((T0 - 200_000) * M)), recorder).getLeft();
            assertThat(((DomainError.Invalid) tooOld).violations().getFirst().reason()).contains("100000 candles");
            assertThat(world.service.check(new LiveCandleRequest(BTC.id(), Timeframe.H1, Option.none())).getLeft())
                    .isInstanceOf(DomainError.Invalid.class);
            assertThat(world.service.check(new LiveCandleRequest(BTC.id(), Timeframe.M1, Option.none())).isRight()).isTrue();
            assertThat(world.venue.streamsOpened).isZero();
        }
    }

    /** A subscriber asking from a candle the store lacks (a bot rebuilt after a crash before the candle's write). */
    @Nested
    class CatchingUp {
        private static final long FROM = (T0 + 5) * M;

        private void store(World world, long fromMinute, long toMinute) {
            world.venue.series.subMap((T0 + fromMinute) * M, (T0 + toMinute) * M).values()
                    .forEach(c -> world.store.candles.put(c.openTime(), CandleFit.fit(BTC, c).get()));
        }

        /** Minutes 0-9 and 15-24 stored, 10-14 never; the feed continued after 24 and holds 25-29 in memory. */
        private World withUnstoredRange(long seed) {
            World world = new World(seed, (T0 + 30) * M + 100);
            world.venue.withSeries(T0, 40, 0);
            store(world, 0, 10);
            store(world, 15, 25);
            world.subscribe(new Recorder(), Option.none());
            world.venue.connect();
            return world;
        }

        @Test
        void a_range_the_store_lacks_is_fetched_from_the_venue_stored_and_delivered_in_order_before_live_ones() {
            World world = withUnstoredRange(20);
            Recorder bot = new Recorder();
            world.subscribe(bot, Option.some(FROM));
            world.clock.set((T0 + 31) * M + 100);
            world.venue.emit((T0 + 30) * M);

            assertThat(bot.openTimes()).isEqualTo(world.venue.openTimes(FROM, (T0 + 31) * M));
            assertThat(bot.candles.subList(0, 25)).allMatch(c -> c.source() == LiveCandle.Source.HISTORY && c.late());
            assertThat(bot.candles.getLast().source()).isEqualTo(LiveCandle.Source.LIVE);
            for (LiveCandle candle : bot.candles) {
                assertThat(candle.candle()).isEqualTo(CandleFit.fit(BTC, world.venue.series.get(candle.openTime()))
                        .get());
            }
            assertThat(bot.unavailable).isEmpty();
            world.workers.writers.runAll();
            assertThat(world.store.candles.keySet()).as("the fetched range stored as shared data")
                    .containsAll(world.venue.openTimes((T0 + 10) * M, (T0 + 15) * M));
        }

        @Test
        void the_subscriber_waits_out_a_refused_fetch_and_gets_nothing_live_before_its_history() {
            World world = withUnstoredRange(21);
            world.venue.failureRate = 1.0;
            Recorder bot = new Recorder();
            world.subscribe(bot, Option.some(FROM));
            world.clock.set((T0 + 31) * M + 100);
            world.venue.emit((T0 + 30) * M);
            assertThat(bot.openTimes()).as("up to the range the store lacks, nothing after")
                    .isEqualTo(world.venue.openTimes(FROM, (T0 + 10) * M));
            int calls = world.venue.historyCalls;
            world.runTo((T0 + 31) * M + 900);
            assertThat(world.venue.historyCalls).as("no retry before the back-off").isEqualTo(calls);
            world.venue.failureRate = 0;
            world.runTo((T0 + 31) * M + 10_000);
            assertThat(bot.openTimes()).isEqualTo(world.venue.openTimes(FROM, (T0 + 31) * M));
            assertThat(world.service.status(BTC.id(), Timeframe.M1).get().subscribers()).isEqualTo(2);
        }

        @Test
        void a_range_the_venue_refuses_for_good_is_told_to_the_subscriber_never_skipped_silently() {
            World world = withUnstoredRange(22);
            world.venue.refusedBefore = (T0 + 15) * M;
            Recorder bot = new Recorder();
            world.subscribe(bot, Option.some(FROM));
            assertThat(bot.unavailable).containsExactly("after 5: " + (T0 + 10) * M + "-" + (T0 + 15) * M + ": "
                    + world.venue.refusal.describe());
            assertThat(bot.openTimes()).as("the candles after the range follow").isEqualTo(java.util.stream.Stream
                    .concat(world.venue.openTimes(FROM, (T0 + 10) * M).stream(),
                            world.venue.openTimes((T0 + 15) * M, (T0 + 30) * M).stream()).toList());
        }

        @Test
        void a_feed_with_nothing_passed_on_continues_after_the_stored_candles_the_subscriber_asked_from() {
            // the store's latest candle (minute 9) is too old for the feed's start to continue after it
            World world = new World(23, (T0 + 30) * M + 100, new io.cryptobot.marketdata.domain.live.LiveFeedSettings(
                    java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1), 50, 5, 20, java.time.Duration.ofMinutes(1)));
            world.venue.withSeries(T0, 40, 0);
            store(world, 0, 10);
            Recorder bot = new Recorder();
            world.subscribe(bot, Option.some(FROM));
            world.venue.connect();
            world.clock.set((T0 + 31) * M + 100);
            world.venue.emit((T0 + 30) * M);

            assertThat(bot.openTimes()).isEqualTo(world.venue.openTimes(FROM, (T0 + 31) * M));
            assertThat(bot.candles.stream().map(LiveCandle::source).distinct().toList()).containsExactly(
                    LiveCandle.Source.HISTORY, LiveCandle.Source.BACKFILL, LiveCandle.Source.LIVE);
            world.runTo((T0 + 31) * M + 3_000);
            assertThat(world.store.candles.keySet()).isEqualTo(new java.util.TreeSet<>(world.venue.openTimes(T0 * M,
                    (T0 + 31) * M)));
        }
    }

    @Nested
    class Staleness {
        @Test
        void no_candle_for_two_intervals_is_stale_told_to_subscribers_and_published_then_fresh_with_the_next() {
            World world = new World(6, (T0 + 1) * M);
            world.venue.withSeries(T0, 10, 0);
            Recorder recorder = new Recorder();
            world.subscribe(recorder, Option.none());
            world.venue.connect();
            world.venue.emit(T0 * M);
            world.venue.failureRate = 1.0;
            world.runTo((T0 + 3) * M);
            assertThat(world.service.isFresh(BTC.id(), Timeframe.M1)).isTrue();
            assertThat(world.events.published).isEmpty();
            world.runTo((T0 + 3) * M + 1_000);
            assertThat(world.service.isFresh(BTC.id(), Timeframe.M1)).isFalse();
            FeedStatus status = world.service.status(BTC.id(), Timeframe.M1).get();
            assertThat(status.staleSince().get().toEpochMilli()).isEqualTo((T0 + 3) * M + 1_000);
            assertThat(recorder.statuses.getLast().fresh()).isFalse();
            LiveFeedWentStale stale = (LiveFeedWentStale) world.events.published.getFirst();
            assertThat(stale.instrument()).isEqualTo(BTC.id());
            assertThat(stale.lastOpenTime()).contains(T0 * M);
            world.runTo((T0 + 6) * M);
            assertThat(world.events.published).hasSize(1);
            world.venue.failureRate = 0;
            world.clock.set((T0 + 6) * M + 2_000);
            world.venue.emit((T0 + 5) * M);
            // the fetch of minutes 1 to 4 is retried when its back-off (after many failures) has passed
            world.runTo((T0 + 7) * M + 10_000);
            assertThat(world.service.isFresh(BTC.id(), Timeframe.M1)).isTrue();
            // minute 6 closed meanwhile, and the silent stream was polled for it
            assertThat(recorder.openTimes()).isEqualTo(world.venue.openTimes(T0 * M, (T0 + 7) * M));
            LiveFeedFreshAgain fresh = (LiveFeedFreshAgain) world.events.published.getLast();
            assertThat(fresh.openTime()).isEqualTo((T0 + 1) * M);
            assertThat(recorder.statuses.getLast().fresh()).isTrue();
        }

        @Test
        void a_feed_is_fresh_only_while_it_runs() {
            World world = new World(7, T0 * M);
            assertThat(world.service.isFresh(BTC.id(), Timeframe.M1)).isFalse();
            assertThat(world.service.feeds(BTC.id())).isEmpty();
        }
    }

    @Nested
    class Storing {
        @Test
        void received_candles_are_stored_in_batches_and_kept_until_a_failed_write_succeeds() {
            World world = new World(8, (T0 + 1) * M);
            world.venue.withSeries(T0, 300, 0);
            Recorder recorder = new Recorder();
            world.subscribe(recorder, Option.none());
            world.venue.connect();
            world.store.failing = true;
            for (long minute = T0; minute < T0 + 120; minute++) {
                world.clock.set((minute + 1) * M + 100);
                world.venue.emit(minute * M);
                world.ticks.tick();
                world.workers.writers.runAll();
            }
            assertThat(world.store.candles).isEmpty();
            world.store.failing = false;
            world.runTo(world.clock.millis() + 3_000);
            assertThat(world.store.candles.keySet()).containsExactlyElementsOf(recorder.openTimes());
            assertThat(world.store.transactions).isEqualTo(3);
        }
    }
}
