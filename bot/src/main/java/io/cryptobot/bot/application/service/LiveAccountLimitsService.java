package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.GetLiveAccountLimitsQuery;
import io.cryptobot.bot.application.port.in.SetLiveAccountLimitsUseCase;
import io.cryptobot.bot.application.port.out.LoadLiveAccountLimitsPort;
import io.cryptobot.bot.application.port.out.SaveLiveAccountLimitsPort;
import io.cryptobot.bot.domain.live.LiveAccountLimits;
import io.cryptobot.exchange.application.port.in.AccountsUseCase;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.AccountKind;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.RiskLimitsUseCase;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A live account's own limits: set (validated, then compared with the owner's limits as they are now) and read.
 * The account is {@code exchange}'s; its trading limits are kept here, beside live trading, which enforces them
 * ({@link OpenLiveTrading}): {@code exchange} cannot see the owner's risk limits, and {@code risk} cannot see
 * accounts.
 */
@ApplicationScoped
class LiveAccountLimitsService implements SetLiveAccountLimitsUseCase, GetLiveAccountLimitsQuery {
    private final AccountsUseCase accounts;
    private final RiskLimitsUseCase owners;
    private final LoadLiveAccountLimitsPort load;
    private final SaveLiveAccountLimitsPort save;

    LiveAccountLimitsService(AccountsUseCase accounts, RiskLimitsUseCase owners, LoadLiveAccountLimitsPort load,
                             SaveLiveAccountLimitsPort save) {
        this.accounts = accounts;
        this.owners = owners;
        this.load = load;
        this.save = save;
    }

    @Override
    public Either<DomainError, LiveAccountLimits> set(UserId caller, String accountId, String currency,
                                                      String maxOrderNotional, String maxDailyLoss) {
        Either<DomainError, ExchangeAccount> account = liveAccount(caller, accountId);
        if (account.isLeft()) {
            return Either.left(account.getLeft());
        }
        Validation<Seq<Violation>, LiveAccountLimits> parsed = LiveAccountLimits.parse(currency, maxOrderNotional,
                maxDailyLoss);
        if (parsed.isInvalid()) {
            return Either.left(new DomainError.Invalid("bot.invalid_input", "the request has "
                    + parsed.getError().size() + " invalid field(s)", parsed.getError().toJavaList()));
        }
        RiskLimits own = owners.limits(caller);
        Seq<Violation> looser = parsed.get().looserThan(own.currency(), own.maxOrderNotional(), own.maxDailyLoss());
        if (!looser.isEmpty()) {
            return Either.left(new DomainError.Invalid("bot.account_limits_looser", "the live account's limits "
                    + "would be looser than your own (PUT /api/risk/limits)", looser.toJavaList()));
        }
        save.save(caller, account.get().id().value(), parsed.get());
        return Either.right(parsed.get());
    }

    @Override
    public Either<DomainError, Option<LiveAccountLimits>> limits(UserId caller, String accountId) {
        return liveAccount(caller, accountId).map(account -> load.load(account.id().value()));
    }

    private Either<DomainError, ExchangeAccount> liveAccount(UserId caller, String accountId) {
        Option<AccountId> id = AccountId.parse(accountId);
        if (id.isEmpty()) {
            return Either.left(new DomainError.NotFound("exchange.account.not_found", "no account " + accountId));
        }
        return accounts.get(caller, id.get()).flatMap(account -> account.kind() == AccountKind.LIVE
                ? Either.right(account)
                : Either.left(new DomainError.Conflict("bot.account_not_live", "account " + accountId
                + " is a paper account: its bots trade under your limits and their own; only a live account has "
                + "limits of its own")));
    }
}
