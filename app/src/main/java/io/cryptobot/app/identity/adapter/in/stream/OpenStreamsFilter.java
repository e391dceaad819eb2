package io.cryptobot.app.identity.adapter.in.stream;

import io.cryptobot.app.identity.application.port.out.IsSessionRevokedPort;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Try;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Records every server-sent-event request of an authenticated caller in {@link OpenStreams}, for every resource
 * of every context, current or future, without the resources knowing. Runs on each request, so the common case
 * (not a stream) costs one map look-up by resource method.
 */
@ApplicationScoped
class OpenStreamsFilter {
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();
    private final ConcurrentHashMap<Method, Boolean> streaming = new ConcurrentHashMap<>();
    private final OpenStreams streams;
    private final CurrentIdentityAssociation identities;
    private final IsSessionRevokedPort revokedSessions;

    OpenStreamsFilter(OpenStreams streams, CurrentIdentityAssociation identities,
                      IsSessionRevokedPort revokedSessions) {
        this.streams = streams;
        this.identities = identities;
        this.revokedSessions = revokedSessions;
    }

    @ServerRequestFilter
    Uni<Void> registerStreams(ResourceInfo resource, RoutingContext routing) {
        Method method = resource.getResourceMethod();
        if (method == null || !streaming.computeIfAbsent(method, OpenStreamsFilter::producesEvents)) {
            return DONE;
        }
        return identities.getDeferredIdentity().invoke(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                    || !(token.getClaim("sid") instanceof String sid)) {
                return;
            }
            UUID session = Try.of(() -> UUID.fromString(sid)).getOrNull();
            UserId user = UserId.parse(token.getName()).getOrNull();
            if (session == null || user == null) {
                return;
            }
            streams.register(user.value(), session, routing);
            // The session may have ended between the token check and this registration.
            if (revokedSessions.isRevoked(new TokenFamilyId(session))) {
                streams.endStreamsOfSessions(java.util.Set.of(new TokenFamilyId(session)));
            }
        }).replaceWithVoid();
    }

    private static boolean producesEvents(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return produces != null && Arrays.stream(produces.value())
                .anyMatch(type -> type.startsWith(MediaType.SERVER_SENT_EVENTS));
    }
}
