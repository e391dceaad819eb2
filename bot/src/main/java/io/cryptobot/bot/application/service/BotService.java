package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.AuditChain;
import io.cryptobot.bot.application.port.in.AuditTrailQuery;
import io.cryptobot.bot.application.port.in.BotPerformance;
import io.cryptobot.bot.application.port.in.BotPerformanceQuery;
import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.application.port.in.PortfolioSummary;
import io.cryptobot.bot.application.port.in.PortfolioSummaryQuery;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.metrics.EquityCurve;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import io.cryptobot.portfolio.domain.metrics.TradeAnalytics;
import io.cryptobot.portfolio.domain.metrics.TradeResult;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase;
import io.cryptobot.risk.domain.BlockEvent;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import io.cryptobot.bot.application.port.in.BotPortfolioQuery;
import io.cryptobot.bot.application.port.in.BotsUseCase;
import io.cryptobot.bot.application.port.in.CreateBotCommand;
import io.cryptobot.bot.application.port.in.FollowKillSwitchUseCase;
import io.cryptobot.risk.application.port.in.TradingControlUseCase;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.port.in.SessionOrdersUseCase;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.bot.domain.bot.ReplayFeedSpec;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
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
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Text;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.domain.GenericCsvParser;
import io.cryptobot.marketdata.domain.Replay;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.Position;
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
 * Paper bots: checks and stores new ones, moves them through their life (the live ones through the
 * {@link BotRunner}), and rebuilds a bot's account from its stored fills for its portfolio.
 */
