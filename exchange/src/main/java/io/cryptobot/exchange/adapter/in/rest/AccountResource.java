package io.cryptobot.exchange.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.exchange.application.port.in.AccountsUseCase;
import io.cryptobot.exchange.application.port.in.AskConnectionTestUseCase;
import io.cryptobot.exchange.application.port.in.ReconcileWalletQuery;
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
    private final AskConnectionTestUseCase connectionTest;
    private final ReconcileWalletQuery wallets;

    AccountResource(AccountsUseCase accounts, AskConnectionTestUseCase connectionTest, ReconcileWalletQuery wallets) {
        this.accounts = accounts;
        this.connectionTest = connectionTest;
        this.wallets = wallets;
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
    @Operation(summary = "Open a paper account",
            description = "A simulated account with the given starting balances (asset to exact "
                    + "decimal string); bots and hand orders trade it through the simulated "
                    + "venue.")
    @APIResponse(responseCode = "201", description = "The account (Location: /api/accounts/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "400", description = "exchange.invalid_input: name missing or too long, or a balance is not a "
            + "non-negative decimal of a known asset; errors[] names each")
    @APIResponse(responseCode = "409", description = "exchange.account.name_taken: the caller already has an account with this "
            + "name")
    @APIResponse(responseCode = "429", description = "exchange.account.too_many: the caller already has as many "
            + "accounts (paper and connections together) as allowed; the problem names limit accounts-per-user and its "
            + "max (default 50, cryptobot.limits.accounts-per-user); remove one first")
    public Response openPaper(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaperRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"name\":\"paper main\",\"balances\":{\"USDT\":\"10000\"}}"))) PaperRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(ExchangeErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        return created(accounts.openPaper(caller(security), request.name(), request.balances()));
    }

    @POST
    @Path("connections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Connect an exchange account",
            description = "Stores credentials for a real venue account, sealed at rest; the secret is "
                    + "never answered back, the API key only masked. BINANCE and OKX connections can be tested "
                    + "(POST /api/accounts/{id}/test); bots with confirmLive trade a BINANCE one.")
    @APIResponse(responseCode = "201", description = "The account, without its secret (Location: /api/accounts/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "400", description = "exchange.invalid_input: name, venue, apiKey or secret missing or "
            + "malformed; errors[] names each")
    @APIResponse(responseCode = "409", description = "exchange.account.name_taken: the caller already has an account with this "
            + "name")
    @APIResponse(responseCode = "429", description = "exchange.account.too_many: the caller already has as many "
            + "accounts (paper and connections together) as allowed; the problem names limit accounts-per-user and its "
            + "max (default 50, cryptobot.limits.accounts-per-user); remove one first")
    public Response connect(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectionRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"name\":\"binance main\",\"venue\":\"BINANCE\",\"apiKey\":\"your-api-key\",\"secret\":\"your-api-secret\"}"))) ConnectionRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(ExchangeErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        return created(accounts.connect(caller(security), request.name(), request.venue(), request.apiKey(),
                request.secret(), request.passphrase()));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List the caller's accounts",
            description = "Paper and connected accounts of the caller, paged; secrets are never "
                    + "included, the API key only masked.")
    @APIResponse(responseCode = "200", description = "One page of accounts",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = AccountResponse.class))))
    @APIResponse(responseCode = "400", description = "exchange.invalid_input: offset or limit is not a whole number in range")
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
    @Operation(summary = "Get an account",
            description = "One of the caller's accounts; secrets are never included, the API key only masked.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "404", description = "exchange.account.not_found: no such account of the caller (also a "
            + "malformed id)")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(accountId -> accounts.get(caller, accountId))
                .fold(Problems::response, account -> Response.ok(AccountResponse.of(account)).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Remove an account",
            description = "Deletes one of the caller's accounts and its stored credentials, once no bot may trade it "
                    + "any more (every bot on it stopped or completed).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "exchange.account.not_found: no such account of the caller (also a "
            + "malformed id)")
    @APIResponse(responseCode = "409", description = "exchange.account.in_use: a bot of the caller that is created, "
            + "running, paused or failed (it may run again) trades the account; the problem names it: stop it first")
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(accountId -> accounts.remove(caller, accountId))
                .fold(Problems::response, account -> Response.noContent().build());
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Test a venue connection",
            description = "Tries the connection's stored keys with a signed account call and reads the venue's "
                    + "clock. Answers 200 whenever the test ran, with ok=false and the venue's reason when the keys "
                    + "were refused (bad key, bad signature, wrong passphrase, timestamp outside the receive window), "
                    + "the venue could not be reached or the rate limit held the call back. When ok: what the key may "
                    + "do (read, trade, withdraw; a loud warning first when withdrawals are enabled) and the non-zero "
                    + "balances. Always when the venue's time could be read: the clock skew against the venue and "
                    + "whether signed requests fit its window. Secrets are never part of the answer.")
    @APIResponse(responseCode = "200", description = "The test ran; ok says whether the keys work",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ConnectionTestResponse.class),
                    examples = @ExampleObject(name = "passed", value = "{\"accountId\":\"3f1c...\",\"venue\":"
                            + "\"BINANCE\",\"ok\":true,\"testedAt\":\"2026-12-06T10:00:00Z\",\"permissions\":"
                            + "{\"read\":true,\"trade\":true,\"withdraw\":false,\"source\":\"key\"},\"balances\":"
                            + "[{\"asset\":\"USDT\",\"free\":\"1250.5\",\"locked\":\"0\"}],\"clock\":{\"skewMs\":"
                            + "12,\"roundTripMs\":38,\"maxAheadMs\":1000,\"maxBehindMs\":5000,\"withinWindow\":true},"
                            + "\"latencyMs\":41,\"failure\":null,\"warnings\":[]}")))
    @APIResponse(responseCode = "404", description = "exchange.account.not_found: no such account of the caller (also a "
            + "malformed id)")
    @APIResponse(responseCode = "422", description = "exchange.account.not_a_connection: a paper account has no venue "
            + "keys to test; exchange.venue.not_supported: the account's venue has no adapter yet")
    @APIResponse(responseCode = "429", description = "exchange.connection_test.too_many: the caller asked for as many "
            + "tests in the last 60 s as allowed (the venue's request budget is shared by every user); the problem "
            + "names limit connection-tests-per-minute-per-user and its max (default 10); Retry-After says when")
    public Response test(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(accountId -> connectionTest.ask(caller, accountId)
                        .map(result -> ConnectionTestResponse.of(accountId, result)))
                .fold(Problems::response, result -> Response.ok(result).build());
    }

    @GET
    @Path("{id}/reconciliation")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Reconcile a venue connection's wallet",
            description = "Reads the account's balances on the venue with its stored keys (the connection test's "
                    + "signed account call, through the venue's rate limiter; a reading is reused for "
                    + ReconcileWalletQuery.FRESH_FOR_SECONDS + " s, so the venue is asked at most once per account "
                    + "in that time) and compares them, asset by asset, with the sum of the ledgers of the caller's "
                    + "bots on the account that may still trade it (created, running, paused or failed). "
                    + "unallocated = venue total - ledgers: positive is money on the venue that no bot claims (fine); "
                    + "drift: the ledgers claim more than the venue holds. reconciled: no asset drifts. Nothing is "
                    + "changed.")
    @APIResponse(responseCode = "200", description = "The venue's balances against the ledgers",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WalletReconciliationResponse.class),
                    examples = @ExampleObject(name = "one bot", value = "{\"accountId\":\"3f1c...\",\"venue\":"
                            + "\"BINANCE\",\"at\":\"2026-12-06T10:00:00Z\",\"reconciled\":true,\"bots\":"
                            + "[\"9a7e...\"],\"assets\":[{\"asset\":\"BTC\",\"venueFree\":\"0.01\","
                            + "\"venueLocked\":\"0.005\",\"venueTotal\":\"0.015\",\"ledgers\":\"0\","
                            + "\"unallocated\":\"0.015\",\"drift\":false},{\"asset\":\"USDT\",\"venueFree\":"
                            + "\"1250.5\",\"venueLocked\":\"0\",\"venueTotal\":\"1250.5\",\"ledgers\":"
                            + "\"500\",\"unallocated\":\"750.5\",\"drift\":false}]}")))
    @APIResponse(responseCode = "404", description = "exchange.account.not_found: no such account of the caller (also a "
            + "malformed id)")
    @APIResponse(responseCode = "409", description = "exchange.account.paper_has_no_venue: a paper account has no "
            + "venue wallet; exchange.account.keys_refused: the venue refused the stored keys (test the connection)")
    @APIResponse(responseCode = "422", description = "exchange.venue.not_supported: the account's venue has no adapter "
            + "yet")
    @APIResponse(responseCode = "503", description = "exchange.venue.unavailable: the venue did not answer, or its "
            + "request budget holds the read back; Retry-After says when to ask again")
    public Response reconciliation(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(accountId -> wallets.reconcile(caller, accountId)
                        .map(result -> WalletReconciliationResponse.of(accountId, result)))
                .fold(Problems::response, result -> Response.ok(result).build());
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
