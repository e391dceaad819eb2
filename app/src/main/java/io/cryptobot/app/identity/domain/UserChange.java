package io.cryptobot.app.identity.domain;

import io.vavr.control.Option;
import java.util.Objects;

/** What an admin asks to change on an account; absent parts stay as they are. */
public record UserChange(Option<Role> role, Option<Boolean> enabled) {
    public UserChange {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(enabled, "enabled");
    }
}
