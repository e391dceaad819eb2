package io.cryptobot.exchange.application.port.in;

import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import java.util.Map;

/**
 * The caller's trading accounts: open a paper account with chosen starting balances, connect a real venue (the
 * credentials are sealed before they are stored and never returned), list, get and remove. Another user's
 * account is not found.
 */
public interface AccountsUseCase {
    Either<DomainError, ExchangeAccount> openPaper(UserId owner, String name, Map<String, String> balances);

    Either<DomainError, ExchangeAccount> connect(UserId owner, String name, String venue, String apiKey,
                                                 String secret, String passphrase);

    Either<DomainError, ExchangeAccount> get(UserId caller, AccountId id);

    Page<ExchangeAccount> list(UserId caller, PageRequest page);

    Either<DomainError, ExchangeAccount> remove(UserId caller, AccountId id);
}
