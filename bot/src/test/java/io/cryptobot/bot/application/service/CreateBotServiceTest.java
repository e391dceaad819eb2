package io.cryptobot.bot.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.application.port.in.CreateBotCommand;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.bot.ReplayFeedSpec;
import io.cryptobot.exchange.application.port.in.AccountsUseCase;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.risk.application.port.in.RiskLimitsUseCase;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateBotServiceTest {
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instrument BTC = Instrument.define("SIM", "BTC", "USDT", "0.01", "0.0001").get();
    // one stored 1h candle, opening 2024-01-01T05:00Z: a replay of January 1st has something to play
    private static final long CANDLE_AT = Instant.parse("2024-01-01T05:00:00Z").toEpochMilli();

    private final ExchangeAccount paper = ExchangeAccount.paper(new AccountId(UUID.randomUUID()), OWNER, "paper",
            Map.of("USDT", "1000"), NOW).get();
    private final InMemoryBotStore store = new InMemoryBotStore();
    private final CreateBotService service = new CreateBotService(store, new OwnersAccounts(paper), candles(),
            new NoLimits(), id -> id.equals(BTC.id()) ? Either.right(BTC)
                    : Either.left(new DomainError.NotFound("marketdata.instrument_not_found", "unknown " + id)),
            new LiveCandlesOf(BTC.id()), UserLimits.defaults(), new OwnerLocks(), () -> NOW);

    private CreateBotCommand command(String name, String accountId) {
        return new CreateBotCommand(name, "manual", Map.of(), "SIM:BTC/USDT", "1h", accountId,
                null, "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", null, null, null, null, null, null, null);
    }

    @Test
    void a_bot_is_stored_created_with_the_accounts_quote_balance_as_its_starting_cash() {
        Bot bot = service.create(OWNER, command("  first  ", paper.id().value().toString())).get();

        assertThat(bot.name()).isEqualTo("first");
        assertThat(bot.status()).isEqualTo(BotStatus.CREATED);
        assertThat(bot.startingCash().toBigDecimal()).isEqualByComparingTo("1000");
        assertThat(((ReplayFeedSpec) bot.feed()).speed()).isEqualTo(60);
        assertThat(store.load(OWNER, bot.id()).isDefined()).isTrue();
        assertThat(store.controls(bot.id())).extracting(BotControl::kind).containsExactly(BotControl.Kind.CREATED);
    }

    @Test
    void every_problem_is_named_at_once_and_nothing_is_stored() {
        var refused = service.create(OWNER, new CreateBotCommand("", "nope", null, "SIM:BTC/USDT", "7m",
                UUID.randomUUID().toString(), null, null, "2024-01-02T00:00:00Z", "x", null, null, null, null, null, null));

        assertThat(((DomainError.Invalid) refused.getLeft()).violations()).extracting(Violation::field)
                .containsExactly("name", "strategy", "timeframe", "from", "speed", "accountId");
        assertThat(store.list(OWNER, new PageRequest(0, 10)).total()).isZero();
    }

    @Test
    void a_replay_without_stored_candles_is_refused_naming_the_instrument() {
        var refused = service.create(OWNER, new CreateBotCommand("empty", "manual", Map.of(), "SIM:BTC/USDT", "1h",
                paper.id().value().toString(), null, "2024-02-01T00:00:00Z", "2024-02-02T00:00:00Z", null, null, null,
                null, null, null, null));

        assertThat(((DomainError.Invalid) refused.getLeft()).violations()).containsExactly(new Violation("instrument",
                "no 1h candles of SIM:BTC/USDT in [from, to) to replay"));
    }

    @Test
    void a_live_bot_needs_no_stored_candles_and_starts_without_a_start_until_its_first_candle() {
        Bot bot = service.create(OWNER, new CreateBotCommand("live", "manual", Map.of(), "SIM:BTC/USDT", "1m",
                paper.id().value().toString(), "live", null, null, null, null, null, null, null, null, null)).get();

        assertThat(bot.feed()).isEqualTo(LiveFeedSpec.fromNextCandle());
        assertThat(bot.feed().tradingStart()).isEmpty();
    }

    @Test
    void a_live_feed_refuses_replay_fields_a_timeframe_its_venue_does_not_stream_and_unknown_kinds() {
        var withReplayFields = service.create(OWNER, new CreateBotCommand("live", "manual", Map.of(), "SIM:BTC/USDT",
                "1m", paper.id().value().toString(), "live", "2024-01-01T00:00:00Z", null, "600", null, null, null,
                null, null, null));
        var notStreamed = service.create(OWNER, new CreateBotCommand("live", "manual", Map.of(), "SIM:BTC/USDT",
                "1w", paper.id().value().toString(), "live", null, null, null, null, null, null, null, null, null));
        var unknown = service.create(OWNER, new CreateBotCommand("live", "manual", Map.of(), "SIM:BTC/USDT",
                "1m", paper.id().value().toString(), "websocket", null, null, null, null, null, null, null, null,
                null));

        assertThat(((DomainError.Invalid) withReplayFields.getLeft()).violations()).extracting(Violation::field)
                .containsExactly("from", "speed");
        assertThat(((DomainError.Invalid) notStreamed.getLeft()).violations()).containsExactly(
                new Violation("timeframe", "SIM streams 1m, not 1w"));
        assertThat(((DomainError.Invalid) unknown.getLeft()).violations()).extracting(Violation::field)
                .containsExactly("feed.kind");
        assertThat(store.list(OWNER, new PageRequest(0, 10)).total()).isZero();
    }

    @Test
    void a_name_the_owner_already_uses_is_a_conflict() {
        service.create(OWNER, command("twin", paper.id().value().toString()));

        var again = service.create(OWNER, command("twin", paper.id().value().toString()));

        assertThat(again.getLeft()).isInstanceOf(DomainError.Conflict.class);
        assertThat(store.list(OWNER, new PageRequest(0, 10)).total()).isEqualTo(1);
    }

    @Test
    void the_history_of_another_users_bot_is_not_found() {
        Bot bot = service.create(OWNER, command("mine", paper.id().value().toString())).get();
        BotEventsService history = new BotEventsService(new Bots(store), store);

        assertThat(history.events(OWNER, bot.id()).get()).hasSize(1);
        assertThat(history.events(new UserId(UUID.randomUUID()), bot.id()).getLeft())
                .isInstanceOf(DomainError.NotFound.class);
    }

    private static LoadCandlesQuery candles() {
        return new LoadCandlesQuery() {
            @Override
            public Either<DomainError, CandleSeries> load(UserId reader, InstrumentId instrument, Timeframe timeframe,
                                                          TimeRange range, int limit) {
                return loadShared(instrument, timeframe, range, limit);
            }

            @Override
            public Either<DomainError, CandleSeries> loadShared(InstrumentId instrument, Timeframe timeframe,
                                                                TimeRange range, int limit) {
                CandleBatch batch = new CandleBatch(2, 4, 1);
                if (instrument.equals(BTC.id()) && range.from() <= CANDLE_AT && CANDLE_AT < range.to()) {
                    batch.accept(new Candle(CANDLE_AT, new Price(100, 2), new Price(100, 2), new Price(100, 2),
                            new Price(100, 2), new Quantity(1, 4)));
                }
                return Either.right(new CandleSeries(BTC, timeframe, batch, Option.none()));
            }
        };
    }

    @Test
    void a_bot_on_a_live_account_needs_the_owners_confirmation_a_live_feed_and_a_budget() {
        ExchangeAccount live = new ExchangeAccount(new AccountId(UUID.randomUUID()), OWNER, "binance",
                io.cryptobot.exchange.domain.account.AccountKind.LIVE, new io.cryptobot.kernel.domain.Venue("SIM"),
                Map.of(), Option.some(new ExchangeAccount.StoredCredentials(
                        new io.cryptobot.exchange.domain.account.SealedSecret(new byte[12], new byte[16]),
                        new io.cryptobot.exchange.domain.account.SealedSecret(new byte[12], new byte[16]),
                        Option.none(), "ab…yz")), NOW);
        CreateBotService onLive = new CreateBotService(store, new OwnersAccounts(live), candles(), new NoLimits(),
                id -> Either.right(BTC), new LiveCandlesOf(BTC.id()), UserLimits.defaults(), new OwnerLocks(),
                () -> NOW);
        String account = live.id().value().toString();
        var unconfirmed = onLive.create(OWNER, new CreateBotCommand("real", "manual", Map.of(), "SIM:BTC/USDT", "1h",
                account, null, "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", null, null, null, null, null, null,
                null, null, null, null));
        assertThat(((DomainError.Invalid) unconfirmed.getLeft()).violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("confirmLive", "feed.kind", "budget", "limits.maxOrderNotional",
                        "limits.maxDailyLoss");
        var badBudget = onLive.create(OWNER, new CreateBotCommand("real", "manual", Map.of(), "SIM:BTC/USDT", "1m",
                account, "live", null, null, null, null, null, null, null, LIVE_LIMITS, null, "-5", true, null));
        assertThat(((DomainError.Invalid) badBudget.getLeft()).violations()).extracting(Violation::field)
                .containsExactly("budget");
        var noLimits = onLive.create(OWNER, new CreateBotCommand("real", "manual", Map.of(), "SIM:BTC/USDT", "1m",
                account, "live", null, null, null, null, null, null, null, null, null, "250.50", true, true));
        assertThat(((DomainError.Invalid) noLimits.getLeft()).violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("limits.maxOrderNotional", "limits.maxDailyLoss");
        Bot bot = onLive.create(OWNER, new CreateBotCommand("real", "manual", Map.of(), "SIM:BTC/USDT", "1m",
                account, "live", null, null, null, null, null, null, null, LIVE_LIMITS, null, "250.50", true,
                true)).get();
        assertThat(bot.startingCash().toBigDecimal()).isEqualByComparingTo("250.50");
        assertThat(store.controls(bot.id())).extracting(BotControl::kind)
                .containsExactly(BotControl.Kind.CREATED, BotControl.Kind.WITHDRAWAL_KEY_ACCEPTED);
        assertThat(bot.accountId()).isEqualTo(live.id().value());
    }

    private static final LimitsInput LIVE_LIMITS = new LimitsInput("100", null, null, "50", null, null, null);

    @Test
    void a_live_bots_limits_may_not_be_looser_than_its_owners() {
        ExchangeAccount live = new ExchangeAccount(new AccountId(UUID.randomUUID()), OWNER, "binance",
                io.cryptobot.exchange.domain.account.AccountKind.LIVE, new io.cryptobot.kernel.domain.Venue("SIM"),
                Map.of(), Option.some(new ExchangeAccount.StoredCredentials(
                        new io.cryptobot.exchange.domain.account.SealedSecret(new byte[12], new byte[16]),
                        new io.cryptobot.exchange.domain.account.SealedSecret(new byte[12], new byte[16]),
                        Option.none(), "ab…yz")), NOW);
        RiskLimits users = new LimitsInput("80", null, null, "60", null, null, null).parse(BTC.id().quote()).get();
        RiskLimitsUseCase strict = new NoLimits() {
            @Override
            public RiskLimits limits(UserId owner) {
                return users;
            }
        };
        CreateBotService onLive = new CreateBotService(store, new OwnersAccounts(live), candles(), strict,
                id -> Either.right(BTC), new LiveCandlesOf(BTC.id()), UserLimits.defaults(), new OwnerLocks(),
                () -> NOW);
        var looser = onLive.create(OWNER, new CreateBotCommand("real", "manual", Map.of(), "SIM:BTC/USDT", "1m",
                live.id().value().toString(), "live", null, null, null, null, null, null, null, LIVE_LIMITS, null,
                "250", true, null));
        assertThat(((DomainError.Invalid) looser.getLeft()).violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("limits.maxOrderNotional");
            assertThat(v.reason()).startsWith("100 is looser than your own max order notional of 80");
        });
    }

    /** The owner's paper account; another user's (or an unknown) account is not found, as the real use case says. */
    private record OwnersAccounts(ExchangeAccount account) implements AccountsUseCase {
        @Override
        public Either<DomainError, ExchangeAccount> get(UserId caller, AccountId id) {
            return caller.equals(account.owner()) && id.equals(account.id()) ? Either.right(account)
                    : Either.left(new DomainError.NotFound("exchange.account.not_found", "no account " + id));
        }

        @Override
        public Either<DomainError, ExchangeAccount> openPaper(UserId owner, String name, Map<String, String> b) {
            throw new UnsupportedOperationException("not a use case of bot creation");
        }

        @Override
        public Either<DomainError, ExchangeAccount> connect(UserId owner, String name, String venue, String apiKey,
                                                            String secret, String passphrase) {
            throw new UnsupportedOperationException("not a use case of bot creation");
        }

        @Override
        public Page<ExchangeAccount> list(UserId caller, PageRequest page) {
            throw new UnsupportedOperationException("not a use case of bot creation");
        }

        @Override
        public Either<DomainError, ExchangeAccount> remove(UserId caller, AccountId id) {
            throw new UnsupportedOperationException("not a use case of bot creation");
        }
    }

    /** Live candles of one instrument, 1m only, as the live feed service checks a request; never subscribed here. */
    private record LiveCandlesOf(InstrumentId streamed) implements SubscribeLiveCandlesUseCase {
        @Override
        public Either<DomainError, LiveSubscription> subscribe(LiveCandleRequest request,
                                                                LiveCandleSubscriber subscriber) {
            throw new UnsupportedOperationException("creating a bot subscribes to nothing");
        }

        @Override
        public Either<DomainError, LiveCandleRequest> check(LiveCandleRequest request) {
            if (!request.instrument().equals(streamed)) {
                return Either.left(new DomainError.Refused("marketdata.live.venue_unavailable", "no live data"));
            }
            return request.timeframe() == Timeframe.M1 ? Either.right(request)
                    : Either.left(new DomainError.Invalid("marketdata.invalid_input", "1 invalid field",
                    java.util.List.of(new Violation("timeframe", "SIM streams 1m, not " + request.timeframe().code()))));
        }
    }

    private static class NoLimits implements RiskLimitsUseCase {
        @Override
        public RiskLimits limits(UserId owner) {
            return RiskLimits.none();
        }

        @Override
        public Either<DomainError, RiskLimits> replace(UserId owner, String currency, LimitsInput input) {
            throw new UnsupportedOperationException("not a use case of bot creation");
        }
    }
}
