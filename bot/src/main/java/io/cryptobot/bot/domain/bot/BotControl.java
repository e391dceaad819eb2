package io.cryptobot.bot.domain.bot;

import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a bot's session journal: something that changed the bot's course (its lifecycle, the owner's kill
 * switch, an order placed or canceled by hand), recorded with the step it took effect after ({@code afterStep}:
 * the open time of the last candle the session had played, or {@link Long#MIN_VALUE} before the first), so that
 * a session rebuilt after a restart applies it at exactly the same point, whatever its checkpoint. {@code at} is
 * when it was asked for (wall clock, for the audit trail). Entries that change the session ({@link
 * Kind#changesSession}) are written before the API answers; the others are informational.
 *
 * <p>{@code order} names the order of an order entry: the id given to an order placed by hand (so a rebuild gives
 * it the same id), or the order canceled.
 */
public record BotControl(Kind kind, long afterStep, String reason, Instant at, Option<OrderRequest> placed,
                         Option<OrderId> order, Option<VenueReport> report) {
    public enum Kind {
        CREATED,
        STARTED,
        START_REFUSED,
        PAUSED,
        RESUMED,
        STOPPED,
        COMPLETED,
        FAILED,
        RECONCILED,
        ORDER_PLACED,
        ORDER_CANCELED,
        TRADING_HALTED,
        TRADING_REDUCED,
        TRADING_RESUMED,
        /** The session could not reach its journal (the database) and was put aside to be rebuilt. */
        SUSPENDED,
        /** A suspended session was rebuilt from its journal and trades again. */
        RECOVERED,
        /** A rebuilt session differed from what its journal implies: the bot stopped, with the differences. */
        INCIDENT,
        /**
         * No new position may be opened (the live feed went stale, the venue halted the instrument): the session
         * only reduces what it holds until {@link #OPENING_ALLOWED}. Journaled before the session applies it.
         */
        OPENING_BLOCKED,
        /** Positions may be opened again (the feed is fresh, the instrument trades). */
        OPENING_ALLOWED,
        /** A live bot's warm-up: the candles before its first one to trade on, as many as its strategy needs. */
        WARMED_UP,
        /** A live bot started with fewer warm-up candles than its strategy needs (the store and feed had no more). */
        WARM_UP_SHORT,
        /**
         * A live bot starts deciding on late candles (history caught up after a restart, candles fetched to fill a
         * gap, or live ones that came late): each such step is part of a run that {@link #CAUGHT_UP} closes.
         */
        LATE_CANDLES,
        /** A run of decisions on late candles ended: how many, from which candle to which, and where they came from. */
        CAUGHT_UP,
        /** The feed passed over candles the bot never got (neither the store nor the venue had them). */
        CANDLES_MISSED,
        /**
         * A candle came from the venue's stream after the feed had passed over its place: not decided on (a step
         * cannot go back), only recorded.
         */
        CANDLE_OUT_OF_ORDER,
        /**
         * What a live venue reported about one of the session's orders (accepted, rejected, triggered, a fill, its
         * end): journaled before the session applies it, applied again by a rebuild, never re-simulated.
         */
        VENUE_REPORT,
        /** A live account's reconciliation with its venue and what it found (informational). */
        VENUE_RECONCILED,
        /** Something a live venue connection did that its owner should read: stream down or up, a call put off. */
        VENUE_NOTE,
        /**
         * The owner accepted, when creating the bot, that its live account's keys may withdraw (without it such keys
         * are refused for trading); recorded once, read at every launch.
         */
        WITHDRAWAL_KEY_ACCEPTED,
        /**
         * The venue's minimum order notional a live bot's strategy is sized against changed (the instrument sync saw
         * another value, or the bot's first step): journaled before the session applies it, so a rebuild judges dust
         * and too-small intents with the value the session decided with ({@link #minNotional()}).
         */
        VENUE_MIN_NOTIONAL;

        /**
         * Entries a rebuilt session applies again: pauses, the kill switch, hand orders and cancels, a stop, blocks
         * on opening positions.
         */
        public boolean changesSession() {
            return this == PAUSED || this == RESUMED || this == STOPPED || this == ORDER_PLACED || this == VENUE_REPORT
                    || this == ORDER_CANCELED || this == OPENING_BLOCKED || this == OPENING_ALLOWED
                    || this == VENUE_MIN_NOTIONAL || tradingState().isDefined();
        }

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
        Objects.requireNonNull(placed, "placed");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(report, "report");
        if ((kind == Kind.VENUE_REPORT) != report.isDefined()) {
            throw new IllegalArgumentException("a venue report entry carries its report, no other entry does");
        }
        boolean orderEntry = kind == Kind.ORDER_PLACED || kind == Kind.ORDER_CANCELED;
        if ((kind == Kind.ORDER_PLACED) != placed.isDefined() || orderEntry != order.isDefined()) {
            throw new IllegalArgumentException("an order control names its order, no other control does");
        }
    }

    public BotControl(Kind kind, long afterStep, String reason, Instant at) {
        this(kind, afterStep, reason, at, Option.none(), Option.none(), Option.none());
    }

    /** An order entry (placed by hand, canceled) as stored before venue reports were journaled. */
    public BotControl(Kind kind, long afterStep, String reason, Instant at, Option<OrderRequest> placed,
                      Option<OrderId> order) {
        this(kind, afterStep, reason, at, placed, order, Option.none());
    }

    /** A live venue's report about the session's order, journaled before the session applies it. */
    private static final java.util.regex.Pattern MIN_NOTIONAL = java.util.regex.Pattern.compile(
            "^the venue's minimum order notional is ([0-9]+(?:\\.[0-9]+)?) ");

    /**
     * The venue's minimum order notional ({@code minimum}; none: the venue states none) that the session sizes the
     * strategy's intents against from the step after {@code afterStep}.
     */
    public static BotControl minNotional(io.vavr.control.Option<java.math.BigDecimal> minimum, long afterStep,
                                         Instant at) {
        String reason = minimum.map(m -> "the venue's minimum order notional is " + m.stripTrailingZeros()
                        .toPlainString() + " (as the last instrument sync saw it): the strategy's intents worth less"
                        + " are not sent, and a position whose sellable part is worth less is dust")
                .getOrElse("the venue states no minimum order notional");
        return new BotControl(Kind.VENUE_MIN_NOTIONAL, afterStep, reason, at);
    }

    /** The minimum order notional a {@link Kind#VENUE_MIN_NOTIONAL} entry sets (none: no minimum, or another kind). */
    public io.vavr.control.Option<java.math.BigDecimal> minNotional() {
        if (kind != Kind.VENUE_MIN_NOTIONAL) {
            return io.vavr.control.Option.none();
        }
        java.util.regex.Matcher m = MIN_NOTIONAL.matcher(reason);
        return m.find() ? io.vavr.control.Option.some(new java.math.BigDecimal(m.group(1)))
                : io.vavr.control.Option.none();
    }

    public static BotControl venueReport(VenueReport report, long afterStep, Instant at) {
        String what = switch (report) {
            case VenueReport.Accepted a -> "accepted as " + a.venueOrderId();
            case VenueReport.Rejected r -> "rejected: " + r.reason();
            case VenueReport.Triggered t -> "triggered";
            case VenueReport.Filled f -> "filled " + f.lastQty() + " at " + f.lastPx() + " (trade " + f.tradeId()
                    + ", fee " + f.commission() + ")";
            case VenueReport.Canceled c -> "canceled: " + c.reason();
            case VenueReport.Expired e -> "expired";
        };
        return new BotControl(Kind.VENUE_REPORT, afterStep, "venue: order " + report.clientOrderId() + " " + what, at,
                Option.none(), Option.none(), Option.some(report));
    }

    /**
     * An order placed by hand into the bot's session under {@code id}: replayed at the same step, under the same
     * id, when the session is rebuilt.
     */
    public static BotControl placed(OrderRequest order, OrderId id, long afterStep, Instant at) {
        return new BotControl(Kind.ORDER_PLACED, afterStep, "order " + order.clientOrderId().value() + " placed as "
                + id.value(), at, Option.some(order), Option.some(id));
    }

    /** A working order canceled by hand. */
    public static BotControl canceled(OrderId order, long afterStep, Instant at) {
        return new BotControl(Kind.ORDER_CANCELED, afterStep, "order " + order.value() + " canceled", at,
                Option.none(), Option.some(order));
    }
}
