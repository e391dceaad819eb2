package io.cryptobot.app.identity.domain;

import java.util.Objects;
import java.util.UUID;

/** Groups every refresh token that descends, by rotation, from one login. */
public record TokenFamilyId(UUID value) {
    public TokenFamilyId {
        Objects.requireNonNull(value, "value");
    }
}
