package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.cryptobot.app.identity.domain.Role;
import java.util.List;
import java.util.Objects;

/** The accounts a fresh installation should have, so that someone can log in right away. */
public record EnsureDemoUsersCommand(List<DemoUser> users) {
    public EnsureDemoUsersCommand {
        users = List.copyOf(users);
    }

    public record DemoUser(Email email, PlainPassword password, Role role) {
        public DemoUser {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(role, "role");
        }
    }
}
