package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.User;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Objects;

/**
 * Creates each listed account unless one with that e-mail exists; existing accounts (and their passwords, roles
 * and enabled state) are left alone, so running it at every start is safe. Returns the accounts as they are now,
 * in the order listed, each saying whether this call created it (only then was the given password set).
 */
public interface EnsureDemoUsersUseCase {
    Uni<List<Ensured>> ensure(EnsureDemoUsersCommand command);

    /** An account as it is now; {@code createdNow}: it did not exist and got the command's password. */
    record Ensured(User user, boolean createdNow) {
        public Ensured {
            Objects.requireNonNull(user, "user");
        }
    }
}
