package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.User;
import io.smallrye.mutiny.Uni;

public interface SaveUserPort {
    /** Stores a new account; false (and nothing stored) when the e-mail is already taken, even by a concurrent insert. */
    Uni<Boolean> insertUser(User user);

    /** Stores role, enabled state and tokens-valid-after of an existing account. */
    Uni<Void> updateUser(User user);
}
