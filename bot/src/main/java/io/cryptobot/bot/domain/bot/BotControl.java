package io.cryptobot.bot.domain.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that changed a bot's course, recorded with the step it took effect after ({@code afterStep}: the
 * open time of the last candle the session had played, or {@link Long#MIN_VALUE} before the first), so that a
 * session rebuilt from its feed after a restart applies it at exactly the same point. {@code at} is when it was
 * asked for (wall clock, for the audit trail).
 */
public record BotControl(Kind kind, long afterStep, String reason, Instant at) {
    public enum Kind {
        CREATED,
        STARTED,
        PAUSED,
        RESUMED,
        STOPPED,
        COMPLETED,
        FAILED,
        RECONCILED,
        TRADING_HALTED,
        TRADING_REDUCED,
        TRADING_RESUMED;

        /** The owner's kill switch moving to {@code state}, as a bot records it. */
        public static Kind of(io.cryptobot.risk.domain.TradingState state) {
            return switch (state) {
                case HALTED -> TRADING_HALTED;
                case REDUCING -> TRADING_REDUCED;
                case ACTIVE -> TRADING_RESUMED;
            };
        }

        /** The trading state a kill-switch control moves to; none for other kinds. */
        public io.vavr.control.Option<io.cryptobot.risk.domain.TradingState> tradingState() {
            return switch (this) {
                case TRADING_HALTED -> io.vavr.control.Option.some(io.cryptobot.risk.domain.TradingState.HALTED);
                case TRADING_REDUCED -> io.vavr.control.Option.some(io.cryptobot.risk.domain.TradingState.REDUCING);
                case TRADING_RESUMED -> io.vavr.control.Option.some(io.cryptobot.risk.domain.TradingState.ACTIVE);
                default -> io.vavr.control.Option.none();
            };
        }
    }

    public BotControl {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
