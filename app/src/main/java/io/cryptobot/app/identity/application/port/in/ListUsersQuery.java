package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.smallrye.mutiny.Uni;

/** All accounts, oldest first, for administrators. */
public interface ListUsersQuery {
    Uni<Page<User>> list(PageRequest page);
}
