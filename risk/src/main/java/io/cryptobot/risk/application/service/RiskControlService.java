package io.cryptobot.risk.application.service;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Text;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.RiskLimitsUseCase;
import io.cryptobot.risk.application.port.in.TradingControlUseCase;
import io.cryptobot.risk.application.port.in.TradingStatus;
import io.cryptobot.risk.application.port.out.PublishTradingStatePort;
import io.cryptobot.risk.application.port.out.RiskStorePort;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.TransitionRefused;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class RiskControlService implements TradingControlUseCase, RiskLimitsUseCase {
    private static final int MAX_REASON = Text.REASON_MAX;
    private final RiskStorePort store;
    private final PublishTradingStatePort publisher;
    private final Clock clock;

    RiskControlService(RiskStorePort store, PublishTradingStatePort publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public TradingStatus status(UserId owner) {
        return store.status(owner);
    }

    @Override
    public Either<DomainError, TradingStatus> change(UserId owner, TradingState target, String reason) {
        return change(owner, target, reason, false);
    }

    @Override
    public Either<DomainError, TradingStatus> haltForDailyLoss(UserId owner, String reason) {
        return change(owner, TradingState.HALTED, reason, true);
    }

    private Either<DomainError, TradingStatus> change(UserId owner, TradingState target, String reason,
                                                      boolean dailyLoss) {
        io.vavr.control.Validation<Violation, String> checked = Text.name("reason", reason, MAX_REASON);
        if (checked.isInvalid()) {
            return Either.left(invalid(List.of(checked.getError())));
        }
        TradingState current = store.state(owner);
        EventMeta meta = new EventMeta(UUID.randomUUID(), clock.now());
        String why = checked.get();
        Either<TransitionRefused, ? extends TradingStateChanged> changed = switch (target) {
            case HALTED -> current.halt(why, meta);
            case REDUCING -> current.reduceOnly(why, meta);
            case ACTIVE -> current.resume(why, meta);
        };
        if (changed.isLeft()) {
            return Either.left(new DomainError.Conflict("risk.state_unchanged", changed.getLeft().reason()));
        }
        if (!store.changeState(owner, changed.get(), dailyLoss)) {
            return Either.left(new DomainError.Conflict("risk.state_changed_meanwhile",
                    "the trading state changed meanwhile; read it and retry"));
        }
        publisher.publish(new UserTradingStateChanged(owner, changed.get(), dailyLoss));
        return Either.right(new TradingStatus(target, Option.some(meta.occurredAt()), Option.some(why)));
    }

    @Override
    public Page<TradingStateChanged> history(UserId owner, PageRequest page) {
        return store.history(owner, page);
    }

    @Override
    public RiskLimits limits(UserId owner) {
        return store.limits(owner).getOrElse(RiskLimits.none());
    }

    @Override
    public Either<DomainError, RiskLimits> replace(UserId owner, String currency, LimitsInput input) {
        Either<String, Asset> asset = Asset.parse(currency == null ? "USDT" : currency);
        if (asset.isLeft()) {
            return Either.left(invalid(List.of(new Violation("currency", asset.getLeft()))));
        }
        return input.parse(asset.get()).toEither().<DomainError>mapLeft(this::invalid).peek(limits ->
                store.saveLimits(owner, limits));
    }

    private DomainError invalid(io.vavr.collection.Seq<Violation> violations) {
        return new DomainError.Invalid("risk.invalid_input", "the request has " + violations.size()
                + " invalid field(s)", violations.toJavaList());
    }
}
