package io.cryptobot.app.identity.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code identity.revoked_sessions}; never leaves this package. */
@Entity
@Table(schema = "identity", name = "revoked_sessions")
class RevokedSessionEntity {
    @Id
    @Column(name = "session_id")
    UUID sessionId;

    @Column(name = "user_id", nullable = false)
    UUID userId;

    @Column(name = "revoked_at", nullable = false)
    Instant revokedAt;

    @Column(name = "keep_until", nullable = false)
    Instant keepUntil;
}
