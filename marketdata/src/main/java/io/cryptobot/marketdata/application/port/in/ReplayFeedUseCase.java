package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.Replay;
import io.smallrye.mutiny.Multi;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The replay feed port: stored candles played as closed candles at a chosen speed. {@link #candles} is a hot
 * stream: a subscriber gets the candles published after it subscribed, then completion when the replay ends.
 * Another user's replay is not found.
 */
public interface ReplayFeedUseCase {
    /** A replay of the owner's own, counted against their replays-running-per-user limit. */
    Either<DomainError, Replay> start(UserId owner, InstrumentId instrument, Timeframe timeframe, long from, long to,
                                      long speed);

    /**
     * The feed of one of the owner's bots: a replay like any other, not counted against the replays limit (the bot
     * context bounds its running bots itself).
     */
    Either<DomainError, Replay> startForBot(UserId owner, InstrumentId instrument, Timeframe timeframe, long from,
                                            long to, long speed);

    Either<DomainError, Replay> get(UserId owner, UUID id);

    Either<DomainError, Replay> stop(UserId owner, UUID id);

    Either<DomainError, Multi<Candle>> candles(UserId owner, UUID id);
}
