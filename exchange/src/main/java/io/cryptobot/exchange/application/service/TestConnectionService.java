package io.cryptobot.exchange.application.service;

import io.cryptobot.exchange.application.port.in.TestConnectionUseCase;
import io.cryptobot.exchange.application.port.out.AccountStorePort;
import io.cryptobot.exchange.application.port.out.ProbeVenueAccountPort;
import io.cryptobot.exchange.application.port.out.SealSecretPort;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.AccountKind;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.account.ExchangeErrors;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the connection's sealed keys only for the duration of the probe and hands them to the venue adapter; they
 * are never logged or kept. The log line says which account was tested and how it went, in the venue's words.
 */
@ApplicationScoped
class TestConnectionService implements TestConnectionUseCase {
    private static final Logger LOG = Logger.getLogger(TestConnectionService.class.getName());
    private final AccountStorePort store;
    private final SealSecretPort sealer;
    private final ProbeVenueAccountPort venues;
    private final Clock clock;

    TestConnectionService(AccountStorePort store, SealSecretPort sealer, ProbeVenueAccountPort venues, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.venues = venues;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, ConnectionTest> test(UserId caller, AccountId id) {
        return store.load(caller, id).toEither(() -> ExchangeErrors.notFound(id)).flatMap(this::testable)
                .map(account -> {
                    ConnectionTest test = ConnectionTest.of(account.venue(),
                            venues.probe(account.venue(), StoredKeys.open(sealer, account)), clock.now());
                    LOG.log(Level.INFO, "connection test of account {0} on {1}: {2}", new Object[] {account.id(),
                            account.venue(), test.outcome() instanceof ConnectionTest.Outcome.Failed failed
                            ? "failed, " + failed.failure().describe() : "passed"});
                    return test;
                });
    }

    private Either<DomainError, ExchangeAccount> testable(ExchangeAccount account) {
        if (account.kind() != AccountKind.LIVE) {
            return Either.left(ExchangeErrors.notAConnection(account.id()));
        }
        if (!venues.supports(account.venue())) {
            return Either.left(ExchangeErrors.venueNotSupported(account.venue()));
        }
        return Either.right(account);
    }
}
