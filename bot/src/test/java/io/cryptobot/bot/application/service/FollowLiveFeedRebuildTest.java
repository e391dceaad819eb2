package io.cryptobot.bot.application.service;

import static io.cryptobot.bot.application.service.LiveVenueTest.BTC;
import static io.cryptobot.bot.application.service.LiveVenueTest.OWNER;
import static io.cryptobot.bot.application.service.LiveVenueTest.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.session.SessionListener;
import io.cryptobot.bot.domain.session.SessionMarket;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderStatus;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rebuild of a live bot from its journal where the store lacks the journal's candle and the feed hands it out
 * late (issue 12: a hand order placed after the bot's first step, its acceptance journaled, then a SIGKILL; at the
 * restart the venue's next candle came first and the rebuild applied the hand order to a session that had not
 * played the journal's step: refused as "no price yet", silently, and the acceptance then failed the bot with
 * "a journaled report for no order of this session: Accepted[clientOrderId=rest-fill, ...]", seen twice in
 * LiveTradingCrashIT). The session trades through a {@link LiveVenue} in replay mode, as a launch rebuilds it.
 */
class FollowLiveFeedRebuildTest {
    private static final long MINUTE = 60_000;
    private static final long T0 = Instant.parse("2026-12-06T11:17:00Z").toEpochMilli();
    private static final Timeframe M1 = Timeframe.parse("1m").get();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private LiveVenue venue;

    @AfterEach
    void stop() {
        if (venue != null) {
            venue.close();
        }
        timer.shutdownNow();
    }

    @Test
    void a_journal_candle_the_feed_hands_out_after_the_next_one_is_played_before_the_hand_order_is_applied() throws Exception {
        // the feed: the next candle (11:18) first, then the journal's own (11:17) out of order
        LiveSession runner = rebuilding(subscriber -> {
            subscriber.onCandle(live(T0 + MINUTE, LiveCandle.Source.LIVE));
            subscriber.onOutOfOrder(live(T0, LiveCandle.Source.BACKFILL));
        });

        Either<DomainError, Long> rebuilt = feed().rebuild(runner, 0, crashJournal());

        assertThat(rebuilt.get()).isEqualTo(T0);
        assertThat(runner.session.lastStepTime()).as("the journal's step played").isEqualTo(T0);
        assertThat(runner.session.placedOrders()).as("the hand order placed again after it, then its acceptance")
                .singleElement().satisfies(p -> {
                    assertThat(p.order().spec().clientOrderId().value()).isEqualTo("rest-fill");
                    assertThat(p.order().status()).isEqualTo(OrderStatus.ACCEPTED);
                });
        assertThat(runner.session.openOrderCount()).isEqualTo(1);
        assertThat(nextCandle(runner)).as("the next candle waits for the session to go live").isEqualTo(T0 + MINUTE);
    }

    @Test
    void the_candles_in_journal_order_rebuild_the_same_session() throws Exception {
        LiveSession runner = rebuilding(subscriber -> {
            subscriber.onCandle(live(T0, LiveCandle.Source.BACKFILL));
            subscriber.onCandle(live(T0 + MINUTE, LiveCandle.Source.LIVE));
        });

        Either<DomainError, Long> rebuilt = feed().rebuild(runner, 0, crashJournal());

        assertThat(rebuilt.get()).isEqualTo(T0);
        assertThat(runner.session.lastStepTime()).isEqualTo(T0);
        assertThat(runner.session.openOrderCount()).isEqualTo(1);
        assertThat(runner.session.placedOrders()).singleElement()
                .satisfies(p -> assertThat(p.order().status()).isEqualTo(OrderStatus.ACCEPTED));
        assertThat(nextCandle(runner)).isEqualTo(T0 + MINUTE);
    }

    @Test
    void a_journal_candle_the_venue_refuses_to_serve_fails_the_rebuild_with_the_reason_not_stepped_over() throws Exception {
        // the store lacks the journal's candle (T0) and the venue refuses it outright; the next one comes
        LiveSession runner = rebuilding(subscriber -> {
            subscriber.onHistoryUnavailable(T0, T0 + MINUTE, "Rejected 400 51000 Parameter after error");
            subscriber.onCandle(live(T0 + MINUTE, LiveCandle.Source.LIVE));
        });

        Either<DomainError, Long> rebuilt = feed().rebuild(runner, 0, crashJournal());

        assertThat(rebuilt.getLeft().code()).isEqualTo("bot.feed_history_unavailable");
        assertThat(rebuilt.getLeft().detail()).contains("2026-12-06T11:17:00Z", "Parameter after error");
        assertThat(runner.session.lastStepTime()).as("nothing stepped over the refused candle").isLessThan(T0);
    }

