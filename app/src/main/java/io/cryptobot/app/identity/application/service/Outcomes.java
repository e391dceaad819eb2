package io.cryptobot.app.identity.application.service;

import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import java.util.function.Function;

/** Chains asynchronous steps that each may end the flow with an expected failure. */
final class Outcomes {
    private Outcomes() {
    }

    static <L, R, T> Uni<Either<L, T>> then(Either<L, R> outcome, Function<R, Uni<Either<L, T>>> next) {
        return outcome.fold(failure -> failed(failure), next);
    }

    static <L, T> Uni<Either<L, T>> failed(L failure) {
        return Uni.createFrom().item(Either.left(failure));
    }

    static <L, T> Uni<Either<L, T>> succeeded(T value) {
        return Uni.createFrom().item(Either.right(value));
    }
}
