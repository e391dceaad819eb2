package io.cryptobot.app.identity.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class RevokedSessionRepository implements PanacheRepositoryBase<RevokedSessionEntity, UUID> {
}