    /** The open time of the first candle left in the session's inbox. */
    private static long nextCandle(LiveSession runner) throws InterruptedException {
        LiveFeedInbox.Item item = runner.inbox.next(1_000);
        assertThat(item).isInstanceOf(LiveFeedInbox.Closed.class);
        return ((LiveFeedInbox.Closed) item).candle().openTime();
    }

    private FollowLiveFeed feed() {
        return new FollowLiveFeed(feeds, null, new RebuildSession(new NoStoredCandles()), null, null, null, null,
                null, null, null, null);
    }

    private Consumer<LiveCandleSubscriber> delivery;

    private final SubscribeLiveCandlesUseCase feeds = new SubscribeLiveCandlesUseCase() {
        @Override
        public Either<DomainError, LiveSubscription> subscribe(LiveCandleRequest request,
                                                                LiveCandleSubscriber subscriber) {
            assertThat(request.from()).contains(T0);
            delivery.accept(subscriber);
            return Either.right(() -> { });
        }

        @Override
        public Either<DomainError, LiveCandleRequest> check(LiveCandleRequest request) {
            return Either.right(request);
        }
    };

    /** A live bot whose feed started at T0, its session about to be rebuilt; the feed delivers as {@code given}. */
    private LiveSession rebuilding(Consumer<LiveCandleSubscriber> given) {
        delivery = given;
        Bot bot = Bot.newBot(new BotId(UUID.randomUUID()), OWNER, "b", "manual", Map.of(), BTC, M1,
                UUID.randomUUID(), new Money(100_000, 2, USDT), RiskLimits.none(),
                VenueCosts.parse(null, null, null, null).get(), Option.none(), new LiveFeedSpec(Option.some(T0)),
                Instant.ofEpochMilli(T0));
        InstrumentRules rules = new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 4));
        FillModel model = new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(10), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("1").get());
        StepJournal journal = new StepJournal(OWNER, bot.accountId(), bot.id().value());
        // in replay mode, as a launch opens it: nothing is sent, the journaled reports are applied again
        venue = new LiveVenue(new ScriptedVenue(Price.parse("100.00", 2).get()), List.of(BTC), reports -> { },
                new LiveVenueTest.Events(), Instant::now, Runnable::run, timer, LiveVenueFixtures.FAST,
                bot.createdAt().toEpochMilli(), () -> true);
        TradingSession session = new TradingSession(new SessionSetup(OWNER, bot.startingCash(), bot.limits(), T0, 7,
                "t-", false), List.of(new SessionMarket(BTC, model, 4)), venue, new LiveVenueTest.Quiet(),
                (t, e, x) -> { }, journal);
        LiveSession runner = new LiveSession(bot, session, journal, new JournalWriter((b, a) -> { }, Runnable::run));
        runner.liveTrading = LiveVenueFixtures.holding(venue, bot.id());
        return runner;
    }

    /**
     * The journal of the crash test's first hand order: placed after the bot's first step (T0), then its acceptance
     * by the venue, journaled after the same step.
     */
    private static List<BotControl> crashJournal() {
        return List.of(placedAfterFirstStep(), BotControl.venueReport(new VenueReport.Accepted("rest-fill", "1001",
                T0 + MINUTE + 450), T0, Instant.ofEpochMilli(T0 + MINUTE + 460)));
    }

    /** The hand order of the crash test: a resting limit buy placed after the bot's first step (T0). */
    private static BotControl placedAfterFirstStep() {
        OrderRequest rest = new OrderRequest(ClientOrderId.parse("rest-fill").get(), BTC, Side.BUY, OrderType.LIMIT,
                Quantity.parse("0.5", 4).get(), Option.some(Price.parse("95.00", 2).get()), Option.none(),
                TimeInForce.GTC, false, new CorrelationId(UUID.randomUUID()));
        return BotControl.placed(rest, new OrderId(UUID.randomUUID()), T0, Instant.ofEpochMilli(T0 + MINUTE + 400));
    }

    private static LiveCandle live(long openTime, LiveCandle.Source source) {
        Price p = Price.parse("100.00", 2).get();
        return new LiveCandle(BTC, M1, new Candle(openTime, p, p, p, p, Quantity.parse("1", 4).get()), source,
                source != LiveCandle.Source.LIVE, 0);
    }

    /** The store lacks the journal's candles (the killed process had not stored them yet). */
    private static final class NoStoredCandles implements LoadCandlesQuery {
        @Override
        public Either<DomainError, CandleSeries> load(UserId reader, InstrumentId instrument, Timeframe timeframe,
                                                      TimeRange range, int limit) {
            return loadShared(instrument, timeframe, range, limit);
        }

        @Override
        public Either<DomainError, CandleSeries> loadShared(InstrumentId instrument, Timeframe timeframe,
                                                            TimeRange range, int limit) {
            return Either.right(new CandleSeries(new Instrument(BTC, new Price(1, 2), new Quantity(1, 4)), timeframe,
                    new CandleBatch(2, 4, 1), Option.none()));
        }
    }
}
