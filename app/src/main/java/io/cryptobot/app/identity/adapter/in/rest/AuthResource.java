package io.cryptobot.app.identity.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Create an account",
            description = "Signs up a new user with the trader role. Limited per client address "
                    + "(cryptobot.auth.register.*); e-mails are compared case-insensitively. No token "
                    + "is issued: log in next.")
    @APIResponse(responseCode = "201", description = "The account created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "identity.request.invalid: e-mail, password (length) or displayName refused; "
            + "every field is listed in errors[]")
    @APIResponse(responseCode = "409", description = "identity.user.email_taken: an account with this e-mail exists")
    @APIResponse(responseCode = "429", description = "identity.register.rate_limited: too many sign-ups from this address; retry after "
            + "Retry-After seconds")
    public Uni<Response> register(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegisterRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\",\"displayName\":\"Ada\"}"))) RegisterRequest request, @Context HttpServerRequest http) {
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
    @Operation(summary = "Log in",
            description = "Exchanges e-mail and password for a short-lived access token (a bearer JWT) and "
                    + "a single-use refresh token. Attempts are limited per e-mail and per client "
                    + "address.")
    @APIResponse(responseCode = "200", description = "The tokens; send accessToken as \"Authorization: Bearer ...\"",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "identity.request.invalid: e-mail or password missing or malformed")
    @APIResponse(responseCode = "401", description = "identity.credentials.invalid: e-mail or password is wrong, or the account is "
            + "disabled")
    @APIResponse(responseCode = "429", description = "identity.login.rate_limited: too many attempts; retry after Retry-After seconds")
    public Uni<Response> logIn(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoginRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\"}"))) LoginRequest request, @Context HttpServerRequest http) {
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
    @Operation(summary = "Refresh the tokens",
            description = "Trades a refresh token for a new access and refresh token pair; the presented "
                    + "one is used up. Presenting a used refresh token again revokes its whole session "
                    + "(reuse detection), including its access tokens.")
    @APIResponse(responseCode = "200", description = "A new token pair",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "identity.request.invalid: refreshToken missing or malformed")
    @APIResponse(responseCode = "401", description = "identity.refresh_token.invalid: unknown, expired, already used or revoked")
    public Uni<Response> refresh(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RefreshTokenRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"refreshToken\":\"rt_3q2x9V7bKp0aZ...\"}"))) RefreshTokenRequest request) {
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
    @Operation(summary = "Log out",
            description = "Ends the session of the refresh token: the refresh token and every access token "
                    + "of the session stop working at once. Answers 204 also for a token already ended, "
                    + "so logging out twice is harmless.")
    @APIResponse(responseCode = "204", description = "The session is ended")
    @APIResponse(responseCode = "400", description = "identity.request.invalid: refreshToken missing or malformed")
    public Uni<Response> logOut(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RefreshTokenRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"refreshToken\":\"rt_3q2x9V7bKp0aZ...\"}"))) RefreshTokenRequest request) {
        if (request == null) {
            return Uni.createFrom().item(Responses.missingBody());
        }
        return RefreshSecret.presented("refreshToken", request.refreshToken()).fold(
                violation -> Uni.createFrom().item(Problems.response(IdentityErrors.invalidInput(List.of(violation)))),
                secret -> logOut.logOut(secret).map(done -> Response.noContent().build()));
    }
}
