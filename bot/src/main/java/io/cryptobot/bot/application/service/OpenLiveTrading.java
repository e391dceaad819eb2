package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotLeasePort;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.bot.application.port.out.LoadLiveAccountLimitsPort;
import io.cryptobot.bot.application.port.out.PublishBotAlarmPort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import io.cryptobot.bot.domain.live.VenueFilters;
import io.cryptobot.exchange.application.port.in.AccountsUseCase;
import io.cryptobot.exchange.application.port.in.OpenVenueTradingUseCase;
import io.cryptobot.exchange.application.port.in.TestConnectionUseCase;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.AccountKind;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.cryptobot.marketdata.application.port.in.GetVenueListingQuery;
import io.cryptobot.marketdata.domain.VenueListing;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Opens the live side of a bot whose account is live: the bot's lease for this runner (refused while another
 * runner holds it), the account's {@link VenueTrading} (keys bound in {@code exchange}), and a {@link LiveVenue} whose
 * reports are journaled as {@code venue_report} entries (after the session's writer is emptied, so the journal keeps
 * the session's order) and whose activity is projected once applied. Its notes, block events and reconciliations
 * are the bot's informational entries. A paper account has none of this (the simulated venue).
 */
@ApplicationScoped
class OpenLiveTrading {
    private static final Logger LOG = Logger.getLogger(OpenLiveTrading.class.getName());
    static final Duration LEASE_TTL = Duration.ofSeconds(30);
    static final Duration LEASE_RENEWAL = Duration.ofSeconds(10);
    private final AccountsUseCase accounts;
    private final Instance<OpenVenueTradingUseCase> venues;
    private final BotLeasePort leases;
    private final BotStorePort store;
    private final ActivityProjection projection;
    private final LiveSessions sessions;
    private final GetVenueListingQuery listings;
    private final TestConnectionUseCase connections;
    private final Clock clock;
    private final PublishBotAlarmPort alarms;
    private final LoadLiveAccountLimitsPort accountLimits;
    private final String holder = "runner-" + UUID.randomUUID();
    private final BotWorkersPort workers;

    OpenLiveTrading(AccountsUseCase accounts, Instance<OpenVenueTradingUseCase> venues, BotLeasePort leases,
                    BotStorePort store, ActivityProjection projection, LiveSessions sessions,
                    GetVenueListingQuery listings, TestConnectionUseCase connections, Clock clock,
                    PublishBotAlarmPort alarms, LoadLiveAccountLimitsPort accountLimits,
                    BotWorkersPort workers) {
        this.workers = workers;
        this.alarms = alarms;
        this.accountLimits = accountLimits;
        this.listings = listings;
        this.connections = connections;
        this.accounts = accounts;
        this.venues = venues;
        this.leases = leases;
        this.store = store;
        this.projection = projection;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Whether the bot's account is a live one (the bot's session then trades on its venue). */
    boolean isLive(Bot bot) {
        return accounts.get(bot.owner(), new AccountId(bot.accountId())).map(ExchangeAccount::kind)
                .map(kind -> kind == AccountKind.LIVE).getOrElse(false);
    }

    /**
     * The live link of {@code bot}, its venue in replay mode (the caller rebuilds the session, then goes live);
     * {@code runner} is the bot's session once built (the venue journals and applies through it). Refused when
     * another runner drives the bot or the venue cannot be opened for trading.
     */
    Either<DomainError, LiveTrading> open(Bot bot, Supplier<LiveSession> runner) {
        Either<DomainError, Void> keys = keysMayTrade(bot);
        if (keys.isLeft()) {
            return Either.left(keys.getLeft());
        }
        Option<BotLeasePort.Lease> lease = leases.acquire(bot.id(), holder, LEASE_TTL);
        if (lease.isEmpty()) {
            return Either.left(BotErrors.drivenElsewhere(bot.id()));
        }
        // exchange provides the trading adapters; a build without one refuses live accounts instead of failing
        Either<DomainError, VenueTrading> trading = venues.isResolvable()
                ? venues.get().open(bot.owner(), bot.accountId())
                : Either.left(new DomainError.Conflict("bot.live_trading_unavailable",
                "no venue trading adapter is installed: bots cannot trade live accounts in this build"));
        if (trading.isLeft()) {
            leases.release(lease.get());
            return Either.left(trading.getLeft());
        }
        LiveTrading[] self = new LiveTrading[1];
        LiveVenue venue = new LiveVenue(trading.get(), List.of(bot.instrument()),
                reports -> journal(runner.get(), reports), new Events(runner), clock, workers.venueCalls(),
                workers.venueTimer(), LiveVenue.Settings.DEFAULTS, bot.createdAt().toEpochMilli(),
                () -> self[0].driving())
                .checking(order -> preflight(bot, runner.get(), order))
                .banding(this::filters);
        LiveTrading live = new LiveTrading(venue, leases, lease.get());
        self[0] = live;
        live.renewing(workers.venueTimer().scheduleWithFixedDelay(() -> {
            if (!live.renew(LEASE_TTL)) {
                LOG.warning(() -> "bot " + bot.id().value() + ": this runner lost its lease; it sends nothing more");
            }
        }, LEASE_RENEWAL.toMillis(), LEASE_RENEWAL.toMillis(), TimeUnit.MILLISECONDS));
        return Either.right(live);
    }

    /**
     * Keys that may withdraw are refused for trading unless the owner accepted them for this bot (a
     * {@code withdrawal_key_accepted} entry): the connection test reads the key's permissions now. A test the venue
     * could not answer refuses the launch for now (the venue is needed to trade anyway).
     */
    private Either<DomainError, Void> keysMayTrade(Bot bot) {
        Either<DomainError, ConnectionTest> tested = connections.test(bot.owner(), new AccountId(bot.accountId()));
        if (tested.isLeft()) {
            return Either.left(tested.getLeft());
        }
        if (tested.get().outcome() instanceof ConnectionTest.Outcome.Failed failed) {
            return Either.left(new DomainError.Unavailable("bot.venue_unreachable", "the keys of account "
                    + bot.accountId() + " could not be checked: " + failed.failure().describe(), 30));
        }
        boolean withdraw = tested.get().outcome() instanceof ConnectionTest.Outcome.Passed passed
                && passed.access().permissions().withdraw();
        boolean accepted = store.controls(bot.id()).stream()
                .anyMatch(c -> c.kind() == BotControl.Kind.WITHDRAWAL_KEY_ACCEPTED);
        if (withdraw && !accepted) {
            return Either.left(BotErrors.withdrawalKeyRefused(bot.accountId().toString()));
        }
        return Either.right(null);
    }

    /**
     * Why {@code order} may not leave, checked after the session's own pre-trade check (kill switch, the owner's and
     * the bot's limits): the live account's limits as they are now (a change applies from the next order; the
     * refusal is journaled as a venue report, so a rebuild never decides it again), then the venue's filters.
     */
    private Option<LiveVenue.Blocked> preflight(Bot bot, LiveSession runner, VenueOrder order) {
        Option<Price> reference = Option.of(runner.session.lastCloses().get(order.instrument()));
        Option<LiveVenue.Blocked> byAccount = accountLimits.load(bot.accountId()).flatMap(limits -> limits.refusal(
                        order, reference, runner.session.dayPnl(), runner.session.position(order.instrument())))
                .map(refusal -> new LiveVenue.Blocked(refusal.rule(), refusal.reason()));
        if (byAccount.isDefined()) {
            return byAccount;
        }
        return filters(order.instrument()).flatMap(f -> f.refusal(order, reference))
                .map(why -> new LiveVenue.Blocked(VenueFilters.RULE, why));
    }

    /** The venue's filters of {@code instrument} as the last instrument sync saw them (none: not synced). */
    private Option<VenueFilters> filters(InstrumentId instrument) {
        return listings.listing(instrument).flatMap(VenueListing::rules)
                .map(r -> new VenueFilters(r.tickSize(), r.stepSize(), r.minNotional(), r.priceBand()));
    }

    private void journal(LiveSession runner, List<VenueReport> reports) {
        journal(runner, reports, store, clock.now());
    }

    /**
     * Under the session's lock: the writer emptied, then each report durable, in order, before any is applied. The
     * writer may hold what the session applied before (a hand cancel, which leaves at once, whose entry's batch is
     * still in flight): a report is journaled after it, so the journal's order is the order the session applied
     * things, and a rebuild meets every report after its order's entry (issue 12).
     */
    static void journal(LiveSession runner, List<VenueReport> reports, BotStorePort store, Instant at) {
        runner.writer.flush();
        long after = runner.session.lastStepTime();
        store.addControls(runner.bot.id(), reports.stream().map(r -> BotControl.venueReport(r, after, at)).toList());
    }

    private final class Events implements LiveVenue.Events {
        private final Supplier<LiveSession> runner;
        /** The differences the last reconciliation found: the owner hears of a set of differences once. */
        private String lastDrift = "";

        Events(Supplier<LiveSession> runner) {
            this.runner = runner;
        }

        @Override
        public void blocked(String rule, VenueReport.Rejected refusal) {
            note("order " + refusal.clientOrderId() + " blocked (" + rule + "): " + refusal.reason());
        }

        @Override
        public void reconciled(io.cryptobot.bot.domain.live.ReconciliationReport report) {
            String found = report.drifts().isEmpty() ? BotAlarmRaised.AGREES
                    : report.drifts().size() + " difference(s): " + String.join("; ",
                    report.drifts().stream().map(d -> d.code() + ": " + d.describe()).toList());
            // the alarm's time is the entry's: a reader of the stored entries makes the same alarm of it
            Instant at = clock.now();
            entry(BotControl.Kind.VENUE_RECONCILED, "reconciled (" + report.trigger() + "): "
                    + report.venueOpenOrders() + " open order(s) on the venue, " + report.executionsRead()
                    + BotAlarmRaised.FOUND + found, at);
            String drift = report.drifts().isEmpty() ? "" : found;
            if (!drift.equals(lastDrift)) {
                lastDrift = drift;
                if (!drift.isEmpty()) {
                    LiveSession r = runner.get();
                    try {
                        alarms.publish(new BotAlarmRaised(r.bot.owner(), r.bot.id().value(), r.bot.name(),
                                BotAlarmRaised.Alarm.VENUE_DRIFT, drift, at));
                    } catch (RuntimeException e) {
                        LOG.warning(() -> "bot " + r.bot.id().value() + ": drift alarm not published ("
                                + e.getMessage() + ")");
                    }
                }
            }
        }

        @Override
        public void note(String what) {
            entry(BotControl.Kind.VENUE_NOTE, what);
        }

        @Override
        public void applied() {
            LiveSession r = runner.get();
            projection.record(r.bot.owner(), r.steps.drain());
        }

        @Override
        public void journalFailed(RuntimeException cause) {
            sessions.suspend(runner.get(), cause);
        }

        private void entry(BotControl.Kind kind, String reason) {
            entry(kind, reason, clock.now());
        }

        private void entry(BotControl.Kind kind, String reason, Instant at) {
            LiveSession r = runner.get();
            try {
                store.addControl(r.bot.id(), new BotControl(kind, r.session.lastStepTime(), reason, at));
            } catch (RuntimeException e) {
                LOG.warning(() -> "bot " + r.bot.id().value() + ": venue entry not recorded (" + e.getMessage()
                        + "): " + reason);
            }
        }
    }
}
