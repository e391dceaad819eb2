package io.cryptobot.app.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs several store operations as one transaction: all of them take effect, or none. */
public interface UnitOfWorkPort {
    <T> Uni<T> inTransaction(Supplier<Uni<T>> work);
}
