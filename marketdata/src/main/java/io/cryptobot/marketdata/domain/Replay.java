package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A replay feed: stored candles of one instrument and timeframe in [from, to), played as closed candles at
 * {@code speed} times real time (60 plays a 1-minute candle each second), so paper trading runs offline.
 * A replay waits until its first subscriber attaches, so nobody misses the first candle; then each candle is
 * published when its (scaled) close time has passed since that moment. Replays live in memory: a restart ends
 * them (whoever needs one starts it again from where it was).
 */
public record Replay(UUID id, UserId owner, InstrumentId instrument, Timeframe timeframe, long from, long to,
                     long speed, Status status, long emitted, long nextOpenTime, Instant startedAt) {
    public static final long MAX_SPEED = 10_000_000L;

    public enum Status {
        WAITING,
        RUNNING,
        COMPLETED,
        STOPPED,
        FAILED
    }

    public Replay {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public static Validation<Seq<Violation>, Long> checkedSpeed(long speed) {
        return speed >= 1 && speed <= MAX_SPEED ? Validation.valid(speed)
                : Validation.invalid(List.of(new Violation("speed", "must be between 1 and " + MAX_SPEED)));
    }

    /** Real milliseconds between two candles at this speed (at least zero: the fastest speeds emit back to back). */
    public long intervalMillis() {
        return timeframe.nominalLength().toMillis() / speed;
    }

    public Replay advanced(long emittedOpenTime) {
        return new Replay(id, owner, instrument, timeframe, from, to, speed, status, emitted + 1,
                timeframe.next(emittedOpenTime), startedAt);
    }

    public Replay started(Instant now) {
        return new Replay(id, owner, instrument, timeframe, from, to, speed, Status.RUNNING, emitted, nextOpenTime, now);
    }

    public boolean isLive() {
        return status == Status.WAITING || status == Status.RUNNING;
    }

    public Replay finished(Status end) {
        return new Replay(id, owner, instrument, timeframe, from, to, speed, end, emitted, nextOpenTime, startedAt);
    }
}
