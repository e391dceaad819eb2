package io.cryptobot.exchange.application.port.out;

import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;

public interface AccountStorePort {
    /** Stores a new account; false if the owner already has one with that name. */
    boolean insert(ExchangeAccount account);

    Option<ExchangeAccount> load(UserId owner, AccountId id);

    Page<ExchangeAccount> list(UserId owner, PageRequest page);

    boolean delete(UserId owner, AccountId id);

    /** How many accounts the owner has, of every kind. */
    long count(UserId owner);
}
