package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.RegisterUserCommand;
import io.cryptobot.app.identity.application.port.in.RegisterUserUseCase;
import io.cryptobot.app.identity.application.port.out.HashPasswordPort;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.LoginAttemptsPort;
import io.cryptobot.app.identity.application.port.out.SaveUserPort;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.RegistrationThrottle;
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
    private final LoginAttemptsPort attempts;
    private final RegistrationThrottle throttle;
    private final Clock clock;

    RegisterUserService(LoadUserPort loadUsers, SaveUserPort saveUsers, HashPasswordPort passwords,
                        LoginAttemptsPort attempts, RegistrationThrottle throttle, Clock clock) {
        this.attempts = attempts;
        this.throttle = throttle;
        this.loadUsers = loadUsers;
        this.saveUsers = saveUsers;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Uni<Either<DomainError, User>> register(RegisterUserCommand command) {
        return attempts.countAttempt("register:address:" + command.clientAddress(), throttle.perAddress().window())
                .flatMap(counted -> Outcomes.then(throttle.admitFromAddress(counted), admitted -> create(command)));
    }

    private Uni<Either<DomainError, User>> create(RegisterUserCommand command) {
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
