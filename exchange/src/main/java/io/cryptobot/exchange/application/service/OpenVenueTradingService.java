package io.cryptobot.exchange.application.service;

import io.cryptobot.exchange.application.port.in.OpenVenueTradingUseCase;
import io.cryptobot.exchange.application.port.out.AccountStorePort;
import io.cryptobot.exchange.application.port.out.OpenVenueTradingPort;
import io.cryptobot.exchange.application.port.out.SealSecretPort;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.AccountKind;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.account.ExchangeErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Binds a live account's keys to its venue's trading adapter: the owner's account only (another user's is not
 * found), a live one ({@code exchange.account.not_live} for paper), on a venue with a trading adapter
 * ({@code exchange.venue.not_supported}). The keys are unsealed here and live on only inside the adapter.
 */
@ApplicationScoped
class OpenVenueTradingService implements OpenVenueTradingUseCase {
    private final AccountStorePort store;
    private final SealSecretPort sealer;
    private final OpenVenueTradingPort venues;

    OpenVenueTradingService(AccountStorePort store, SealSecretPort sealer, OpenVenueTradingPort venues) {
        this.store = store;
        this.sealer = sealer;
        this.venues = venues;
    }

    @Override
    public Either<DomainError, VenueTrading> open(UserId owner, UUID accountId) {
        AccountId id = new AccountId(accountId);
        return store.load(owner, id).toEither(() -> ExchangeErrors.notFound(id)).flatMap(this::tradable)
                .map(account -> venues.open(account.venue(), StoredKeys.open(sealer, account)));
    }

    private Either<DomainError, ExchangeAccount> tradable(ExchangeAccount account) {
        if (account.kind() != AccountKind.LIVE) {
            return Either.left(ExchangeErrors.notLive(account.id()));
        }
        if (!venues.supports(account.venue())) {
            return Either.left(ExchangeErrors.venueNotSupported(account.venue()));
        }
        return Either.right(account);
    }
}
