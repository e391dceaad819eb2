package io.cryptobot.bot.domain.bot;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Limit;
import io.vavr.collection.Seq;

/** The errors the bot context returns, with their stable codes. */
public final class BotErrors {
    private BotErrors() {
    }

    public static DomainError invalid(Seq<Violation> violations) {
        return new DomainError.Invalid("bot.invalid_input", "the request has " + violations.size()
                + " invalid field(s)", violations.toJavaList());
    }

    public static DomainError notFound(BotId id) {
        return new DomainError.NotFound("bot.not_found", "no bot " + id);
    }

    public static DomainError illegalTransition(BotStatus from, String action) {
        return new DomainError.Conflict("bot.illegal_transition", "a " + from.code() + " bot cannot " + action);
    }

    public static DomainError accountBusy(String accountId) {
        return new DomainError.Conflict("bot.account_busy", "account " + accountId
                + " is already traded by a live bot; stop that bot first");
    }

    /** Another runner holds the bot's lease: this one may not drive it (two runners never send for one bot). */
    public static DomainError drivenElsewhere(BotId id) {
        return new DomainError.Conflict("bot.driven_elsewhere", "bot " + id + " is driven by another runner");
    }

    /** The bot is not trading a live account in this process (a paper bot, or not running). */
    public static DomainError notOnLiveVenue(BotId id) {
        return new DomainError.Conflict("bot.not_on_live_venue", "bot " + id + " is not trading a live account here "
                + "(a paper bot, or not running)");
    }

    /** The live account's keys may withdraw and the owner did not accept that for this bot. */
    public static DomainError withdrawalKeyRefused(String accountId) {
        return new DomainError.Conflict("bot.withdrawal_key_refused", "the API keys of account " + accountId
                + " may withdraw funds: refused for trading; use keys without withdrawal permission, or create the "
                + "bot with allowWithdrawalKey true");
    }

    public static DomainError nameTaken(String name) {
        return new DomainError.Conflict("bot.name_taken", "you already have a bot named '" + name + "'");
    }

    public static DomainError tradingHalted() {
        return new DomainError.Conflict("bot.trading_halted", "trading is halted (kill switch); resume trading first");
    }

    /** The bot is live but its session is being rebuilt (after a restart or a database outage): retry shortly. */
    public static DomainError recovering(BotId id) {
        return new DomainError.Unavailable("bot.recovering", "the session of bot " + id + " is being rebuilt from "
                + "its journal; retry in a moment", 2);
    }

    /**
     * A live bot's rebuild needs candles its feed did not deliver in time (the store lacked them and the venue was
     * slow or unreachable): it is not run; resumed later, it tries again.
     */
    public static DomainError feedBehind(String feed, java.time.Instant reached, java.time.Instant needed,
                                         long waitedSeconds) {
        return new DomainError.Unavailable("bot.feed_behind", "the live feed " + feed + " delivered candles up to "
                + reached + " in " + waitedSeconds + " s, but the bot's journal needs them up to " + needed
                + "; resume the bot once the venue answers", 10);
    }

    /**
     * A live bot's rebuild needs candles that neither the store held nor the venue would serve (it refused the range
     * outright): it is not run, since stepping over them would differ from the run its journal records.
     */
    public static DomainError feedHistoryUnavailable(String feed, java.time.Instant from, java.time.Instant to,
                                                     String reason) {
        return new DomainError.Refused("bot.feed_history_unavailable", "the live feed " + feed + " cannot get the "
                + "candles from " + from + " to " + to + " that the bot's journal stepped on: the store lacks them and "
                + "the venue refused them (" + reason + "); the bot is not resumed over them");
    }

    /**
     * A live bot's feed refused it (its venue no longer streams its timeframe, or the bot was down so long that
     * catching up would take more candles than a feed serves a subscriber).
     */
    public static DomainError feedRefused(String feed, java.util.List<String> problems) {
        return new DomainError.Refused("bot.feed_refused", "the live feed " + feed + " refused the bot: "
                + String.join("; ", problems));
    }

    public static DomainError notRunningHere(BotId id) {
        return new DomainError.Conflict("order.no_live_session", "bot " + id
                + " is not running on this instance; its account takes orders while it runs");
    }

    public static DomainError noLiveSession(String accountId) {
        return new DomainError.Conflict("order.no_live_session", "account " + accountId + " has no live "
                + "session: start a bot on it (strategy 'manual' to trade by hand) so orders meet a market");
    }

    public static DomainError orderRefused(String reason) {
        return new DomainError.Refused("order.refused", reason);
    }

    public static DomainError orderNotOpen(String reason) {
        return new DomainError.Conflict("order.not_open", reason);
    }

    public static DomainError changed(BotId id) {
        return new DomainError.Conflict("bot.changed", "bot " + id + " changed meanwhile; read it again");
    }

    /** Bots not stopped or completed are bounded per user; stopping one (a created one too) frees its place. */
    public static DomainError tooMany(Limit limit) {
        return limit.reached("bot.too_many", "you already have " + limit.max()
                + " bots that are not stopped or completed; stop one first", 0);
    }

    /** Running and paused bots each follow a feed on the shared bot workers: bounded per user. */
    public static DomainError tooManyRunning(Limit limit) {
        return limit.reached("bot.too_many_running", "you already have " + limit.max()
                + " bots running or paused; stop one first", 0);
    }

    /** The owner's bots and hand orders together created as many orders in the last 60 seconds as allowed. */
    public static DomainError orderRateReached(Limit limit, long retryAfterSeconds) {
        return limit.reached("order.rate_limited", "your bots and hand orders created " + limit.max()
                + " orders in the last 60 seconds; retry in " + retryAfterSeconds + " s", retryAfterSeconds);
    }
}
