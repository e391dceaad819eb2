package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.PasswordHash;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;

/** Slow, salted password hashing. Implementations must not block the event loop. */
public interface HashPasswordPort {
    Uni<PasswordHash> hash(PlainPassword password);

    /**
     * Whether the password matches the hash. Without a hash (unknown account) it still spends the time of one
     * verification and answers false, so response times do not reveal which accounts exist.
     */
    Uni<Boolean> matches(PlainPassword password, Option<PasswordHash> hash);
}
