package io.cryptobot.app.identity.adapter.in.security;

import io.cryptobot.app.identity.application.port.in.VerifyAccessCommand;
import io.cryptobot.app.identity.application.port.in.VerifyAccessUseCase;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Signature, issuer and expiry of a token are checked by smallrye-jwt; this adds what only the platform knows:
 * the token's session ({@code sid}) has not ended, the account exists, is enabled, still has the token's role,
 * and has not ended its sessions since the token was issued. It also grants the roles the account's role
 * includes (an admin may do what a trader may).
 */
@ApplicationScoped
class AccountStateAugmentor implements SecurityIdentityAugmentor {
    static final String SESSION_CLAIM = "sid";
    private final VerifyAccessUseCase verifyAccess;
    private final Vertx vertx;

    AccountStateAugmentor(VerifyAccessUseCase verifyAccess, Vertx vertx) {
        this.verifyAccess = verifyAccess;
        this.vertx = vertx;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object issuedAt = token.getClaim(Claims.iat.name());
        if (!(issuedAt instanceof Number seconds)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("access token without iat"));
        }
        Object session = token.getClaim(SESSION_CLAIM);
        VerifyAccessCommand command = new VerifyAccessCommand(token.getName(),
                session instanceof String sid ? sid : null, Instant.ofEpochSecond(seconds.longValue()),
                token.getGroups());
        return onVertxContext(() -> verifyAccess.verify(command)).flatMap(outcome -> outcome.fold(
                refused -> Uni.createFrom().failure(new AuthenticationFailedException(refused.code())),
                user -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder(identity)
                        .addRoles(user.role().grantedRoles())
                        .build())));
    }

    /** The reactive store needs a Vert.x context; blocking endpoints may authenticate on a worker thread. */
    private <T> Uni<T> onVertxContext(Supplier<Uni<T>> work) {
        if (Context.isOnVertxThread() && !BlockingOperationControl.isBlockingAllowed()) {
            return work.get();
        }
        Context target = VertxContext.getOrCreateDuplicatedContext(vertx);
        return Uni.createFrom().emitter(emitter -> target.runOnContext(ignored ->
                work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
