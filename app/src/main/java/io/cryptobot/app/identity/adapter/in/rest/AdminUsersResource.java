package io.cryptobot.app.identity.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.app.identity.application.port.in.ListUsersQuery;
import io.cryptobot.app.identity.application.port.in.UpdateUserCommand;
import io.cryptobot.app.identity.application.port.in.UpdateUserUseCase;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import io.vavr.control.Try;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** Account administration. */
@Path("/api/admin/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private final ListUsersQuery listUsers;
    private final UpdateUserUseCase updateUser;
    private final SecurityIdentity caller;

    AdminUsersResource(ListUsersQuery listUsers, UpdateUserUseCase updateUser, SecurityIdentity caller) {
        this.listUsers = listUsers;
        this.updateUser = updateUser;
        this.caller = caller;
    }

    /** Query parameters are read as text so that a malformed number is a 400 with the field named, not a 404. */
    @GET
    @Operation(summary = "List users (admin)",
            description = "Every account, oldest first, paged by offset and limit (1..500, default 50).")
    @APIResponse(responseCode = "200", description = "One page of users",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserPageResponse.class)))
    @APIResponse(responseCode = "400", description = "identity.request.invalid: offset or limit is not a whole number in range")
    public Uni<Response> list(@QueryParam("offset") @DefaultValue("0") String offset,
                              @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) String limit) {
        List<Violation> violations = new ArrayList<>();
        int from = parse("offset", offset, 0, Integer.MAX_VALUE, violations);
        int size = parse("limit", limit, 1, MAX_LIMIT, violations);
        if (!violations.isEmpty()) {
            return Uni.createFrom().item(Problems.response(IdentityErrors.invalidInput(violations)));
        }
        return listUsers.list(new PageRequest(from, size))
                .map(page -> Response.ok(UserPageResponse.from(page)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's role or access (admin)",
            description = "Sets the role (viewer, trader, admin) and/or enabled; omitted fields are kept. "
                    + "Disabling a user ends their sessions. An admin cannot demote or disable "
                    + "themselves.")
    @APIResponse(responseCode = "200", description = "The updated user",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "identity.request.invalid: role unknown or nothing to change")
    @APIResponse(responseCode = "404", description = "identity.user.not_found: no user with this id")
    @APIResponse(responseCode = "422", description = "identity.user.self_lockout: an admin may not demote or disable themselves")
    public Uni<Response> update(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = UpdateUserRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"role\":\"viewer\",\"enabled\":true}"))) UpdateUserRequest request) {
        if (request == null) {
            return Uni.createFrom().item(Responses.missingBody());
        }
        UserId actor = UserId.parse(caller.getPrincipal().getName())
                .getOrElseThrow(() -> new IllegalStateException("authenticated caller without user id"));
        return UserId.parse(id).toEither(IdentityErrors.userNotFound()).fold(
                notFound -> Uni.createFrom().item(Problems.response(notFound)),
                target -> UpdateUserCommand.of(actor, target, request.role(), request.enabled()).fold(
                        invalid -> Uni.createFrom().item(Problems.response(invalid)),
                        command -> updateUser.update(command).map(outcome -> Responses.of(outcome,
                                user -> Response.ok(UserResponse.from(user)).build()))));
    }

    private static int parse(String field, String text, int min, int max, List<Violation> violations) {
        Either<String, Integer> parsed = Try.of(() -> Integer.parseInt(text.strip())).toEither()
                .mapLeft(failure -> "must be a whole number")
                .filterOrElse(value -> value >= min && value <= max,
                        value -> "must be between " + min + " and " + max);
        if (parsed.isLeft()) {
            violations.add(new Violation(field, parsed.getLeft()));
            return min;
        }
        return parsed.get();
    }
}
