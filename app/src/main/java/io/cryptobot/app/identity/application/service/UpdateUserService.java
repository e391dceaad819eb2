package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.UpdateUserCommand;
import io.cryptobot.app.identity.application.port.in.UpdateUserUseCase;
import io.cryptobot.app.identity.application.port.out.EndStreamsPort;
import io.cryptobot.app.identity.application.port.out.HaltTradingPort;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.SaveUserPort;
import io.cryptobot.app.identity.application.port.out.UnitOfWorkPort;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

@ApplicationScoped
class UpdateUserService implements UpdateUserUseCase {
    private static final Logger LOG = Logger.getLogger(UpdateUserService.class);
    private final LoadUserPort loadUsers;
    private final SaveUserPort saveUsers;
    private final SessionRevoker sessions;
    private final EndStreamsPort streams;
    private final HaltTradingPort halt;
    private final UnitOfWorkPort unitOfWork;
    private final Clock clock;

    UpdateUserService(LoadUserPort loadUsers, SaveUserPort saveUsers, SessionRevoker sessions,
                      EndStreamsPort streams, HaltTradingPort halt, UnitOfWorkPort unitOfWork, Clock clock) {
        this.halt = halt;
        this.loadUsers = loadUsers;
        this.saveUsers = saveUsers;
        this.sessions = sessions;
        this.streams = streams;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Uni<Either<DomainError, User>> update(UpdateUserCommand command) {
        Instant now = clock.now();
        boolean disabling = command.change().enabled().contains(false);
        return unitOfWork.inTransaction(() -> loadUsers.loadUser(command.target()).flatMap(found -> Outcomes.then(
                found.toEither((DomainError) IdentityErrors.userNotFound()),
                before -> Outcomes.then(before.change(command.change(), command.actor(), now),
                        after -> saveUsers.updateUser(after)
                                .flatMap(saved -> endSessions(disabling, before, after, now))
                                .map(done -> Either.<DomainError, User>right(after))))))
                .flatMap(outcome -> outcome.isRight() && disabling
                        ? haltTrading(command).replaceWith(outcome)
                        : Uni.createFrom().item(outcome));
    }

    /**
     * Disabling ends every session (refresh tokens, access tokens, streams); a role change ends the access
     * tokens through {@code tokensValidAfter}, and the streams they opened with them. Disabling an account that
     * is already disabled ends them again, so an admin can repeat a disable whose second half failed.
     */
    private Uni<Void> endSessions(boolean disabling, User before, User after, Instant now) {
        if (disabling) {
            return sessions.endAllSessionsOf(after.id(), now);
        }
        if (after.role() != before.role()) {
            streams.endStreamsOfUser(after.id());
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * A disabled user's bots must stop trading as well as their sessions: their kill switch is tripped with the
     * admin named in the reason (recorded in the trading-state history and each bot's events). Re-enabling
     * leaves it tripped; the owner resumes it, knowing why it was halted.
     */
    private Uni<Void> haltTrading(UpdateUserCommand command) {
        String reason = "user disabled by admin " + command.actor();
        return halt.haltTrading(command.target(), reason)
                .invoke(done -> LOG.infof("User %s disabled by admin %s: sessions and streams ended, trading halted",
                        command.target(), command.actor()));
    }
}
