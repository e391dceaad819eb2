package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.SessionOrdersUseCase;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.exchange.application.port.in.AccountsUseCase;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Finds the live bot on one of the owner's paper accounts (its session is the account's market) and hands the
 * order, or the cancel, to its runner. Placing and canceling are one port of the order context (its paper venue),
 * so they stay together here.
 */
@ApplicationScoped
class SessionOrdersService implements SessionOrdersUseCase {
    private final BotStorePort store;
    private final BotRunner runner;
    private final AccountsUseCase accounts;

    SessionOrdersService(BotStorePort store, BotRunner runner, AccountsUseCase accounts) {
        this.store = store;
        this.runner = runner;
        this.accounts = accounts;
    }

    @Override
    public Either<DomainError, SessionPlacement> place(UserId owner, UUID accountId, OrderRequest request) {
        return liveSession(owner, accountId).flatMap(bot -> {
            if (!bot.instrument().equals(request.instrument())) {
                return Either.left(BotErrors.invalid(List.of(new Violation("instrument", "the session of account "
                        + accountId + " trades " + bot.instrument() + ", not " + request.instrument()))));
            }
            return runner.place(bot, request);
        });
    }

    @Override
    public Either<DomainError, OrderView> cancel(UserId owner, UUID accountId, OrderId order) {
        return liveSession(owner, accountId).flatMap(bot -> runner.cancel(bot, order));
    }

    private Either<DomainError, Bot> liveSession(UserId owner, UUID accountId) {
        Option<Bot> running = runner.runningOn(owner, accountId);
        if (running.isDefined()) {
            // a bot of the owner's runs here: the account is theirs (checked when the bot was created)
            return Either.right(running.get());
        }
        // paper or live: either trades through its bot's session, so either without one has no live session (a live
        // account was refused here as "no paper account of yours", although it was the caller's)
        Option<ExchangeAccount> account = accounts.get(owner, new AccountId(accountId)).toOption();
        if (account.isEmpty()) {
            return Either.left(BotErrors.invalid(List.of(new Violation("accountId", "no account " + accountId
                    + " of yours"))));
        }
        return store.liveOnAccount(accountId).flatMap(id -> store.load(owner, id))
                .toEither(() -> BotErrors.noLiveSession(accountId.toString()));
    }
}
