package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;

/** Turns collected input violations into the one 400 error the REST layer shows with every field listed. */
final class Commands {
    private Commands() {
    }

    static <T> Either<DomainError, T> orInvalid(Validation<Seq<Violation>, T> validation) {
        return validation.toEither().mapLeft(violations -> IdentityErrors.invalidInput(violations.toJavaList()));
    }
}
