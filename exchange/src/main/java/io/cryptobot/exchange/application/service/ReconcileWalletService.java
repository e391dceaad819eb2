package io.cryptobot.exchange.application.service;

import io.cryptobot.exchange.application.port.in.ReconcileWalletQuery;
import io.cryptobot.exchange.application.port.out.AccountStorePort;
import io.cryptobot.exchange.application.port.out.LoadAccountLedgersPort;
import io.cryptobot.exchange.application.port.out.ReadVenueBalancesPort;
import io.cryptobot.exchange.application.port.out.SealSecretPort;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.AccountKind;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.account.ExchangeErrors;
import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.exchange.domain.wallet.WalletReconciliation;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the venue's balances with the account's keys, at most once per account every {@link #FRESH_FOR} (a reading,
 * answered or failed, is reused meanwhile, and a request arriving while a read is under way waits for that read
 * rather than sending its own), then compares them with the ledgers of the owner's bots on the account, read now.
 * The venue's request budget is per address and shared by every user and bot, so a client polling this endpoint
 * costs the venue one read per account every few seconds at most. Nothing is written: a failed read changes nothing.
 */
@ApplicationScoped
class ReconcileWalletService implements ReconcileWalletQuery {
    static final Duration FRESH_FOR = Duration.ofSeconds(FRESH_FOR_SECONDS);
    private final AccountStorePort store;
    private final SealSecretPort sealer;
    private final ReadVenueBalancesPort venues;
    private final LoadAccountLedgersPort ledgers;
    private final Clock clock;
    /**
     * The last reading per account; a slot is also the lock its reads take. Slots are never dropped (one small object
     * per connection ever reconciled, bounded by the accounts), so two reads of one account can never overlap.
     */
    private final Map<AccountId, Slot> slots = new ConcurrentHashMap<>();

    ReconcileWalletService(AccountStorePort store, SealSecretPort sealer, ReadVenueBalancesPort venues,
                           LoadAccountLedgersPort ledgers, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.venues = venues;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    private record Reading(Instant at, Either<VenueFailure, List<VenueBalance>> balances) {
    }

    private static final class Slot {
        private volatile Reading last;
    }

    @Override
    public Either<DomainError, WalletReconciliation> reconcile(UserId caller, AccountId id) {
        return store.load(caller, id).toEither(() -> ExchangeErrors.notFound(id)).flatMap(this::readable)
                .flatMap(account -> {
                    Reading reading = reading(account);
                    if (reading.balances().isLeft()) {
                        return Either.left(failed(account, reading));
                    }
                    LoadAccountLedgersPort.AccountLedgers held = ledgers.ledgersOn(caller, id.value());
                    return Either.right(WalletReconciliation.of(account.venue(), reading.at(),
                            reading.balances().get().asJava(), held.held(), held.bots()));
                });
    }

    private Either<DomainError, ExchangeAccount> readable(ExchangeAccount account) {
        if (account.kind() != AccountKind.LIVE) {
            return Either.left(ExchangeErrors.paperHasNoVenue(account.id()));
        }
        if (!venues.supports(account.venue())) {
            return Either.left(ExchangeErrors.venueNotSupported(account.venue()));
        }
        return Either.right(account);
    }

    private Reading reading(ExchangeAccount account) {
        Slot slot = slots.computeIfAbsent(account.id(), k -> new Slot());
        synchronized (slot) {
            Reading last = slot.last;
            if (!stale(last, clock.now())) {
                return last;
            }
            Either<VenueFailure, List<VenueBalance>> balances = venues.balances(account.venue(),
                    StoredKeys.open(sealer, account));
            Reading read = new Reading(clock.now(), balances);
            slot.last = read;
            return read;
        }
    }

    private static boolean stale(Reading reading, Instant now) {
        return reading == null || !reading.at().plus(FRESH_FOR).isAfter(now);
    }

    private DomainError failed(ExchangeAccount account, Reading reading) {
        long untilFresh = Math.max(1, Duration.between(clock.now(), reading.at().plus(FRESH_FOR)).toSeconds());
        return switch (reading.balances().getLeft()) {
            case VenueFailure.Unauthorized refused -> ExchangeErrors.keysRefused(account.id(), refused.describe());
            case VenueFailure.RateLimited limited -> ExchangeErrors.venueUnavailable(account.venue(),
                    limited.describe(), Math.max(untilFresh, limited.retryAfter().toSeconds()));
            case VenueFailure other -> ExchangeErrors.venueUnavailable(account.venue(), other.describe(), untilFresh);
        };
    }
}
