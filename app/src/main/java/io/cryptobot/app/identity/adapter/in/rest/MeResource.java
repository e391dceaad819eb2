package io.cryptobot.app.identity.adapter.in.rest;

import io.cryptobot.app.identity.application.port.in.GetProfileQuery;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's own profile, for any role. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private final GetProfileQuery profiles;
    private final SecurityIdentity caller;

    MeResource(GetProfileQuery profiles, SecurityIdentity caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    public Uni<Response> me() {
        return UserId.parse(caller.getPrincipal().getName()).fold(
                () -> Uni.createFrom().item(Problems.response(IdentityErrors.accessRevoked())),
                id -> profiles.profile(id).map(outcome -> Responses.of(outcome,
                        user -> Response.ok(UserResponse.from(user)).build())));
    }
}
