package io.cryptobot.exchange.application.service;

import io.cryptobot.exchange.application.port.in.AccountsUseCase;
import io.cryptobot.exchange.application.port.out.AccountInUsePort;
import io.cryptobot.exchange.application.port.out.AccountStorePort;
import io.cryptobot.exchange.application.port.out.SealSecretPort;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.account.ExchangeErrors;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;

/**
 * The caller's accounts. A new one (paper or connection) is checked, then counted against
 * {@link UserLimits#accounts()} and stored under the owner's lock, so no request gets past the limit. An account
 * a bot may still trade (one not stopped or completed, {@link AccountInUsePort}) is not removed.
 */
@ApplicationScoped
class AccountsService implements AccountsUseCase {
    private final AccountStorePort store;
    private final SealSecretPort sealer;
    private final Limit accounts;
    private final OwnerLocks locks;
    private final Clock clock;
    private final Instance<AccountInUsePort> users;

    AccountsService(AccountStorePort store, SealSecretPort sealer, UserLimits limits, OwnerLocks locks, Clock clock,
                    Instance<AccountInUsePort> users) {
        this.users = users;
        this.store = store;
        this.sealer = sealer;
        this.accounts = limits.accounts();
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, ExchangeAccount> openPaper(UserId owner, String name, Map<String, String> balances) {
        return ExchangeAccount.paper(AccountId.random(), owner, name, balances, clock.now()).toEither()
                .<DomainError>mapLeft(ExchangeErrors::invalid)
                .flatMap(this::insert);
    }

    @Override
    public Either<DomainError, ExchangeAccount> connect(UserId owner, String name, String venue, String apiKey,
                                                        String secret, String passphrase) {
        List<Violation> found = ExchangeAccount.liveViolations(name, venue);
        Validation<io.vavr.collection.Seq<Violation>, Credentials> credentials =
                Credentials.checked(apiKey, secret, passphrase);
        if (credentials.isInvalid()) {
            found = found.appendAll(credentials.getError());
        }
        if (!found.isEmpty()) {
            return Either.left(ExchangeErrors.invalid(found));
        }
        if (!accounts.admitsOneMore(store.count(owner))) {
            return Either.left(ExchangeErrors.tooMany(accounts));
        }
        Credentials plain = credentials.get();
        ExchangeAccount.StoredCredentials sealed = new ExchangeAccount.StoredCredentials(sealer.seal(plain.apiKey()),
                sealer.seal(plain.secret()), plain.passphrase().map(sealer::seal), plain.hint());
        return ExchangeAccount.live(AccountId.random(), owner, name, venue, sealed, clock.now()).toEither()
                .<DomainError>mapLeft(ExchangeErrors::invalid)
                .flatMap(this::insert);
    }

    private Either<DomainError, ExchangeAccount> insert(ExchangeAccount account) {
        return locks.serialized(account.owner(), () -> {
            if (!accounts.admitsOneMore(store.count(account.owner()))) {
                return Either.left(ExchangeErrors.tooMany(accounts));
            }
            return store.insert(account) ? Either.right(account)
                    : Either.left(ExchangeErrors.nameTaken(account.name()));
        });
    }

    @Override
    public Either<DomainError, ExchangeAccount> get(UserId caller, AccountId id) {
        return store.load(caller, id).toEither(() -> ExchangeErrors.notFound(id));
    }

    @Override
    public Page<ExchangeAccount> list(UserId caller, PageRequest page) {
        return store.list(caller, page);
    }

    @Override
    public Either<DomainError, ExchangeAccount> remove(UserId caller, AccountId id) {
        return get(caller, id).flatMap(account -> locks.serialized(caller, () -> {
            Option<String> usedBy = users.isResolvable() ? users.get().usedBy(caller, id.value()) : Option.none();
            if (usedBy.isDefined()) {
                return Either.left(ExchangeErrors.inUse(id, usedBy.get()));
            }
            return store.delete(caller, id) ? Either.right(account) : Either.left(ExchangeErrors.notFound(id));
        }));
    }
}
