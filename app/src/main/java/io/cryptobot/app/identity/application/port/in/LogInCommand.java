package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.Objects;

/** A login attempt; {@code clientAddress} is the address the attempt is rate-limited under. */
public record LogInCommand(Email email, PlainPassword password, String clientAddress) {
    public LogInCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        if (clientAddress == null || clientAddress.isBlank()) {
            throw new IllegalArgumentException("client address must be known");
        }
    }

    public static Either<DomainError, LogInCommand> of(String email, String password, String clientAddress) {
        return Commands.orInvalid(Validation.combine(
                Email.parse("email", email),
                PlainPassword.presented("password", password),
                Validation.<Violation, String>valid(clientAddress)).ap(LogInCommand::new));
    }
}
