package io.cryptobot.app.identity.adapter.in.rest;

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
    public Uni<Response> update(@PathParam("id") String id, UpdateUserRequest request) {
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
