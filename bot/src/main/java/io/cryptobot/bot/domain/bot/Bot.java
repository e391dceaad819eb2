package io.cryptobot.bot.domain.bot;

import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.cryptobot.kernel.domain.DomainError;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A paper bot: a built-in strategy with validated parameters trading one instrument at one timeframe on one of
 * its owner's paper accounts, fed by a {@link FeedSpec} (a replay of stored candles, or a venue's live candles), on
 * the simulated venue at {@code costs}. It
 * trades the account's balance of the instrument's quote currency ({@code startingCash}) under the owner's
 * pre-trade limits as they were when it was created ({@code limits}, so a rebuilt session decides as the first did),
 * its strategy's entries sized as its owner chose ({@code sizing}; none: the strategy's own).
 *
 * <pre>
 * CREATED -start-> RUNNING -pause-> PAUSED -resume-> RUNNING     RUNNING (no step yet) -notStarted-> CREATED
 * CREATED | RUNNING | PAUSED -stop-> STOPPED       RUNNING | PAUSED -complete-> COMPLETED (the feed ended)
 * CREATED | RUNNING | PAUSED -fail-> FAILED -retry-> RUNNING (its session rebuilt from its journal)
 * </pre>
 * A live feed never completes.
 * {@code lastStep} is the open time of the last candle whose effects are stored (its checkpoint), {@code steps}
 * how many candles the session has played in all (warm-up included). Immutable; each command returns the next
 * state or why it cannot happen.
 */
public record Bot(BotId id, UserId owner, String name, String strategy, Map<String, String> parameters,
                  InstrumentId instrument, Timeframe timeframe, UUID accountId, Money startingCash, RiskLimits limits,
                  VenueCosts costs, Option<Sizing> sizing, FeedSpec feed, BotStatus status, Option<String> statusReason, Option<Long> lastStep,
                  long steps, Option<Price> lastClose, Instant createdAt, Instant updatedAt) {

    public Bot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        // copied once, when the bot is made from outside; its next states (a checkpoint after every live step) share
        // the read-only copy
        parameters = parameters instanceof Parameters ? parameters : new Parameters(parameters);
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(startingCash, "startingCash");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(lastStep, "lastStep");
        Objects.requireNonNull(lastClose, "lastClose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!startingCash.asset().equals(instrument.quote())) {
            throw new IllegalArgumentException("a bot trades the account's " + instrument.quote() + " balance");
        }
    }

    public static Bot newBot(BotId id, UserId owner, String name, String strategy, Map<String, String> parameters,
                             InstrumentId instrument, Timeframe timeframe, UUID accountId, Money startingCash,
                             RiskLimits limits, VenueCosts costs, Option<Sizing> sizing, FeedSpec feed,
                             Instant now) {
        return new Bot(id, owner, name, strategy, parameters, instrument, timeframe, accountId, startingCash, limits, costs,
                sizing, feed, BotStatus.CREATED, Option.none(), Option.none(), 0, Option.none(), now, now);
    }

    public Either<DomainError, Bot> start(Instant now) {
        return move(status == BotStatus.CREATED, "start", BotStatus.RUNNING, Option.none(), now);
    }

    /** A start the runner could not carry out (before any step): back to created, to be started again. */
    public Either<DomainError, Bot> notStarted(Instant now) {
        return move(status == BotStatus.RUNNING && lastStep.isEmpty(), "be put back", BotStatus.CREATED,
                Option.none(), now);
    }

    public Either<DomainError, Bot> pause(String reason, Instant now) {
        return move(status == BotStatus.RUNNING, "pause", BotStatus.PAUSED, Option.of(reason), now);
    }

    public Either<DomainError, Bot> resume(Instant now) {
        return move(status == BotStatus.PAUSED, "resume", BotStatus.RUNNING, Option.none(), now);
    }

    /** A failed bot run again once the cause is fixed: its session is rebuilt from its journal. */
    public Either<DomainError, Bot> retry(Instant now) {
        return move(status == BotStatus.FAILED, "be resumed", BotStatus.RUNNING, Option.none(), now);
    }

    public Either<DomainError, Bot> stop(String reason, Instant now) {
        return move(!status.isFinal(), "stop", BotStatus.STOPPED, Option.of(reason), now);
    }

    public Either<DomainError, Bot> complete(Instant now) {
        return move(status.isLive(), "complete", BotStatus.COMPLETED, Option.some("the feed ended"), now);
    }

    public Either<DomainError, Bot> fail(String reason, Instant now) {
        return move(!status.isFinal(), "fail", BotStatus.FAILED, Option.of(reason), now);
    }

    /** The checkpoint after a step whose effects are stored: its open time, the steps so far, the last close. */
    public Bot checkpoint(long step, long totalSteps, Price close, Instant now) {
        return new Bot(id, owner, name, strategy, parameters, instrument, timeframe, accountId, startingCash, limits,
                costs, sizing, feed, status, statusReason, Option.some(step), totalSteps, Option.some(close), createdAt, now);
    }

    /**
     * A live bot trading from the candle opening at {@code start} on: its feed's start is fixed (stored with the
     * checkpoint of that first step).
     */
    public Bot tradingFrom(long start) {
        if (!(feed instanceof LiveFeedSpec live)) {
            throw new IllegalStateException("only a live feed learns its start from its candles");
        }
        return new Bot(id, owner, name, strategy, parameters, instrument, timeframe, accountId, startingCash, limits,
                costs, sizing, live.startingAt(start), status, statusReason, lastStep, steps, lastClose, createdAt,
                updatedAt);
    }

    /** This state with {@code other}'s progress: its feed (a live feed's start), last step, steps and last close. */
    public Bot withProgressOf(Bot other) {
        return new Bot(id, owner, name, strategy, parameters, instrument, timeframe, accountId, startingCash, limits,
                costs, sizing, other.feed, status, statusReason, other.lastStep, other.steps, other.lastClose, createdAt, updatedAt);
    }

    private Either<DomainError, Bot> move(boolean allowed, String action, BotStatus target, Option<String> reason,
                                          Instant now) {
        if (!allowed) {
            return Either.left(BotErrors.illegalTransition(status, action));
        }
        return Either.right(new Bot(id, owner, name, strategy, parameters, instrument, timeframe, accountId,
                startingCash, limits, costs, sizing, feed, target, reason, lastStep, steps, lastClose, createdAt, now));
    }

    /** A bot's parameters: a read-only copy in the order given, which the bot's next states share as it is. */
    private static final class Parameters extends AbstractMap<String, String> {
        private final Map<String, String> entries;

        Parameters(Map<String, String> given) {
            this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public String get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }
}