@ApplicationScoped
class BotService implements BotsUseCase, BotPortfolioQuery, ResumeLiveBotsUseCase, FollowKillSwitchUseCase,
        SessionOrdersUseCase, AuditTrailQuery, BotPerformanceQuery, PortfolioSummaryQuery {
    static final int MAX_NAME = 100;
    private final BotStorePort store;
    private final BotRunner runner;
    private final AccountsUseCase accounts;
    private final LoadCandlesQuery candles;
    private final RiskLimitsUseCase limits;
    private final OrderQueries orders;
    private final TradingControlUseCase trading;
    private final BlockEventsUseCase blocks;
    private final Clock clock;

    BotService(BotStorePort store, BotRunner runner, AccountsUseCase accounts, LoadCandlesQuery candles,
               RiskLimitsUseCase limits, OrderQueries orders, TradingControlUseCase trading,
               BlockEventsUseCase blocks, Clock clock) {
        this.blocks = blocks;
        this.trading = trading;
        this.store = store;
        this.runner = runner;
        this.accounts = accounts;
        this.candles = candles;
        this.limits = limits;
        this.orders = orders;
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
        Either<String, InstrumentId> instrument = InstrumentId.parse(c.instrument() == null ? "" : c.instrument().strip());
        found = found.appendAll(instrument.swap().map(r -> new Violation("instrument", r)));
        Option<Timeframe> timeframe = Option.of(c.timeframe()).flatMap(Timeframe::parse);
        if (timeframe.isEmpty()) {
            found = found.append(new Violation("timeframe", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d "
                    + "1w 1M, got '" + c.timeframe() + "'"));
        }
        Either<String, Long> from = time(c.from());
        Either<String, Long> to = time(c.to());
        found = found.appendAll(from.swap().map(r -> new Violation("from", r)));
        found = found.appendAll(to.swap().map(r -> new Violation("to", r)));
        if (from.isRight() && to.isRight() && from.get() >= to.get()) {
            found = found.append(new Violation("to", "must be after from"));
        }
        Either<String, Long> speed = speed(c.speed());
        found = found.appendAll(speed.swap().map(r -> new Violation("speed", r)));
        var costs = VenueCosts.parse(c.makerFee(), c.takerFee(), c.slippageBps(), c.maxVolumeShare());
        if (costs.isInvalid()) {
            found = found.appendAll(costs.getError());
        }
        Option<ExchangeAccount> account = AccountId.parse(c.accountId()).flatMap(id -> accounts.get(owner, id).toOption());
        if (account.isEmpty()) {
            found = found.append(new Violation("accountId", "no paper account " + c.accountId() + " of yours"));
        } else if (account.get().kind() != AccountKind.PAPER) {
            found = found.append(new Violation("accountId", "bots trade on paper accounts only (live trading comes later)"));
        } else if (instrument.isRight() && startingCash(account.get(), instrument.get().quote()).isEmpty()) {
            found = found.append(new Violation("accountId", "the account holds no " + instrument.get().quote()
                    + " to trade " + instrument.get() + " with"));
        }
        if (found.isEmpty()) {
            boolean any = candles.load(instrument.get(), timeframe.get(), new TimeRange(from.get(), to.get()), 1)
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
                riskLimits = limitsIn(owner, instrument.get().quote()).tighterOf(own.get());
            }
        }
        if (!found.isEmpty()) {
            return Either.left(BotErrors.invalid(found));
        }
        Instant now = clock.now();
        Bot bot = Bot.newBot(new BotId(UUID.randomUUID()), owner, name, definition.get().id(), parameters,
                instrument.get(), timeframe.get(), account.get().id().value(),
                startingCash(account.get(), instrument.get().quote()).get(), riskLimits, costs.get(),
                new ReplayFeedSpec(from.get(), to.get(), speed.get()), now);
        return store.insert(bot, new BotControl(BotControl.Kind.CREATED, Long.MIN_VALUE, "created", now)) ? Either.right(bot) : Either.left(BotErrors.nameTaken(name));
    }

    /** The owner's limits apply when they are kept in the bot's quote currency (or name none). */
    private RiskLimits limitsIn(UserId owner, Asset quote) {
        RiskLimits set = limits.limits(owner);
        return set.currency().forAll(quote::equals) ? set : RiskLimits.none();
    }

    private static Option<Money> startingCash(ExchangeAccount account, Asset quote) {
        BigDecimal amount = account.startingBalances().get(quote);
        if (amount == null || amount.signum() <= 0) {
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

    @Override
    public void follow(UserTradingStateChanged changed) {
        for (Bot bot : store.liveOf(changed.owner())) {
            runner.applyTradingState(bot, changed.change().to(), changed.change().reason());
        }
    }

    @Override
    public Either<DomainError, SessionOrdersUseCase.SessionPlacement> place(UserId owner,
            UUID accountId, OrderRequest request) {
        return liveSession(owner, accountId).flatMap(bot -> {
            if (!bot.instrument().equals(request.instrument())) {
                return Either.left(BotErrors.invalid(List.of(new Violation("instrument", "the session of account "
                        + accountId + " trades " + bot.instrument() + ", not " + request.instrument()))));
            }
            return runner.place(bot, request);
        });
    }

    @Override
    public Either<DomainError, io.cryptobot.order.application.port.in.OrderView> cancel(UserId owner, UUID accountId,
                                                                                        OrderId order) {
        return liveSession(owner, accountId).flatMap(bot -> runner.cancel(bot, order));
    }

    /** The live bot on one of the owner's paper accounts: its session is the account's market. */
    private Either<DomainError, Bot> liveSession(UserId owner, UUID accountId) {
        Option<ExchangeAccount> account = accounts.get(owner, new AccountId(accountId)).toOption()
                .filter(a -> a.kind() == AccountKind.PAPER);
        if (account.isEmpty()) {
            return Either.left(BotErrors.invalid(List.of(new Violation("accountId", "no paper account " + accountId
                    + " of yours"))));
        }
        return runner.runningOn(owner, accountId)
                .orElse(() -> store.liveOnAccount(accountId).flatMap(id -> store.load(owner, id)))
                .toEither(() -> BotErrors.noLiveSession(accountId.toString()));
    }

    @Override
    public void resumeLiveBots() {
        runner.resumeAll();
    }

    @Override
    public void superviseLiveBots() {
        runner.supervise();
    }

    @Override
    public int rebuildingLiveBots() {
        return runner.rebuilding();
    }

    @Override
    public Either<DomainError, Bot> get(UserId caller, BotId id) {
        return store.load(caller, id).toEither(() -> BotErrors.notFound(id));
    }

    @Override
    public Page<Bot> list(UserId caller, PageRequest page) {
        return store.list(caller, page);
    }

    @Override
    public Either<DomainError, Bot> start(UserId caller, BotId id) {
        return get(caller, id).flatMap(bot -> bot.start(clock.now()).flatMap(started -> {
            if (trading.status(caller).state() == TradingState.HALTED) {
                return Either.left(BotErrors.tradingHalted());
            }
            Option<BotId> busy = store.liveOnAccount(bot.accountId());
            if (busy.isDefined()) {
                return Either.left(BotErrors.accountBusy(bot.accountId().toString()));
            }
            if (!store.update(started, BotStatus.CREATED, new BotControl(BotControl.Kind.STARTED, Long.MIN_VALUE,
                    "started", clock.now()))) {
                return Either.left(BotErrors.changed(id));
            }
            Either<DomainError, Bot> launched;
            try {
                launched = runner.launch(started);
            } catch (RuntimeException e) {
                failQuietly(started, "could not start: internal error");
                throw e;
            }
            if (launched.isLeft()) {
                // a refusal (too many replays, no candles any more): the bot stays created and can be started later
                started.notStarted(clock.now()).forEach(back -> store.update(back, BotStatus.RUNNING,
                        new BotControl(BotControl.Kind.START_REFUSED, Long.MIN_VALUE, launched.getLeft().detail(),
                                clock.now())));
                return Either.left(launched.getLeft());
            }
            return Either.right(launched.get());
        }));
    }

    private void failQuietly(Bot bot, String reason) {
        bot.fail(reason, clock.now()).forEach(failed -> store.update(failed, bot.status(),
                new BotControl(BotControl.Kind.FAILED, Long.MIN_VALUE, reason, clock.now())));
    }

    @Override
    public Either<DomainError, Bot> pause(UserId caller, BotId id, String reason) {
        return reasonOr(reason, "paused").flatMap(why -> get(caller, id).flatMap(bot -> bot.pause(why, clock.now())
                .flatMap(target -> runner.control(bot, target, BotControl.Kind.PAUSED, why))));
    }

    @Override
    public Either<DomainError, Bot> resume(UserId caller, BotId id) {
        return get(caller, id).flatMap(bot -> bot.status() == BotStatus.FAILED ? retry(bot)
                : bot.resume(clock.now())
                        .flatMap(target -> runner.control(bot, target, BotControl.Kind.RESUMED, "resumed")));
    }

    /**
     * A failed bot run again once its cause is fixed: live again in the store, then its session rebuilt from its
     * journal (and checked again: a rebuild that still differs fails it again, saying why).
     */
    private Either<DomainError, Bot> retry(Bot bot) {
        return bot.retry(clock.now()).flatMap(target -> {
            if (store.liveOnAccount(bot.accountId()).isDefined()) {
                return Either.left(BotErrors.accountBusy(bot.accountId().toString()));
            }
            if (!store.update(target, BotStatus.FAILED, new BotControl(BotControl.Kind.RESUMED,
                    bot.lastStep().getOrElse(Long.MIN_VALUE), "resumed after failing: "
                    + bot.statusReason().getOrElse("no reason recorded"), clock.now()))) {
                return Either.left(BotErrors.changed(bot.id()));
            }
            runner.relaunch(target, "rebuilt from its journal after it failed");
            return get(bot.owner(), bot.id());
        });
    }

    @Override
    public Either<DomainError, Bot> stop(UserId caller, BotId id, String reason) {
        return reasonOr(reason, "stopped").flatMap(why -> get(caller, id).flatMap(bot -> bot.stop(why, clock.now())
                .flatMap(target -> runner.control(bot, target, BotControl.Kind.STOPPED, why))));
    }

    /** The caller's reason under the kernel text policy, or {@code fallback} when none was given. */
    private static Either<DomainError, String> reasonOr(String reason, String fallback) {
        return Text.optional("reason", reason, Text.REASON_MAX).toEither()
                .mapLeft(violation -> BotErrors.invalid(List.of(violation)))
                .map(given -> given.getOrElse(fallback));
    }

    @Override
    public Either<DomainError, java.util.List<BotControl>> events(UserId caller, BotId id) {
        return get(caller, id).map(bot -> store.controls(bot.id()));
    }

    /** The bot's FIFO ledger rebuilt from its stored fills, in booking order; {@code booked} sees each one. */
    private Ledger ledgerOf(Bot bot, java.util.function.BiConsumer<FillView, PositionChanged> booked) {
        try {
            return BotLedger.of(bot.startingCash(), orders.fillsOfBot(bot.owner(), bot.id().value()), booked);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("bot " + bot.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Either<DomainError, AuditChain> chain(UserId caller, UUID correlationId) {
        java.util.List<OrderDetails> chain = orders.byCorrelation(caller, correlationId);
        java.util.List<BlockEvent> blocked = blocks.byCorrelation(caller, correlationId);
        if (chain.isEmpty() && blocked.isEmpty()) {
            return Either.left(new DomainError.NotFound("audit.not_found", "nothing of yours carries correlation id "
                    + correlationId));
        }
        java.util.Set<UUID> chainOrders = new java.util.HashSet<>();
        chain.forEach(o -> chainOrders.add(o.order().id()));
        java.util.List<AuditChain.PositionChange> changes = new java.util.ArrayList<>();
        chain.stream().map(o -> o.order().botId()).filter(java.util.Objects::nonNull).distinct()
                .forEach(botId -> store.load(caller, new BotId(botId)).forEach(bot -> ledgerOf(bot, (fill, changed) -> {
                    if (chainOrders.contains(fill.orderId())) {
                        changes.add(new AuditChain.PositionChange(fill.orderId(), fill.tradeId(), fill.instrument(),
                                fill.side(), fill.quantity(), changed.newQuantity(), fill.executedAt()));
                    }
                })));
        AuditChain.Origin origin = chain.isEmpty()
                ? new AuditChain.Origin("signal", blocked.get(0).botId().getOrNull(), null, blocked.get(0).occurredAt())
                : new AuditChain.Origin(BotRunner.MANUAL_TAG.equals(chain.get(0).order().tag()) ? "api" : "signal",
                        chain.get(0).order().botId(), chain.get(0).order().tag(), chain.get(0).order().createdAt());
        return Either.right(new AuditChain(correlationId, origin, blocked, chain, changes));
    }

    @Override
    public Either<DomainError, BotPerformance> performance(UserId caller, BotId id, int points) {
        return portfolio(caller, id).map(p -> {
            EquitySeries equity = store.equity(p.bot().id());
            double initial = p.bot().startingCash().toBigDecimal().doubleValue();
            java.util.List<TradeResult> results = new java.util.ArrayList<>(p.trades().size());
            for (ClosedTrade trade : p.trades()) {
                results.add(new TradeResult(trade.entryTime().toEpochMilli(), trade.exitTime().toEpochMilli(),
                        trade.netPnl().toBigDecimal().doubleValue(), trade.fees().toBigDecimal().doubleValue()));
            }
            Option<PerformanceMetrics> metrics = equity.isEmpty() ? Option.none()
                    : Option.some(PerformanceMetrics.of(initial, p.bot().timeframe().nominalLength().toMillis(),
                            equity, results));
            return new BotPerformance(p, metrics, EquityCurve.of(equity, initial, points),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.DAY, p.trades()),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.WEEK, p.trades()),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.MONTH, p.trades()),
                    TradeAnalytics.netPnlByInstrument(p.trades()), TradeAnalytics.distribution(p.trades(), 10),
                    exposure(p));
        });
    }

    /** The bot's cash and what each asset it holds is worth at its last close, in its currency. */
    private static Map<Asset, Money> exposure(BotPortfolio p) {
        Map<Asset, Money> exposure = new LinkedHashMap<>();
        Money cash = p.balances().get(p.bot().startingCash().asset());
        exposure.put(cash.asset(), cash);
        p.bot().lastClose().forEach(close -> p.positions().stream().filter(position -> !position.isFlat())
                .forEach(position -> {
                    BigDecimal value = position.quantity().toBigDecimal().multiply(close.toBigDecimal());
                    exposure.merge(position.instrument().base(), Money.of(value, cash.asset()), Money::plus);
                }));
        return exposure;
    }

    @Override
    public PortfolioSummary summary(UserId caller) {
        Map<Asset, java.util.List<BotPortfolio>> byCurrency = new java.util.TreeMap<>(
                java.util.Comparator.comparing(Asset::code));
        for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
            Page<Bot> page = store.list(caller, new PageRequest(offset, PageRequest.MAX_LIMIT));
            for (Bot bot : page.items()) {
                portfolio(caller, bot.id()).forEach(p -> byCurrency.computeIfAbsent(bot.startingCash().asset(),
                        c -> new java.util.ArrayList<>()).add(p));
            }
            if (offset + page.items().size() >= page.total() || page.items().isEmpty()) {
                break;
            }
        }
        java.util.List<PortfolioSummary.CurrencyTotals> totals = new java.util.ArrayList<>();
        byCurrency.forEach((currency, portfolios) -> {
            Money zero = Money.zero(currency, 0);
            Money start = zero;
            Money equity = zero;
            Money realized = zero;
            Money unrealized = zero;
            int trades = 0;
            java.util.List<ClosedTrade> all = new java.util.ArrayList<>();
            java.util.List<PortfolioSummary.BotShare> shares = new java.util.ArrayList<>();
            Map<Asset, Money> exposure = new LinkedHashMap<>();
            for (BotPortfolio p : portfolios) {
                start = start.plus(p.bot().startingCash());
                equity = equity.plus(p.equity());
                realized = realized.plus(p.realizedPnl());
                unrealized = unrealized.plus(p.unrealizedPnl());
                trades += p.trades().size();
                all.addAll(p.trades());
                shares.add(new PortfolioSummary.BotShare(p.bot().id().toString(), p.bot().name(),
                        p.bot().status().code(), p.bot().instrument().toString(), p.equity(), p.netPnl(),
                        p.trades().size()));
                exposure(p).forEach((asset, value) -> exposure.merge(asset, value, Money::plus));
            }
            all.sort(java.util.Comparator.comparing(ClosedTrade::exitTime));
            totals.add(new PortfolioSummary.CurrencyTotals(currency, start, equity, realized, unrealized,
                    equity.minus(start), trades, shares, TradeAnalytics.netPnlByInstrument(all),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.DAY, all),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.WEEK, all),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.MONTH, all), exposure));
        });
        return new PortfolioSummary(totals);
    }

    @Override
    public Either<DomainError, BotPortfolio> portfolio(UserId caller, BotId id) {
        return get(caller, id).map(bot -> {
            Ledger ledger = ledgerOf(bot, (fill, changed) -> { });
            Map<io.cryptobot.kernel.domain.InstrumentId, Price> marks = new LinkedHashMap<>();
            bot.lastClose().forEach(close -> marks.put(bot.instrument(), close));
            Money cash = ledger.balance(bot.startingCash().asset());
            Money equity = ledger.equity(marks).getOrElse(cash);
            Money realized = Money.zero(cash.asset(), cash.scale());
            Money unrealized = Money.zero(cash.asset(), cash.scale());
            for (Position position : ledger.positions()) {
                realized = realized.plus(position.realizedPnl());
                Price mark = marks.get(position.instrument());
                if (mark != null && !position.isFlat()) {
                    unrealized = unrealized.plus(ledger.unrealizedPnl(position.instrument(), mark));
                }
            }
            Map<Asset, Money> balances = new LinkedHashMap<>();
            balances.put(cash.asset(), cash);
            balances.put(bot.instrument().base(), ledger.balance(bot.instrument().base()));
            return new BotPortfolio(bot, balances, ledger.positions().toJavaList(), ledger.closedTrades().toJavaList(),
                    ledger.feesPaid().toJavaMap(), realized, unrealized, equity, equity.minus(bot.startingCash()));
        });
    }
}
