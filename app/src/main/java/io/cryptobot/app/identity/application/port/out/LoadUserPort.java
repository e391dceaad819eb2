package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;

public interface LoadUserPort {
    Uni<Option<User>> loadUser(UserId id);

    /** Matches case-insensitively, as the unique index does. */
    Uni<Option<User>> loadUserByEmail(Email email);

    /** Oldest first, so pages stay stable while accounts are added. */
    Uni<Page<User>> loadUsers(PageRequest page);
}
