package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.GetProfileQuery;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GetProfileService implements GetProfileQuery {
    private final LoadUserPort loadUsers;

    GetProfileService(LoadUserPort loadUsers) {
        this.loadUsers = loadUsers;
    }

    @Override
    public Uni<Either<DomainError, User>> profile(UserId caller) {
        return loadUsers.loadUser(caller).map(user -> user.toEither(IdentityErrors.userNotFound()));
    }
}
