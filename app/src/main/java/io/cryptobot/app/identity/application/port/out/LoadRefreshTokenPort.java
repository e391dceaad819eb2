package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.RefreshToken;
import io.cryptobot.app.identity.domain.RefreshTokenHash;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;

public interface LoadRefreshTokenPort {
    Uni<Option<RefreshToken>> loadRefreshToken(RefreshTokenHash hash);
}
