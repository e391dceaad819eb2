package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.RefreshToken;
import io.cryptobot.app.identity.domain.RefreshTokenHash;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;

public interface LoadRefreshTokenPort {
    Uni<Option<RefreshToken>> loadRefreshToken(RefreshTokenHash hash);

    /** The sessions (families) of the user that issued a token (login or refresh) at or after {@code since}. */
    Uni<Set<TokenFamilyId>> sessionsIssuedSince(UserId user, Instant since);
}
