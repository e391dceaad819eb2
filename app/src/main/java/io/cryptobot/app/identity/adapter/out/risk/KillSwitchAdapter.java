package io.cryptobot.app.identity.adapter.out.risk;

import io.cryptobot.app.identity.application.port.out.HaltTradingPort;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.TradingControlUseCase;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Halts through risk's kill switch, the one path every halt takes (journaled, in the history, followed by the
 * bots before it returns). That path blocks (the store and the bots' steps), so it runs on a worker thread.
 */
@ApplicationScoped
class KillSwitchAdapter implements HaltTradingPort {
    private static final Logger LOG = Logger.getLogger(KillSwitchAdapter.class);
    static final String UNCHANGED = "risk.state_unchanged";
    static final String CHANGED_MEANWHILE = "risk.state_changed_meanwhile";
    private final TradingControlUseCase trading;

    KillSwitchAdapter(TradingControlUseCase trading) {
        this.trading = trading;
    }

    @Override
    public Uni<Void> haltTrading(UserId user, String reason) {
        return Uni.createFrom().item(() -> halt(user, reason))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid();
    }

    private Void halt(UserId user, String reason) {
        Either<DomainError, ?> outcome = trading.halt(user, reason);
        if (outcome.isLeft() && CHANGED_MEANWHILE.equals(outcome.getLeft().code())) {
            outcome = trading.halt(user, reason);
        }
        if (outcome.isLeft() && UNCHANGED.equals(outcome.getLeft().code())) {
            LOG.infof("Trading of user %s was already halted (%s)", user, reason);
        } else if (outcome.isLeft()) {
            throw new IllegalStateException("could not halt trading of user " + user + ": "
                    + outcome.getLeft().code());
        }
        return null;
    }
}
