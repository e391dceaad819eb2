package io.cryptobot.app.identity.adapter.out.persistence;

import io.cryptobot.app.identity.application.port.out.UnitOfWorkPort;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** The adapters' own {@code Panache.withTransaction} calls join the transaction opened here. */
@ApplicationScoped
class PanacheUnitOfWorkAdapter implements UnitOfWorkPort {
    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work);
    }
}
