package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.UpdateUserCommand;
import io.cryptobot.app.identity.application.port.in.UpdateUserUseCase;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.SaveRefreshTokenPort;
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

@ApplicationScoped
class UpdateUserService implements UpdateUserUseCase {
    private final LoadUserPort loadUsers;
    private final SaveUserPort saveUsers;
    private final SaveRefreshTokenPort refreshTokens;
    private final UnitOfWorkPort unitOfWork;
    private final Clock clock;

    UpdateUserService(LoadUserPort loadUsers, SaveUserPort saveUsers, SaveRefreshTokenPort refreshTokens,
                      UnitOfWorkPort unitOfWork, Clock clock) {
        this.loadUsers = loadUsers;
        this.saveUsers = saveUsers;
        this.refreshTokens = refreshTokens;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Uni<Either<DomainError, User>> update(UpdateUserCommand command) {
        Instant now = clock.now();
        return unitOfWork.inTransaction(() -> loadUsers.loadUser(command.target()).flatMap(found -> Outcomes.then(
                found.toEither((DomainError) IdentityErrors.userNotFound()),
                before -> Outcomes.then(before.change(command.change(), command.actor(), now),
                        after -> saveUsers.updateUser(after)
                                .flatMap(saved -> after.wasDisabledComparedTo(before)
                                        ? refreshTokens.revokeAllOfUser(after.id(), now).replaceWithVoid()
                                        : Uni.createFrom().voidItem())
                                .map(done -> Either.<DomainError, User>right(after))))));
    }
}
