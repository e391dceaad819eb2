package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.User;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Creates each listed account unless one with that e-mail exists; existing accounts (and their passwords, roles
 * and enabled state) are left alone, so running it at every start is safe. Returns the accounts as they are now.
 */
public interface EnsureDemoUsersUseCase {
    Uni<List<User>> ensure(EnsureDemoUsersCommand command);
}
