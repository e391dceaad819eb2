package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.UserId;
import java.util.Set;

/**
 * Closes open server-sent-event streams from the server side: a stream was authorised once, when it opened, so
 * ending a session or disabling an account must also end what is already flowing. Non-blocking.
 */
public interface EndStreamsPort {
    /** Ends the streams opened with an access token of one of these sessions. */
    void endStreamsOfSessions(Set<TokenFamilyId> sessions);

    /** Ends every stream of the user, whatever session opened it. */
    void endStreamsOfUser(UserId user);
}
