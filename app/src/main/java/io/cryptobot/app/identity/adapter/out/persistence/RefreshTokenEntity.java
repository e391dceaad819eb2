package io.cryptobot.app.identity.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code identity.refresh_tokens}; never leaves this package. */
@Entity
@Table(schema = "identity", name = "refresh_tokens")
class RefreshTokenEntity {
    @Id
    UUID id;

    @Column(name = "user_id", nullable = false)
    UUID userId;

    @Column(name = "token_hash", nullable = false, columnDefinition = "text")
    String tokenHash;

    @Column(name = "family_id", nullable = false)
    UUID familyId;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "replaced_by")
    UUID replacedBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
