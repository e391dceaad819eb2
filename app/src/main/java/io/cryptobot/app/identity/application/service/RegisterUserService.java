package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.RegisterUserCommand;
import io.cryptobot.app.identity.application.port.in.RegisterUserUseCase;
import io.cryptobot.app.identity.application.port.out.HashPasswordPort;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.SaveUserPort;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class RegisterUserService implements RegisterUserUseCase {
    private final LoadUserPort loadUsers;
    private final SaveUserPort saveUsers;
    private final HashPasswordPort passwords;
    private final Clock clock;

    RegisterUserService(LoadUserPort loadUsers, SaveUserPort saveUsers, HashPasswordPort passwords, Clock clock) {
        this.loadUsers = loadUsers;
        this.saveUsers = saveUsers;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Uni<Either<DomainError, User>> register(RegisterUserCommand command) {
        // The look-up spares the hashing cost in the common duplicate case; the unique index decides races.
        return loadUsers.loadUserByEmail(command.email()).flatMap(existing -> existing.isDefined()
                ? Outcomes.failed(IdentityErrors.emailTaken())
                : passwords.hash(command.password()).flatMap(hash -> {
                    User user = User.register(UserId.of(UUID.randomUUID()), command.email(),
                            command.displayName(), hash, clock.now());
                    return saveUsers.insertUser(user).map(inserted -> inserted
                            ? Either.<DomainError, User>right(user)
                            : Either.<DomainError, User>left(IdentityErrors.emailTaken()));
                }));
    }
}
