package io.cryptobot.app.identity.adapter.out.persistence;

import io.cryptobot.app.identity.application.port.out.LoadRefreshTokenPort;
import io.cryptobot.app.identity.application.port.out.SaveRefreshTokenPort;
import io.cryptobot.app.identity.domain.RefreshToken;
import io.cryptobot.app.identity.domain.RefreshTokenHash;
import io.cryptobot.app.identity.domain.RefreshTokenId;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
class RefreshTokenPersistenceAdapter implements LoadRefreshTokenPort, SaveRefreshTokenPort {
    private final RefreshTokenRepository tokens;

    RefreshTokenPersistenceAdapter(RefreshTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<Option<RefreshToken>> loadRefreshToken(RefreshTokenHash hash) {
        return Panache.withSession(() -> tokens.find("tokenHash", hash.value()).firstResult())
                .map(entity -> Option.of(entity).map(RefreshTokenPersistenceAdapter::toDomain));
    }

    @Override
    public Uni<Set<TokenFamilyId>> sessionsIssuedSince(UserId user, Instant since) {
        // A handful of rows: one per login or refresh of this user within one access-token lifetime.
        return Panache.withSession(() -> tokens.list("userId = ?1 and createdAt >= ?2", user.value(), since))
                .map(rows -> rows.stream().map(row -> new TokenFamilyId(row.familyId))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public Uni<Void> insertRefreshToken(RefreshToken token) {
        return Panache.withTransaction(() -> tokens.persistAndFlush(toEntity(token))).replaceWithVoid();
    }

    @Override
    public Uni<Boolean> markRotated(RefreshToken rotated) {
        // Conditional on "still unrevoked" so that of two concurrent exchanges exactly one wins.
        return Panache.withTransaction(() -> tokens.update(
                "revokedAt = ?1, replacedBy = ?2 where id = ?3 and revokedAt is null",
                rotated.revokedAt().get(), rotated.replacedBy().get().value(), rotated.id().value()))
                .map(updated -> updated == 1);
    }

    @Override
    public Uni<Integer> revokeFamily(TokenFamilyId family, Instant at) {
        return Panache.withTransaction(() -> tokens.update(
                "revokedAt = ?1 where familyId = ?2 and revokedAt is null", at, family.value()));
    }

    @Override
    public Uni<Integer> revokeAllOfUser(UserId user, Instant at) {
        return Panache.withTransaction(() -> tokens.update(
                "revokedAt = ?1 where userId = ?2 and revokedAt is null", at, user.value()));
    }

    private static RefreshToken toDomain(RefreshTokenEntity entity) {
        return RefreshToken.reconstitute(new RefreshTokenId(entity.id), UserId.of(entity.userId),
                new RefreshTokenHash(entity.tokenHash), new TokenFamilyId(entity.familyId), entity.expiresAt,
                Option.of(entity.revokedAt), Option.of(entity.replacedBy).map(RefreshTokenId::new),
                entity.createdAt);
    }

    private static RefreshTokenEntity toEntity(RefreshToken token) {
        RefreshTokenEntity entity = new RefreshTokenEntity();
        entity.id = token.id().value();
        entity.userId = token.userId().value();
        entity.tokenHash = token.hash().value();
        entity.familyId = token.family().value();
        entity.expiresAt = token.expiresAt();
        entity.revokedAt = token.revokedAt().getOrNull();
        entity.replacedBy = token.replacedBy().map(RefreshTokenId::value).getOrNull();
        entity.createdAt = token.createdAt();
        return entity;
    }
}
