package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.CreateBotCommand;
import io.cryptobot.bot.application.port.in.CreateBotUseCase;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.bot.ReplayFeedSpec;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.marketdata.application.port.in.GetInstrumentQuery;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Validation;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import io.cryptobot.exchange.application.port.in.AccountsUseCase;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.AccountKind;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserLimits;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Text;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.domain.GenericCsvParser;
import io.cryptobot.marketdata.domain.Replay;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.risk.application.port.in.RiskLimitsUseCase;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a new bot against the strategy catalog, the owner's paper account (it must hold the instrument's quote
 * currency, the bot's starting cash), its feed (a replay needs stored candles in its range; a live feed needs its
 * venue's live candles at its timeframe on this instance) and the owner's limits (the stricter of each pair
 * applying), all at once; then stores it, created, unless the owner already has as many bots that are not
 * stopped or completed as {@link UserLimits#bots()} allows (counted and inserted under the owner's lock).
 */
@ApplicationScoped
class CreateBotService implements CreateBotUseCase {
    static final int MAX_NAME = 100;
    /** The largest budget of a bot on a live account: the largest balance a paper account may start with. */
    static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000000");
    /** The significant digits a bot's cash may have: every such amount fits the long of a {@link Money}. */
    static final int MAX_CASH_DIGITS = 18;
    /** The bots that count against the limit: every one not stopped or completed (a failed one can run again). */
    static final java.util.Set<BotStatus> DEFINED = java.util.EnumSet.of(BotStatus.CREATED, BotStatus.RUNNING,
            BotStatus.PAUSED, BotStatus.FAILED);
    private final BotStorePort store;
    private final AccountsUseCase accounts;
    private final LoadCandlesQuery candles;
    private final RiskLimitsUseCase limits;
    private final GetInstrumentQuery instruments;
    private final SubscribeLiveCandlesUseCase live;
    private final Limit bots;
    private final OwnerLocks locks;
    private final Clock clock;

    CreateBotService(BotStorePort store, AccountsUseCase accounts, LoadCandlesQuery candles,
                     RiskLimitsUseCase limits, GetInstrumentQuery instruments, SubscribeLiveCandlesUseCase live,
                     UserLimits userLimits, OwnerLocks locks, Clock clock) {
        this.instruments = instruments;
        this.live = live;
        this.bots = userLimits.bots();
        this.locks = locks;
        this.store = store;
        this.accounts = accounts;
        this.candles = candles;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, Bot> create(UserId owner, CreateBotCommand c) {
        List<Violation> found = List.empty();
        io.vavr.control.Validation<Violation, String> checkedName = Text.name("name", c.name(), MAX_NAME);
        String name = checkedName.getOrElse("");
        if (checkedName.isInvalid()) {
            found = found.append(checkedName.getError());
        }
        Option<StrategyDefinition> definition = Option.of(c.strategy()).flatMap(StrategyCatalog::find);
        Map<String, String> parameters = c.parameters() == null ? Map.of() : new LinkedHashMap<>(c.parameters());
        if (definition.isEmpty()) {
            found = found.append(new Violation("strategy", c.strategy() == null || c.strategy().isBlank() ? "is missing"
                    : "unknown strategy '" + c.strategy() + "'; known: "
                    + StrategyCatalog.builtIns().map(StrategyDefinition::id).mkString(", ")));
        } else {
            found = found.appendAll(definition.get().validate(parameters).fold(
                    v -> v.map(p -> new Violation("parameters." + p.field(), p.reason())), ok -> List.empty()));
        }
        Validation<io.vavr.collection.Seq<Violation>, Option<Sizing>> sizing = EntrySizing.parse(c.sizing());
        if (sizing.isInvalid()) {
            found = found.appendAll(sizing.getError());
        } else if (definition.isDefined()) {
            found = found.appendAll(definition.get().checkSizing(sizing.get(), parameters));
        }
        Either<String, InstrumentId> instrument = InstrumentId.parse(c.instrument() == null ? "" : c.instrument().strip());
        found = found.appendAll(instrument.swap().map(r -> new Violation("instrument", r)));
        Option<Timeframe> timeframe = Option.of(c.timeframe()).flatMap(Timeframe::parse);
        if (timeframe.isEmpty()) {
            found = found.append(new Violation("timeframe", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d "
                    + "1w 1M, got '" + c.timeframe() + "'"));
        }
        String kind = c.feedKind() == null || c.feedKind().isBlank() ? ReplayFeedSpec.KIND : c.feedKind().strip();
        boolean live = LiveFeedSpec.KIND.equals(kind);
        boolean knownKind = live || ReplayFeedSpec.KIND.equals(kind);
        if (!knownKind) {
            found = found.append(new Violation("feed.kind", "must be replay (stored candles) or live (the "
                    + "venue's live candles)"));
        }
        Either<String, Long> from = live ? Either.right(0L) : time(c.from());
        Either<String, Long> to = live ? Either.right(1L) : time(c.to());
        Either<String, Long> speed = live ? Either.right(1L) : speed(c.speed());
        if (live) {
            Map<String, String> replayOnly = new LinkedHashMap<>();
            replayOnly.put("from", c.from());
            replayOnly.put("to", c.to());
            replayOnly.put("speed", c.speed());
            for (Map.Entry<String, String> given : replayOnly.entrySet()) {
                if (given.getValue() != null && !given.getValue().isBlank()) {
                    found = found.append(new Violation(given.getKey(), "a live feed starts at the next candle to "
                            + "close and never ends: from, to and speed are for replays"));
                }
            }
        } else if (knownKind) {
            found = found.appendAll(from.swap().map(r -> new Violation("from", r)));
            found = found.appendAll(to.swap().map(r -> new Violation("to", r)));
            if (from.isRight() && to.isRight() && from.get() >= to.get()) {
                found = found.append(new Violation("to", "must be after from"));
            }
            found = found.appendAll(speed.swap().map(r -> new Violation("speed", r)));
        }
        var costs = VenueCosts.parse(c.makerFee(), c.takerFee(), c.slippageBps(), c.maxVolumeShare());
        if (costs.isInvalid()) {
            found = found.appendAll(costs.getError());
        }
        Option<ExchangeAccount> account = AccountId.parse(c.accountId()).flatMap(id -> accounts.get(owner, id).toOption());
        Option<Money> budget = Option.none();
        if (account.isEmpty()) {
            found = found.append(new Violation("accountId", "no account " + c.accountId() + " of yours"));
        } else if (account.get().kind() == AccountKind.LIVE) {
            List<Violation> liveProblems = liveAccountProblems(account.get(), c, instrument, live);
            found = found.appendAll(liveProblems);
            // a malformed instrument is reported on its own (the budget is in its quote; it was a 500 here)
            if (liveProblems.isEmpty() && instrument.isRight()) {
                budget = Option.some(Money.of(budget(c.budget()).get(), instrument.get().quote()));
            }
        } else if (instrument.isRight() && !heldAsCash(account.get().startingBalances().get(instrument.get().quote()))) {
            found = found.append(new Violation("accountId", "the account's "
                    + account.get().startingBalances().get(instrument.get().quote()).toPlainString() + " "
                    + instrument.get().quote() + " has more digits than a bot's cash holds (at most "
                    + MAX_CASH_DIGITS + " significant digits)"));
        } else if (instrument.isRight() && startingCash(account.get(), instrument.get().quote()).isEmpty()) {
            found = found.append(new Violation("accountId", "the account holds no " + instrument.get().quote()
                    + " to trade " + instrument.get() + " with"));
        }
        Option<Money> cash = budget.orElse(() -> account.flatMap(a -> instrument.toOption()
                .flatMap(i -> startingCash(a, i.quote()))));
        if (found.isEmpty()) {
            found = found.appendAll(scaleLimits(instrument.get(), cash.get(), sizing.get()));
        }
        if (found.isEmpty() && live) {
            found = found.appendAll(liveFeedProblems(instrument.get(), timeframe.get()));
        } else if (found.isEmpty()) {
            boolean any = candles.load(owner, instrument.get(), timeframe.get(), new TimeRange(from.get(), to.get()), 1)
                    .map(series -> !series.candles().isEmpty()).getOrElse(false);
            if (!any) {
                found = found.append(new Violation("instrument", "no " + timeframe.get().code() + " candles of "
                        + instrument.get() + " in [from, to) to replay"));
            }
        }
        RiskLimits riskLimits = RiskLimits.none();
        if (instrument.isRight()) {
            var own = (c.limits() == null ? LimitsInput.NONE : c.limits()).parse(instrument.get().quote());
            if (own.isInvalid()) {
                found = found.appendAll(own.getError().map(v -> new Violation("limits." + v.field(), v.reason())));
            } else {
                RiskLimits users = limitsIn(owner, instrument.get().quote());
                if (account.isDefined() && account.get().kind() == AccountKind.LIVE) {
                    found = found.appendAll(liveLimitProblems(own.get(), users));
                }
                riskLimits = users.tighterOf(own.get());
            }
        }
        if (!found.isEmpty()) {
            return Either.left(BotErrors.invalid(found));
        }
        Instant now = clock.now();
        Bot bot = Bot.newBot(new BotId(UUID.randomUUID()), owner, name, definition.get().id(), parameters,
                instrument.get(), timeframe.get(), account.get().id().value(),
                cash.get(), riskLimits, costs.get(), sizing.get(),
                live ? LiveFeedSpec.fromNextCandle() : new ReplayFeedSpec(from.get(), to.get(), speed.get()), now);
        return locks.serialized(owner, () -> {
            if (!bots.admitsOneMore(store.count(owner, DEFINED))) {
                return Either.left(BotErrors.tooMany(bots));
            }
            if (!store.insert(bot, new BotControl(BotControl.Kind.CREATED, Long.MIN_VALUE, "created", now))) {
                return Either.left(BotErrors.nameTaken(name));
            }
            if (account.get().kind() == AccountKind.LIVE && Boolean.TRUE.equals(c.allowWithdrawalKey())) {
                store.addControl(bot.id(), new BotControl(BotControl.Kind.WITHDRAWAL_KEY_ACCEPTED, Long.MIN_VALUE,
                        "the owner accepted trading with keys of account " + account.get().id().value()
                                + " that may withdraw", now));
            }
            return Either.right(bot);
        });
    }

    /**
     * What the instrument's scales refuse (an instrument the catalog does not know is refused here too): a
     * starting cash (the account's balance of the quote) its quote scale cannot hold, as it would overflow in the
     * first fill, and a fixed sizing quantity off its step grid.
     */
    private List<Violation> scaleLimits(InstrumentId id, Money cash, Option<Sizing> sizing) {
        Either<DomainError, Instrument> known = instruments.get(id);
        if (known.isLeft()) {
            return List.of(new Violation("instrument", "unknown instrument " + id));
        }
        Instrument instrument = known.get();
        InstrumentRules rules = new InstrumentRules(id, instrument.tickSize(), instrument.stepSize());
        List<Violation> found = List.empty();
        BigDecimal largest = rules.largestStartingCash();
        if (cash.toBigDecimal().compareTo(largest) > 0) {
            found = found.append(new Violation("accountId", "the account's " + cash + " is more than the scales of "
                    + id + " can trade with, with room for equity to grow " + InstrumentRules.GROWTH_ROOM
                    + " times (tick " + instrument.tickSize() + ", step " + instrument.stepSize()
                    + "); the largest starting cash accepted is " + largest.toPlainString()));
        }
        return found.appendAll(EntrySizing.fitsStep(sizing, id.toString(), instrument.stepSize(),
                rules.largestQuantity()));
    }

    /** Why this instance cannot feed the instrument's live candles at this timeframe (its venue, the timeframe). */
    private List<Violation> liveFeedProblems(InstrumentId instrument, Timeframe timeframe) {
        return live.check(LiveCandleRequest.fromNow(instrument, timeframe)).fold(problem -> switch (problem) {
            case DomainError.Invalid invalid -> List.ofAll(invalid.violations());
            default -> List.of(new Violation("instrument", problem.detail() + "; a live bot needs its venue's live "
                    + "candles (replay stored candles instead)"));
        }, ok -> List.empty());
    }

    /** The owner's limits apply when they are kept in the bot's quote currency (or name none). */
    private RiskLimits limitsIn(UserId owner, Asset quote) {
        RiskLimits set = limits.limits(owner);
        return set.currency().forAll(quote::equals) ? set : RiskLimits.none();
    }

    /**
     * What a bot on a live account needs: the owner's explicit confirmation, the venue's live candles, an instrument
     * of the account's venue and a positive budget in the instrument's quote (the bot's ledger starts with it; the
     * rest of the venue account is not the bot's and shows as a balance difference in reconciliation).
     */
    private static List<Violation> liveAccountProblems(ExchangeAccount account, CreateBotCommand c,
                                                       Either<String, InstrumentId> instrument, boolean liveFeed) {
        List<Violation> found = List.empty();
        if (!Boolean.TRUE.equals(c.confirmLive())) {
            found = found.append(new Violation("confirmLive", "account " + account.id().value() + " is a live "
                    + account.venue().code() + " account: its bot trades real money; set confirmLive to true"));
        }
        if (!liveFeed) {
            found = found.append(new Violation("feed.kind", "a bot on a live account follows the venue's live "
                    + "candles: live"));
        }
        if (instrument.isRight() && !instrument.get().venue().equals(account.venue())) {
            found = found.append(new Violation("instrument", instrument.get() + " is not on the account's venue "
                    + account.venue().code()));
        }
        found = found.appendAll(budget(c.budget()).swap().map(reason -> new Violation("budget", reason)));
        return found;
    }

    /**
     * A live bot's budget: a positive decimal with at most {@link FixedPoint#MAX_SCALE} decimals and no larger than
     * {@link #MAX_BUDGET}, the bounds of a paper account's balance (a larger or finer amount cannot be held as the
     * ledger's fixed-point cash: 1e300 or 25 nines were a 500).
     */
    static Either<String, BigDecimal> budget(String text) {
        if (text == null || text.isBlank()) {
            return Either.left("is missing: the amount of the quote the bot may trade with on the live account");
        }
        BigDecimal value;
        try {
            value = FixedPoint.decimal(text.strip());
        } catch (NumberFormatException e) {
            return Either.left("must be a decimal number, got '"
                    + (text.length() <= 40 ? text : text.substring(0, 40) + "...") + "'");
        }
        if (value.signum() <= 0) {
            return Either.left("must be positive");
        }
        if (value.compareTo(MAX_BUDGET) > 0) {
            return Either.left("must be at most " + MAX_BUDGET.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > FixedPoint.MAX_SCALE) {
            return Either.left("must have at most " + FixedPoint.MAX_SCALE + " decimals");
        }
        if (!heldAsCash(value)) {
            return Either.left("must have at most " + MAX_CASH_DIGITS + " significant digits");
        }
        return Either.right(value);
    }

    /**
     * Whether {@code amount} can be a bot's cash: a fixed-point {@link Money} holds its digits in a long, at the
     * amount's own scale (999999999999.123456789012, a paper balance within its bounds, overflowed it: a 500).
     */
    static boolean heldAsCash(BigDecimal amount) {
        if (amount == null) {
            return true;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.setScale(Math.max(plain.scale(), 0)).unscaledValue().bitLength() < 63
                && plain.precision() <= MAX_CASH_DIGITS;
    }

    /**
     * A bot on a live account has its own max order notional and max daily loss, neither looser than the owner's
     * (where the owner keeps one): real money is never traded under a limit wider than the one its owner set.
     */
    private static List<Violation> liveLimitProblems(RiskLimits own, RiskLimits users) {
        List<Violation> found = List.empty();
        found = found.appendAll(notLooser("limits.maxOrderNotional", "max order notional", own.maxOrderNotional(),
                users.maxOrderNotional()));
        found = found.appendAll(notLooser("limits.maxDailyLoss", "max daily loss", own.maxDailyLoss(),
                users.maxDailyLoss()));
        return found;
    }

    private static List<Violation> notLooser(String field, String what, Option<Money> own, Option<Money> users) {
        if (own.isEmpty()) {
            return List.of(new Violation(field, "is required on a live account: the bot's own " + what
                    + users.map(u -> " (yours is " + u.toBigDecimal().stripTrailingZeros().toPlainString() + ")")
                    .getOrElse("")));
        }
        if (users.isDefined() && own.get().toBigDecimal().compareTo(users.get().toBigDecimal()) > 0) {
            return List.of(new Violation(field, own.get().toBigDecimal().stripTrailingZeros().toPlainString()
                    + " is looser than your own " + what + " of "
                    + users.get().toBigDecimal().stripTrailingZeros().toPlainString()
                    + "; a bot on a live account cannot trade under a wider limit than yours"));
        }
        return List.empty();
    }

    private static Option<Money> startingCash(ExchangeAccount account, Asset quote) {
        BigDecimal amount = account.startingBalances().get(quote);
        if (amount == null || amount.signum() <= 0 || !heldAsCash(amount)) {
            return Option.none();
        }
        return Option.some(Money.of(amount, quote));
    }

    private static Either<String, Long> time(String text) {
        return text == null || text.isBlank() ? Either.left("is missing") : GenericCsvParser.timestamp(text.strip());
    }

    private static Either<String, Long> speed(String text) {
        if (text == null || text.isBlank()) {
            return Either.right(60L);
        }
        try {
            long value = Long.parseLong(text.strip());
            return Replay.checkedSpeed(value).toEither().mapLeft(v -> v.head().reason());
        } catch (NumberFormatException e) {
            return Either.left("must be a whole number, got '" + text + "'");
        }
    }
}
