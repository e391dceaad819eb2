package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import java.util.UUID;

/** The whole chain behind one correlation id of the caller's; not found when nothing of theirs carries it. */
public interface AuditTrailQuery {
    Either<DomainError, AuditChain> chain(UserId caller, UUID correlationId);
}
