package io.cryptobot.app.identity.adapter.in.stream;

import io.cryptobot.app.identity.application.port.out.IsSessionRevokedPort;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Try;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Records every server-sent-event request of an authenticated caller in {@link OpenStreams}, for every resource
 * of every context, current or future, without the resources knowing. Runs on each request, so the common case
 * (not a stream) costs one map look-up by resource method. A user may have {@link UserLimits#streams()} open at
 * once over every stream endpoint; one more is answered 429 {@code stream.too_many_open} before the resource runs.
 */
@ApplicationScoped
class OpenStreamsFilter {
    private static final Uni<Response> DONE = Uni.createFrom().nullItem();
    private final ConcurrentHashMap<Method, Boolean> streaming = new ConcurrentHashMap<>();
    private final OpenStreams streams;
    private final CurrentIdentityAssociation identities;
    private final IsSessionRevokedPort revokedSessions;
    private final Limit open;

    OpenStreamsFilter(OpenStreams streams, CurrentIdentityAssociation identities,
                      IsSessionRevokedPort revokedSessions, UserLimits limits) {
        this.streams = streams;
        this.identities = identities;
        this.revokedSessions = revokedSessions;
        this.open = limits.streams();
    }

    @ServerRequestFilter
    Uni<Response> registerStreams(ResourceInfo resource, RoutingContext routing) {
        Method method = resource.getResourceMethod();
        if (method == null || !streaming.computeIfAbsent(method, OpenStreamsFilter::producesEvents)) {
            return DONE;
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                    || !(token.getClaim("sid") instanceof String sid)) {
                return null;
            }
            UUID session = Try.of(() -> UUID.fromString(sid)).getOrNull();
            UserId user = UserId.parse(token.getName()).getOrNull();
            if (session == null || user == null) {
                return null;
            }
            if (!streams.register(user.value(), session, routing, open.max())) {
                return Problems.response(open.reached("stream.too_many_open", "you already have " + open.max()
                        + " event streams open; close one first", 0));
            }
            // The session may have ended between the token check and this registration.
            if (revokedSessions.isRevoked(new TokenFamilyId(session))) {
                streams.endStreamsOfSessions(java.util.Set.of(new TokenFamilyId(session)));
            }
            return null;
        });
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
