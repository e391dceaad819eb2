package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Set;

/**
 * Ends sessions (refresh-token families) of {@code owner} for their access tokens: from the moment this returns,
 * {@link IsSessionRevokedPort} answers true for each of them until {@code keepUntil}, when every access token they
 * carried has expired. Stored durably, so a restart keeps them; joins a transaction the caller opened.
 */
public interface RevokeSessionsPort {
    Uni<Void> revokeSessions(UserId owner, Set<TokenFamilyId> sessions, Instant keepUntil);
}
