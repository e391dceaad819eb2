package io.cryptobot.exchange.domain.account;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Limit;
import io.vavr.collection.Seq;

/** The errors this context returns, with their stable codes. */
public final class ExchangeErrors {
    private ExchangeErrors() {
    }

    public static DomainError invalid(Seq<Violation> violations) {
        return new DomainError.Invalid("exchange.invalid_input", "the request has " + violations.size()
                + " invalid field(s)", violations.toJavaList());
    }

    public static DomainError notFound(AccountId id) {
        return new DomainError.NotFound("exchange.account.not_found", "no account " + id);
    }

    public static DomainError notAConnection(AccountId id) {
        return new DomainError.Refused("exchange.account.not_a_connection", "account " + id + " is a paper account on "
                + "the simulated venue: it has no venue connection or keys to test");
    }

    public static DomainError notLive(AccountId id) {
        return new DomainError.Refused("exchange.account.not_live", "account " + id + " is a paper account: it trades "
                + "on the simulated venue, not through a venue's API");
    }

    public static DomainError venueNotSupported(io.cryptobot.kernel.domain.Venue venue) {
        return new DomainError.Refused("exchange.venue.not_supported", "no adapter for " + venue
                + " yet: connections to it are stored but cannot be tested or used");
    }

    public static DomainError paperHasNoVenue(AccountId id) {
        return new DomainError.Conflict("exchange.account.paper_has_no_venue", "account " + id + " is a paper account "
                + "on the simulated venue: it has no venue wallet to reconcile (its bot's portfolio is its balance)");
    }

    /** The venue answered the account's keys with a refusal (bad key or signature, timestamp outside the window). */
    public static DomainError keysRefused(AccountId id, String venueSays) {
        return new DomainError.Conflict("exchange.account.keys_refused", "the venue refused the keys of account " + id
                + ": " + venueSays + "; test the connection (POST /api/accounts/" + id + "/test)");
    }

    /** The venue did not answer, or its request budget (or ours of it) holds the read back: nothing was changed. */
    public static DomainError venueUnavailable(io.cryptobot.kernel.domain.Venue venue, String why,
                                               long retryAfterSeconds) {
        return new DomainError.Unavailable("exchange.venue.unavailable", venue + " could not be read: " + why,
                Math.max(1, retryAfterSeconds));
    }

    public static DomainError nameTaken(String name) {
        return new DomainError.Conflict("exchange.account.name_taken", "you already have an account named '" + name
                + "'");
    }

    public static DomainError inUse(AccountId id, String usedBy) {
        return new DomainError.Conflict("exchange.account.in_use", "account " + id + " cannot be removed while "
                + usedBy + " may trade it: stop that bot first");
    }

    /** Accounts are stored per user and each may carry a live session: their number is bounded. */
    public static DomainError tooMany(Limit limit) {
        return limit.reached("exchange.account.too_many", "you already have " + limit.max()
                + " trading accounts; remove one first", 0);
    }
}
