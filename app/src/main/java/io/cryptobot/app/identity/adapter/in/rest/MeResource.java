package io.cryptobot.app.identity.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "The caller's profile",
            description = "The signed-in user's own account: id, e-mail, display name, role and whether it "
                    + "is enabled. Any role.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "identity.user.not_found: the account was deleted since the token was issued")
    public Uni<Response> me() {
        return UserId.parse(caller.getPrincipal().getName()).fold(
                () -> Uni.createFrom().item(Problems.response(IdentityErrors.accessRevoked())),
                id -> profiles.profile(id).map(outcome -> Responses.of(outcome,
                        user -> Response.ok(UserResponse.from(user)).build())));
    }
}
