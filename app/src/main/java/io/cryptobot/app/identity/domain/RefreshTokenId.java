package io.cryptobot.app.identity.domain;

import java.util.Objects;
import java.util.UUID;

public record RefreshTokenId(UUID value) {
    public RefreshTokenId {
        Objects.requireNonNull(value, "value");
    }
}
