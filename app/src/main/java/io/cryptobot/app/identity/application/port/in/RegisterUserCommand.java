package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.DisplayName;
import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.PasswordPolicy;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Objects;

/**
 * A sign-up: only a password that meets {@link PasswordPolicy} can be part of one; {@code clientAddress} is the
 * address the attempt is rate-limited under.
 */
public record RegisterUserCommand(Email email, PlainPassword password, Option<DisplayName> displayName,
                                  String clientAddress) {
    public RegisterUserCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(displayName, "displayName");
        if (clientAddress == null || clientAddress.isBlank()) {
            throw new IllegalArgumentException("client address must be known");
        }
    }

    public static Either<DomainError, RegisterUserCommand> of(String email, String password, String displayName,
                                                              String clientAddress) {
        return Commands.orInvalid(Validation.combine(
                Email.parse("email", email),
                PasswordPolicy.newPassword("password", password),
                DisplayName.parseOptional("displayName", displayName),
                Validation.<Violation, String>valid(clientAddress)).ap(RegisterUserCommand::new));
    }
}
