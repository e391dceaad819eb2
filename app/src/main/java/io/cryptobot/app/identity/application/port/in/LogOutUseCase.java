package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.RefreshSecret;
import io.smallrye.mutiny.Uni;

/** Revokes a refresh token. Unknown or already revoked tokens are ignored, so logging out twice is harmless. */
public interface LogOutUseCase {
    Uni<Void> logOut(RefreshSecret presented);
}
