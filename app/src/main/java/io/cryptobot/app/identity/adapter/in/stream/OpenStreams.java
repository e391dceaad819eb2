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
 * a client that went away. Entries leave when their response ends, however it ends (the stream's end, the client
 * going away, the server ending it), which also frees the place it took in the user's streams-per-user limit.
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

    /**
     * Records the stream unless the user already has {@code max} open (false: nothing recorded). The count and the
     * addition are one step under the map's lock for the user, so concurrent opens cannot both take the last place.
     */
    boolean register(UUID user, UUID session, RoutingContext routing, long max) {
        OpenStream stream = new OpenStream(session, routing);
        boolean[] added = new boolean[1];
        byUser.compute(user, (key, streams) -> {
            Set<OpenStream> open = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            if (open.size() < max) {
                added[0] = open.add(stream);
            }
            return open.isEmpty() ? null : open;
        });
        if (added[0]) {
            routing.addEndHandler(ended -> forget(user, stream));
        }
        return added[0];
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
