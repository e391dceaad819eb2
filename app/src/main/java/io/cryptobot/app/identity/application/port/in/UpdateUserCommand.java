package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.Role;
import io.cryptobot.app.identity.domain.UserChange;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An admin ({@code actor}) changes role and/or enabled state of {@code target}; at least one must be given. */
public record UpdateUserCommand(UserId actor, UserId target, UserChange change) {
    public UpdateUserCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(change, "change");
        if (change.role().isEmpty() && change.enabled().isEmpty()) {
            throw new IllegalArgumentException("nothing to change");
        }
    }

    public static Either<DomainError, UpdateUserCommand> of(UserId actor, UserId target, String role,
                                                            Boolean enabled) {
        List<Violation> violations = new ArrayList<>();
        Option<Role> parsedRole = Option.none();
        if (role != null) {
            parsedRole = Role.parse(role);
            if (parsedRole.isEmpty()) {
                violations.add(new Violation("role", "must be one of admin, trader, viewer"));
            }
        }
        if (role == null && enabled == null) {
            violations.add(new Violation("body", "must change role or enabled"));
        }
        if (!violations.isEmpty()) {
            return Either.left(IdentityErrors.invalidInput(violations));
        }
        return Either.right(new UpdateUserCommand(actor, target,
                new UserChange(parsedRole, Option.of(enabled))));
    }
}
