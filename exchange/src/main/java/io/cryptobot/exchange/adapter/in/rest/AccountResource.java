package io.cryptobot.exchange.adapter.in.rest;

import io.cryptobot.exchange.application.port.in.AccountsUseCase;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.account.ExchangeErrors;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Trading accounts: paper accounts with chosen starting balances, and connections to real venues whose
 * credentials are sealed on arrival and never returned (only the API key's last four characters, masked).
 */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountsUseCase accounts;

    AccountResource(AccountsUseCase accounts) {
        this.accounts = accounts;
    }

    public record PaperRequest(String name, Map<String, String> balances) {
    }

    /** The plain credentials of a connection request; {@link #toString()} masks them. */
    public record ConnectionRequest(String name, String venue, String apiKey, String secret, String passphrase) {
        @Override
        public String toString() {
            return "ConnectionRequest[name=" + name + ", venue=" + venue + ", credentials=****]";
        }
    }

    public record AccountResponse(String id, String name, String kind, String venue,
                                  Map<String, String> startingBalances, String apiKey, boolean hasPassphrase,
                                  Instant createdAt) {
        static AccountResponse of(ExchangeAccount account) {
            Map<String, String> balances = new TreeMap<>();
            account.startingBalances().forEach((asset, amount) -> balances.put(asset.code(), amount.toPlainString()));
            return new AccountResponse(account.id().toString(), account.name(), account.kind().code(),
                    account.venue().code(), balances,
                    account.credentials().map(ExchangeAccount.StoredCredentials::apiKeyHint).getOrNull(),
                    account.credentials().exists(c -> c.passphrase().isDefined()), account.createdAt());
        }
    }

    @POST
    @Path("paper")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response openPaper(PaperRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(ExchangeErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        return created(accounts.openPaper(caller(security), request.name(), request.balances()));
    }

    @POST
    @Path("connections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response connect(ConnectionRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(ExchangeErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        return created(accounts.connect(caller(security), request.name(), request.venue(), request.apiKey(),
                request.secret(), request.passphrase()));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = caller(security);
        return RestInputs.page(offset, limit).toEither()
                .<DomainError>mapLeft(v -> ExchangeErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(accounts.list(caller, page),
                        AccountResponse::of)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(accountId -> accounts.get(caller, accountId))
                .fold(Problems::response, account -> Response.ok(AccountResponse.of(account)).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(accountId -> accounts.remove(caller, accountId))
                .fold(Problems::response, account -> Response.noContent().build());
    }

    private static Response created(Either<DomainError, ExchangeAccount> outcome) {
        return outcome.fold(Problems::response, account -> Response.created(URI.create("/api/accounts/" + account.id()))
                .entity(AccountResponse.of(account)).build());
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }

    /** A malformed id cannot name anyone's account: not found, like another user's. */
    private static Either<DomainError, AccountId> id(String text) {
        return AccountId.parse(text).toEither(() -> ExchangeErrors.notFound(new AccountId(new UUID(0, 0))));
    }
}
