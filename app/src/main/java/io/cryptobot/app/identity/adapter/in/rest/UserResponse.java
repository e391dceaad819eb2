package io.cryptobot.app.identity.adapter.in.rest;

import io.cryptobot.app.identity.domain.DisplayName;
import io.cryptobot.app.identity.domain.User;
import java.time.Instant;
import java.util.UUID;

/** An account as the API shows it: never the password hash. */
record UserResponse(UUID id, String email, String displayName, String role, boolean enabled, Instant createdAt) {
    static UserResponse from(User user) {
        return new UserResponse(user.id().value(), user.email().value(),
                user.displayName().map(DisplayName::value).getOrNull(), user.role().code(), user.enabled(),
                user.createdAt());
    }
}
