package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.LogInCommand;
import io.cryptobot.app.identity.application.port.in.LogInUseCase;
import io.cryptobot.app.identity.application.port.in.TokenPair;
import io.cryptobot.app.identity.application.port.out.HashPasswordPort;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.LoginAttemptsPort;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.LoginThrottle;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
class LogInService implements LogInUseCase {
    private final LoadUserPort loadUsers;
    private final HashPasswordPort passwords;
    private final LoginAttemptsPort attempts;
    private final LoginThrottle throttle;
    private final SessionIssuer sessions;
    private final Clock clock;

    LogInService(LoadUserPort loadUsers, HashPasswordPort passwords, LoginAttemptsPort attempts,
                 LoginThrottle throttle, SessionIssuer sessions, Clock clock) {
        this.loadUsers = loadUsers;
        this.passwords = passwords;
        this.attempts = attempts;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Uni<Either<DomainError, TokenPair>> logIn(LogInCommand command) {
        String addressKey = "login:address:" + command.clientAddress();
        String accountKey = "login:account:" + command.email().value();
        return attempts.countAttempt(addressKey, throttle.perAddressAttempts().window())
                .flatMap(fromAddress -> Outcomes.then(throttle.admitFromAddress(fromAddress), admitted ->
                        attempts.attempts(accountKey, throttle.perAccountFailures().window())
                                .flatMap(failures -> Outcomes.then(throttle.admitForAccount(failures),
                                        allowed -> checkCredentials(command, accountKey)))));
    }

    private Uni<Either<DomainError, TokenPair>> checkCredentials(LogInCommand command, String accountKey) {
        return loadUsers.loadUserByEmail(command.email()).flatMap(user -> passwords
                .matches(command.password(), user.map(User::passwordHash))
                .flatMap(matches -> {
                    Either<DomainError, User> admitted = matches
                            ? user.toEither((DomainError) IdentityErrors.badCredentials()).flatMap(User::admitLogin)
                            : Either.left(IdentityErrors.badCredentials());
                    return admitted.fold(
                            refused -> attempts.countAttempt(accountKey, throttle.perAccountFailures().window())
                                    .map(counted -> Either.<DomainError, TokenPair>left(refused)),
                            known -> attempts.clearAttempts(accountKey)
                                    .flatMap(cleared -> startSession(known)));
                }));
    }

    private Uni<Either<DomainError, TokenPair>> startSession(User user) {
        Instant now = clock.now();
        return sessions.startSession(user, now).map(Either::right);
    }
}
