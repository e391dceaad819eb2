package io.cryptobot.exchange.adapter.out.venue.okx;

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
import io.cryptobot.exchange.domain.venue.limits.OkxLimits;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An OKX key's access (Trading account: "Get account configuration", "Get balance"): {@code perm} of
 * /api/v5/account/config is the key's own permission list ({@code read_only}, {@code trade}, {@code withdraw}); the
 * balances are /api/v5/account/balance's {@code details} ({@code availBal} free, {@code frozenBal} locked).
 */
public final class OkxAccountReader implements VenueAccountReader {
    private final OkxApi api;

    public OkxAccountReader(OkxApi api) {
        this.api = api;
    }

    @Override
    public Venue venue() {
        return OkxApi.VENUE;
    }

    @Override
    public AccountProbe probe(Credentials credentials) {
        Either<VenueFailure, ClockReading> clock = api.readClock();
        Either<VenueFailure, AccountAccess> access = api.signedGet(OkxLimits.ACCOUNT_CONFIG, "", credentials)
                .flatMap(config -> api.signedGet(OkxLimits.ACCOUNT_BALANCE, "", credentials)
                        .map(balance -> access(config, balance)));
        return new AccountProbe(clock, SigningWindow.okx(), access);
    }

    @Override
    public Either<VenueFailure, List<VenueBalance>> balances(Credentials credentials) {
        return api.signedGet(OkxLimits.ACCOUNT_BALANCE, "", credentials).map(OkxAccountReader::balances);
    }

    private static List<VenueBalance> balances(VenueRest.Answer balance) {
        return List.ofAll(OkxApi.first(balance.body()).path("details")).map(OkxAccountReader::balance);
    }

    private static AccountAccess access(VenueRest.Answer config, VenueRest.Answer balance) {
        Set<String> perm = Arrays.stream(OkxApi.first(config.body()).path("perm").asText("").split(","))
                .map(String::strip).collect(Collectors.toSet());
        KeyPermissions permissions = new KeyPermissions(perm.contains("read_only") || perm.contains("trade"),
                perm.contains("trade"), perm.contains("withdraw"), KeyPermissions.Source.KEY);
        return new AccountAccess(permissions, balances(balance), config.latency());
    }

    private static VenueBalance balance(JsonNode detail) {
        return new VenueBalance(detail.path("ccy").asText(), Json.decimal(detail.path("availBal")),
                Json.decimal(detail.path("frozenBal")));
    }
}
