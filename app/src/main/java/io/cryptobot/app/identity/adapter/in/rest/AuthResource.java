package io.cryptobot.app.identity.adapter.in.rest;

import io.cryptobot.app.identity.adapter.config.IdentityConfig;
import io.cryptobot.app.identity.application.port.in.LogInCommand;
import io.cryptobot.app.identity.application.port.in.LogInUseCase;
import io.cryptobot.app.identity.application.port.in.LogOutUseCase;
import io.cryptobot.app.identity.application.port.in.RefreshTokensUseCase;
import io.cryptobot.app.identity.application.port.in.RegisterUserCommand;
import io.cryptobot.app.identity.application.port.in.RegisterUserUseCase;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.RefreshSecret;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Public endpoints: sign-up, login, token refresh and logout. */
@Path("/api/auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    private final RegisterUserUseCase register;
    private final LogInUseCase logIn;
    private final RefreshTokensUseCase refresh;
    private final LogOutUseCase logOut;
    private final boolean trustForwardedFor;

    AuthResource(RegisterUserUseCase register, LogInUseCase logIn, RefreshTokensUseCase refresh,
                 LogOutUseCase logOut, IdentityConfig config) {
        this.register = register;
        this.logIn = logIn;
        this.refresh = refresh;
        this.logOut = logOut;
        this.trustForwardedFor = config.trustForwardedFor();
    }

    @POST
    @Path("/register")
    public Uni<Response> register(RegisterRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            return Uni.createFrom().item(Responses.missingBody());
        }
        return RegisterUserCommand.of(request.email(), request.password(), request.displayName(), address(http)).fold(
                invalid -> Uni.createFrom().item(Problems.response(invalid)),
                command -> register.register(command).map(outcome -> Responses.of(outcome,
                        user -> Response.status(Response.Status.CREATED).entity(UserResponse.from(user)).build())));
    }

    @POST
    @Path("/login")
    public Uni<Response> logIn(LoginRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            return Uni.createFrom().item(Responses.missingBody());
        }
        return LogInCommand.of(request.email(), request.password(), address(http)).fold(
                invalid -> Uni.createFrom().item(Problems.response(invalid)),
                command -> logIn.logIn(command).map(outcome -> Responses.of(outcome,
                        pair -> Responses.tokens(TokenResponse.from(pair)))));
    }

    private String address(HttpServerRequest http) {
        return ClientAddress.resolve(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                http.getHeader("X-Forwarded-For"), trustForwardedFor);
    }

    @POST
    @Path("/refresh")
    public Uni<Response> refresh(RefreshTokenRequest request) {
        if (request == null) {
            return Uni.createFrom().item(Responses.missingBody());
        }
        return RefreshSecret.presented("refreshToken", request.refreshToken()).fold(
                violation -> Uni.createFrom().item(Problems.response(IdentityErrors.invalidInput(List.of(violation)))),
                secret -> refresh.refresh(secret).map(outcome -> Responses.of(outcome,
                        pair -> Responses.tokens(TokenResponse.from(pair)))));
    }

    @POST
    @Path("/logout")
    public Uni<Response> logOut(RefreshTokenRequest request) {
        if (request == null) {
            return Uni.createFrom().item(Responses.missingBody());
        }
        return RefreshSecret.presented("refreshToken", request.refreshToken()).fold(
                violation -> Uni.createFrom().item(Problems.response(IdentityErrors.invalidInput(List.of(violation)))),
                secret -> logOut.logOut(secret).map(done -> Response.noContent().build()));
    }
}
