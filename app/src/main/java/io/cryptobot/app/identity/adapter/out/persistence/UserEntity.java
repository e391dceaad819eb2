package io.cryptobot.app.identity.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code identity.users}; never leaves this package. */
@Entity
@Table(schema = "identity", name = "users")
class UserEntity {
    @Id
    UUID id;

    @Column(nullable = false, columnDefinition = "text")
    String email;

    @Column(name = "display_name", columnDefinition = "text")
    String displayName;

    @Column(name = "password_hash", nullable = false, columnDefinition = "text")
    String passwordHash;

    @Column(nullable = false, columnDefinition = "text")
    String role;

    @Column(nullable = false)
    boolean enabled;

    @Column(name = "tokens_valid_after", nullable = false)
    Instant tokensValidAfter;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
