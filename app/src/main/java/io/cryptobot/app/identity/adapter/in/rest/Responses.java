package io.cryptobot.app.identity.adapter.in.rest;

import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Either;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;

/** Success or problem, the one way resources answer. */
final class Responses {
    private Responses() {
    }

    static <T> Response of(Either<DomainError, T> outcome, Function<T, Response> success) {
        return outcome.fold(Problems::response, success);
    }

    static Response missingBody() {
        return Problems.response(IdentityErrors.invalidInput(List.of(new Violation("body", "must be given"))));
    }

    /** Token responses must not be cached by browsers or proxies (RFC 6749 section 5.1). */
    static Response tokens(Object body) {
        return Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
