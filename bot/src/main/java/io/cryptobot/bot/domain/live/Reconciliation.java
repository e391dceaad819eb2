package io.cryptobot.bot.domain.live;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.execution.VenueExecution;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares what a live venue says with a session's {@link LiveOrderBook} and ledger, in three pure steps, so the
 * caller can make the venue calls (rate-limited, on its own thread) and apply the result under the session's lock:
 * <ol>
 *   <li>{@link #orders}: executions the book lacks are applied (missed fills, once by trade id); the venue's open
 *   orders refresh the book (an end seen while down); open orders the platform does not know are reported, never
 *   adopted; orders open here and not there are listed to query (their end is asked for, never assumed);</li>
 *   <li>{@link #balances}: once those reports are applied, the ledger's balances against the venue's, every asset
 *   either side holds, each difference with its size.</li>
 * </ol>
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    /** Reports to journal and apply, drift to report, orders to query. */
    public record OrdersResult(List<VenueReport> reports, List<Drift> drifts, List<VenueOrder> toQuery) {
    }

    /**
     * Step one. {@code venueOpen} is every open order of the account on the venue; {@code executions} the account's
     * executions on the session's instruments since the last one known.
     */
    public static OrdersResult orders(LiveOrderBook book, List<VenueOrderState> venueOpen,
                                      List<VenueExecution> executions, long time) {
        List<Drift> drifts = new ArrayList<>();
        LiveOrderBook.Applied applied = book.executions(executions, time);
        List<VenueReport> reports = new ArrayList<>(applied.reports());
        Set<String> booked = new HashSet<>();
        applied.reports().forEach(r -> {
            if (r instanceof VenueReport.Filled f) {
                booked.add(f.tradeId());
            }
        });
        for (VenueExecution e : executions) {
            if (booked.remove(e.tradeId())) {
                drifts.add(new Drift.MissedFill(e));
            }
        }
        applied.foreign().forEach(e -> drifts.add(new Drift.ForeignExecution(e)));
        Set<String> openThere = new HashSet<>();
        for (VenueOrderState state : venueOpen) {
            openThere.add(state.clientOrderId());
            if (book.knows(state.clientOrderId())) {
                reports.addAll(book.queried(state.clientOrderId(), Option.some(state), time));
            } else {
                drifts.add(new Drift.UnknownVenueOrder(state));
            }
        }
        List<VenueOrder> toQuery = new ArrayList<>();
        for (VenueOrder order : book.open()) {
            if (!openThere.contains(order.clientOrderId())) {
                drifts.add(new Drift.ClosedOnVenue(order.clientOrderId()));
                toQuery.add(order);
            }
        }
        return new OrdersResult(reports, drifts, toQuery);
    }

    /**
     * Step two: every asset either side holds, the ledger's balance ({@code ledger}, zero when it has none) against
     * the venue's; equal amounts are no drift, whatever their scales.
     */
    public static List<Drift> balances(Map<Asset, Money> venue, Set<Asset> ledgerAssets, Function<Asset, Money> ledger) {
        Set<Asset> assets = new TreeSet<>((a, b) -> a.code().compareTo(b.code()));
        assets.addAll(venue.keySet());
        assets.addAll(ledgerAssets);
        List<Drift> drifts = new ArrayList<>();
        for (Asset asset : assets) {
            BigDecimal ours = ledgerAssets.contains(asset) ? ledger.apply(asset).toBigDecimal() : BigDecimal.ZERO;
            BigDecimal theirs = venue.containsKey(asset) ? venue.get(asset).toBigDecimal() : BigDecimal.ZERO;
            if (ours.compareTo(theirs) != 0) {
                drifts.add(new Drift.BalanceDifference(asset, ours.stripTrailingZeros(), theirs.stripTrailingZeros()));
            }
        }
        return drifts;
    }
}
