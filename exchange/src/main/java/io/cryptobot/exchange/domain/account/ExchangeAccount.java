package io.cryptobot.exchange.domain.account;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.Text;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An account a user trades through. Paper: on the simulated venue {@link #SIMULATED}, starting from the balances
 * the user chose. Live: a connection to a real venue, holding its credentials sealed ({@link StoredCredentials});
 * the plain secret never lives in this object. Names are unique among one owner's accounts.
 */
public record ExchangeAccount(AccountId id, UserId owner, String name, AccountKind kind, Venue venue,
                              Map<Asset, BigDecimal> startingBalances, Option<StoredCredentials> credentials,
                              Instant createdAt) {
    public static final Venue SIMULATED = new Venue("SIM");
    /** Venues a live connection may name; their trading adapters come with live trading. */
    public static final Set<String> LIVE_VENUES = Set.of("BINANCE", "COINBASE", "KRAKEN", "OKX", "BYBIT");
    public static final int MAX_ASSETS = 20;
    public static final int MAX_NAME = 64;
    private static final BigDecimal MAX_BALANCE = new BigDecimal("1000000000000");

    public ExchangeAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(venue, "venue");
        startingBalances = Map.copyOf(startingBalances);
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((kind == AccountKind.LIVE) != credentials.isDefined()) {
            throw new IllegalArgumentException("a live account has credentials, a paper one has none");
        }
    }

    /** A sealed credential set with the key's masked hint, as stored. */
    public record StoredCredentials(SealedSecret apiKey, SealedSecret secret, Option<SealedSecret> passphrase,
                                    String apiKeyHint) {
        public StoredCredentials {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(passphrase, "passphrase");
            Objects.requireNonNull(apiKeyHint, "apiKeyHint");
        }
    }

    /** A paper account: a name and 1 to 20 positive starting balances (asset code to decimal text). */
    public static Validation<Seq<Violation>, ExchangeAccount> paper(AccountId id, UserId owner, String name,
                                                                     Map<String, String> balances, Instant now) {
        List<Violation> found = nameViolations(name);
        Map<Asset, BigDecimal> parsed = new TreeMap<>((a, b) -> a.code().compareTo(b.code()));
        if (balances == null || balances.isEmpty()) {
            found = found.append(new Violation("balances", "at least one starting balance is required"));
        } else if (balances.size() > MAX_ASSETS) {
            found = found.append(new Violation("balances", "at most " + MAX_ASSETS + " assets"));
        } else {
            for (Map.Entry<String, String> entry : balances.entrySet()) {
                Either<String, Asset> asset = Asset.parse(entry.getKey());
                Either<String, BigDecimal> amount = amount(entry.getValue());
                if (asset.isLeft()) {
                    found = found.append(new Violation("balances." + entry.getKey(), asset.getLeft()));
                } else if (amount.isLeft()) {
                    found = found.append(new Violation("balances." + entry.getKey(), amount.getLeft()));
                } else {
                    parsed.put(asset.get(), amount.get());
                }
            }
        }
        return found.isEmpty()
                ? Validation.valid(new ExchangeAccount(id, owner, normalisedName(name), AccountKind.PAPER, SIMULATED, parsed,
                        Option.none(), now))
                : Validation.invalid(found);
    }

    /** A live connection: a name and a supported venue; the credentials are checked and sealed by the caller. */
    public static Validation<Seq<Violation>, ExchangeAccount> live(AccountId id, UserId owner, String name,
                                                                    String venue, StoredCredentials sealed,
                                                                    Instant now) {
        List<Violation> found = nameViolations(name);
        Option<Venue> parsed = Option.of(venue).map(v -> v.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(LIVE_VENUES::contains).map(Venue::new);
        if (parsed.isEmpty()) {
            found = found.append(new Violation("venue", "must be one of " + new java.util.TreeSet<>(LIVE_VENUES)));
        }
        return found.isEmpty()
                ? Validation.valid(new ExchangeAccount(id, owner, normalisedName(name), AccountKind.LIVE, parsed.get(),
                        Map.of(), Option.some(sealed), now))
                : Validation.invalid(found);
    }

    /** Checks a name and venue before anything is sealed, so a refused request costs no cryptography. */
    public static List<Violation> liveViolations(String name, String venue) {
        List<Violation> found = nameViolations(name);
        boolean known = venue != null && LIVE_VENUES.contains(venue.strip().toUpperCase(java.util.Locale.ROOT));
        return known ? found : found.append(new Violation("venue", "must be one of "
                + new java.util.TreeSet<>(LIVE_VENUES)));
    }

    private static List<Violation> nameViolations(String name) {
        return Text.name("name", name, MAX_NAME).fold(List::of, valid -> List.empty());
    }

    /** The name as kept: NFC, stripped (call only after {@link #nameViolations} found none). */
    private static String normalisedName(String name) {
        return Text.name("name", name, MAX_NAME).get();
    }

    private static Either<String, BigDecimal> amount(String text) {
        if (text == null || text.isBlank()) {
            return Either.left("is required");
        }
        try {
            BigDecimal value = FixedPoint.decimal(text.strip());
            if (value.signum() <= 0) {
                return Either.left("must be positive");
            }
            if (value.stripTrailingZeros().scale() > FixedPoint.MAX_SCALE) {
                return Either.left("at most " + FixedPoint.MAX_SCALE + " decimals");
            }
            if (value.compareTo(MAX_BALANCE) > 0) {
                return Either.left("must be at most " + MAX_BALANCE.toPlainString());
            }
            return Either.right(value.stripTrailingZeros());
        } catch (NumberFormatException e) {
            return Either.left("must be a decimal number, got '" + text + "'");
        }
    }
}
