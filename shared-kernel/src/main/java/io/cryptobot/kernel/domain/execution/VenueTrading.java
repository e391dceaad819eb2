package io.cryptobot.kernel.domain.execution;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * One account's trading API on a live venue (its keys already bound), in the kernel's terms: the live venue adapters
 * in {@code exchange} implement it, the live side of the trading session ({@code bot}) calls it. Calls block (run them
 * on virtual threads; {@link #placeAsync} is the one call made to start without waiting) and answer values, never
 * throw for what the venue says or fails to say; every call respects the venue's documented rate limits before it is
 * sent.
 *
 * <p>Outcomes are three-valued where the venue may have acted without our knowing: a timeout, a connection reset or
 * a 5xx on a placement or a cancel is {@code Unknown}, resolved by {@link #query} by client order id, never by
 * sending again.
 */
public interface VenueTrading {

    /** Sends a new order under its client order id (Binance {@code newClientOrderId}). */
    PlaceAnswer place(VenueOrder order);

    /**
     * {@link #place} without waiting for the venue: an adapter that can start the request without blocking (no I/O
     * wait, no lock held on anything slow) starts it on the caller's thread, so the order leaves with no thread
     * hand-off, and completes the answer on {@code answers}. The outcomes are {@link #place}'s; a stage that fails
     * anyway is taken by the caller as {@code Unknown} (the request may have left). By default the call is
     * {@link #place} on {@code answers} (a thread that may wait), which is what an adapter that cannot start
     * without blocking does.
     */
    default java.util.concurrent.CompletableFuture<PlaceAnswer> placeAsync(VenueOrder order,
                                                                          java.util.concurrent.Executor answers) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> place(order), answers);
    }

    /** Asks the venue to cancel the order named by its client order id (Binance {@code origClientOrderId}). */
    CancelAnswer cancel(InstrumentId instrument, String clientOrderId);

    /** The order as the venue knows it, by client order id; {@code none} when the venue never received it. */
    Either<VenueFailure, Option<VenueOrderState>> query(InstrumentId instrument, String clientOrderId);

    /** Every open order of the account on {@code instrument} (or on every instrument when empty). */
    Either<VenueFailure, List<VenueOrderState>> openOrders(Option<InstrumentId> instrument);

    /** The account's executions on {@code instrument} from {@code fromTime} (epoch ms) on, oldest first. */
    Either<VenueFailure, List<VenueExecution>> executions(InstrumentId instrument, long fromTime);

    /**
     * The venue's weighted average price of {@code instrument}: the reference its percent-price band is judged
     * against (Binance {@code GET /api/v3/avgPrice}, over the symbol's {@code avgPriceMins}).
     */
    Either<VenueFailure, java.math.BigDecimal> averagePrice(InstrumentId instrument);

    /** What the account holds, free plus locked, by asset (assets with nothing are left out). */
    Either<VenueFailure, Map<Asset, Money>> balances();

    /**
     * Streams the account's reports (Binance user-data stream) to {@code listener} until the subscription is closed;
     * reconnects by itself, and tells the listener each time the stream was down (reports may have been missed: the
     * receiver reconciles by {@link #openOrders} and {@link #executions}).
     */
    Subscription subscribe(Listener listener);

    interface Listener {
        void onUpdate(VenueUpdate update);

        /** The stream was (re)connected after being down or was connected for the first time. */
        void onConnected(boolean afterGap);

        /** The stream is down; {@code reason} is secret-free. */
        void onDisconnected(String reason);
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** What a placement came to. */
    sealed interface PlaceAnswer {
        /** The venue took it (it may already have filled, in part or whole: the state says). */
        record Accepted(VenueOrderState state) implements PlaceAnswer {
            public Accepted {
                Objects.requireNonNull(state, "state");
            }
        }

        /** The venue refused it for good, with its own code and reason (e.g. Binance -2010, a filter failure). */
        record Rejected(String code, String reason) implements PlaceAnswer {
            public Rejected {
                Objects.requireNonNull(code, "code");
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** Not sent, or sent and provably not processed (our own budget, a 429/418): safe to send again later. */
        record NotSent(VenueFailure failure) implements PlaceAnswer {
            public NotSent {
                Objects.requireNonNull(failure, "failure");
            }
        }

        /** Sent and no usable answer (timeout, reset, 5xx): the venue may hold the order; ask by client order id. */
        record Unknown(VenueFailure failure) implements PlaceAnswer {
            public Unknown {
                Objects.requireNonNull(failure, "failure");
            }
        }
    }

    /** What a cancel came to. */
    sealed interface CancelAnswer {
        /** Off the book now (the state says how much had executed). */
        record Canceled(VenueOrderState state) implements CancelAnswer {
            public Canceled {
                Objects.requireNonNull(state, "state");
            }
        }

        /** The venue does not know the order as open: filled, already canceled, or never received (Binance -2011). */
        record NotOpen(String code, String reason) implements CancelAnswer {
            public NotOpen {
                Objects.requireNonNull(code, "code");
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** Not sent or provably not processed (our budget, 429/418). */
        record NotSent(VenueFailure failure) implements CancelAnswer {
            public NotSent {
                Objects.requireNonNull(failure, "failure");
            }
        }

        /** Sent and no usable answer: ask by client order id. */
        record Unknown(VenueFailure failure) implements CancelAnswer {
            public Unknown {
                Objects.requireNonNull(failure, "failure");
            }
        }
    }
}
