package io.cryptobot.exchange.adapter.out.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.adapter.out.venue.VenueAccountReader;
import io.cryptobot.exchange.adapter.out.venue.VenueRest;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.AccountAccess;
import io.cryptobot.exchange.domain.connection.AccountProbe;
import io.cryptobot.exchange.domain.connection.ClockReading;
import io.cryptobot.exchange.domain.connection.KeyPermissions;
import io.cryptobot.exchange.domain.connection.SigningWindow;
import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.Map;

/**
 * A Binance key's access: GET /api/v3/account (USER_DATA, rest-api.md "Account information") for the balances and
 * the account's {@code canTrade}/{@code canWithdraw}, then GET /sapi/v1/account/apiRestrictions for what the key
 * itself may do ({@code enableReading}, {@code enableSpotAndMarginTrading}, {@code enableWithdrawals}). The spot
 * testnet serves no {@code /sapi} endpoint; there, and whenever that call fails, the account's flags stand in,
 * marked as such.
 */
public final class BinanceAccountReader implements VenueAccountReader {
    private final BinanceApi api;

    public BinanceAccountReader(BinanceApi api) {
        this.api = api;
    }

    @Override
    public Venue venue() {
        return BinanceApi.VENUE;
    }

    @Override
    public AccountProbe probe(Credentials credentials) {
        Either<VenueFailure, ClockReading> clock = api.readClock();
        Either<VenueFailure, AccountAccess> access = account(credentials).map(account -> access(account, credentials));
        return new AccountProbe(clock, SigningWindow.binance(api.config().recvWindow()), access);
    }

    @Override
    public Either<VenueFailure, List<VenueBalance>> balances(Credentials credentials) {
        return account(credentials).map(account -> balances(account.body()));
    }

    /** GET /api/v3/account (weight 20) with {@code omitZeroBalances}. */
    private Either<VenueFailure, VenueRest.Answer> account(Credentials credentials) {
        return api.signedGet(BinanceLimits.account(), "/api/v3/account", Map.of("omitZeroBalances", "true"),
                credentials);
    }

    private static List<VenueBalance> balances(JsonNode body) {
        return List.ofAll(body.path("balances")).map(balance -> new VenueBalance(balance.path("asset").asText(),
                Json.decimal(balance.path("free")), Json.decimal(balance.path("locked"))));
    }

    private AccountAccess access(VenueRest.Answer account, Credentials credentials) {
        JsonNode body = account.body();
        List<VenueBalance> balances = balances(body);
        KeyPermissions permissions = api.signedGet(BinanceLimits.apiRestrictions(),
                        "/sapi/v1/account/apiRestrictions", Map.of(), credentials)
                .map(restrictions -> new KeyPermissions(restrictions.body().path("enableReading").asBoolean(true),
                        restrictions.body().path("enableSpotAndMarginTrading").asBoolean(false),
                        restrictions.body().path("enableWithdrawals").asBoolean(false), KeyPermissions.Source.KEY))
                .getOrElse(() -> new KeyPermissions(true, body.path("canTrade").asBoolean(false),
                        body.path("canWithdraw").asBoolean(false), KeyPermissions.Source.ACCOUNT));
        return new AccountAccess(permissions, balances, account.latency());
    }
}
