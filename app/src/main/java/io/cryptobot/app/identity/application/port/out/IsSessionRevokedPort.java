package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.TokenFamilyId;

/**
 * Asked on every authenticated request, so implementations answer from memory (a hash look-up, no I/O). One
 * instance keeps the set itself; several instances need an adapter that shares revocations (Redis) and still
 * answers from a local copy.
 */
public interface IsSessionRevokedPort {
    boolean isRevoked(TokenFamilyId session);
}
