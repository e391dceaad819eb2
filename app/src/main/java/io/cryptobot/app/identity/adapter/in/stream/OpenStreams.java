package io.cryptobot.app.identity.adapter.in.stream;

import io.cryptobot.app.identity.application.port.out.EndStreamsPort;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.UserId;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The server-sent-event responses open in this process, by user and session, so that the server can end them:
 * a stream is authorised once, when it opens, and would otherwise keep delivering after a logout or after its
 * owner was disabled. Ending one closes its HTTP/1.1 connection (which carries nothing else while it streams) or
 * resets its HTTP/2 stream; the client sees the stream end, and the resource's subscription is cancelled as for
 * a client that went away. Entries leave when their response ends, however it ends.
 */
@ApplicationScoped
class OpenStreams implements EndStreamsPort {
    private static final Logger LOG = Logger.getLogger(OpenStreams.class);
    private final ConcurrentHashMap<UUID, Set<OpenStream>> byUser = new ConcurrentHashMap<>();

    /** Identity, not value, equality: each open response is its own entry. */
    private static final class OpenStream {
        final UUID session;
        final RoutingContext routing;

        OpenStream(UUID session, RoutingContext routing) {
            this.session = session;
            this.routing = routing;
        }
    }

    void register(UUID user, UUID session, RoutingContext routing) {
        OpenStream stream = new OpenStream(session, routing);
        byUser.computeIfAbsent(user, key -> ConcurrentHashMap.newKeySet()).add(stream);
        routing.addEndHandler(ended -> forget(user, stream));
    }

    int openStreamsOf(UUID user) {
        Set<OpenStream> streams = byUser.get(user);
        return streams == null ? 0 : streams.size();
    }

    @Override
    public void endStreamsOfSessions(Set<TokenFamilyId> sessions) {
        byUser.forEach((user, streams) -> streams.forEach(stream -> {
            if (sessions.contains(new TokenFamilyId(stream.session))) {
                forget(user, stream);
                end(stream);
            }
        }));
    }

    @Override
    public void endStreamsOfUser(UserId user) {
        Set<OpenStream> streams = byUser.remove(user.value());
        if (streams != null) {
            streams.forEach(OpenStreams::end);
        }
    }

    private void forget(UUID user, OpenStream stream) {
        byUser.computeIfPresent(user, (key, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private static void end(OpenStream stream) {
        HttpServerRequest request = stream.routing.request();
        try {
            if (request.version() == HttpVersion.HTTP_2) {
                request.response().reset();
            } else {
                request.connection().close();
            }
        } catch (RuntimeException alreadyGone) {
            LOG.debugf(alreadyGone, "stream already closed");
        }
    }
}
