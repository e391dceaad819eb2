package io.cryptobot.bot.application.service;

import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Compares a rebuilt session with what the order journal holds of it, field by field. Every order and fill is
 * projected to the journal after its journal entry (hand orders, cancels, stops, kill switch) or its step's
 * checkpoint is durable, so a correct rebuild holds at least what the journal holds: {@link #within} checks that
 * before the rebuilt activity is written again, {@link #equal} that both sides are the same afterwards. Pure: the
 * caller reads both sides.
 */
final class RecoveryCheck {
    private static final Set<String> TERMINAL = Set.of("filled", "canceled", "rejected", "expired", "denied");

    private RecoveryCheck() {
    }

    /**
     * Differences that make the journal's orders and fills more than the rebuilt session's: an order or fill the
     * session lacks, an order asked for differently, or one the journal holds as ended in another way.
     */
    static List<String> within(List<OrderView> session, List<FillView> sessionFills, List<OrderView> stored,
                               List<FillView> storedFills) {
        List<String> found = new ArrayList<>();
        Map<UUID, OrderView> rebuilt = byId(session);
        for (OrderView journal : stored) {
            OrderView mine = rebuilt.get(journal.id());
            if (mine == null) {
                found.add("order " + journal.id() + " (" + journal.clientOrderId() + ", " + journal.status()
                        + ") is in the order journal but not in the rebuilt session");
                continue;
            }
            compareSpec(mine, journal, found);
            if (TERMINAL.contains(journal.status())) {
                compareState(mine, journal, found);
            }
        }
        compareFills(sessionFills, storedFills, false, found);
        return found;
    }

    /** Every difference between the rebuilt session and the journal once the session's activity is written. */
    static List<String> equal(List<OrderView> session, List<FillView> sessionFills, List<OrderView> stored,
                              List<FillView> storedFills) {
        List<String> found = new ArrayList<>();
        Map<UUID, OrderView> journal = byId(stored);
        for (OrderView mine : session) {
            OrderView theirs = journal.get(mine.id());
            if (theirs == null) {
                found.add("order " + mine.id() + " (" + mine.clientOrderId() + ") of the rebuilt session is not in "
                        + "the order journal");
                continue;
            }
            compareSpec(mine, theirs, found);
            compareState(mine, theirs, found);
        }
        if (stored.size() != session.size()) {
            found.add("the order journal holds " + stored.size() + " orders, the rebuilt session " + session.size());
        }
        compareFills(sessionFills, storedFills, true, found);
        return found;
    }

    private static Map<UUID, OrderView> byId(List<OrderView> orders) {
        Map<UUID, OrderView> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.id(), o));
        return byId;
    }

    private static void compareSpec(OrderView mine, OrderView journal, List<String> found) {
        String id = "order " + journal.id() + ": ";
        same(found, id + "clientOrderId", mine.clientOrderId(), journal.clientOrderId());
        same(found, id + "instrument", mine.instrument(), journal.instrument());
        same(found, id + "side", mine.side(), journal.side());
        same(found, id + "type", mine.type(), journal.type());
        sameNumber(found, id + "quantity", mine.quantity(), journal.quantity());
        sameNumber(found, id + "limitPrice", mine.limitPrice(), journal.limitPrice());
        sameNumber(found, id + "triggerPrice", mine.triggerPrice(), journal.triggerPrice());
        same(found, id + "timeInForce", mine.timeInForce(), journal.timeInForce());
        same(found, id + "reduceOnly", mine.reduceOnly(), journal.reduceOnly());
        same(found, id + "correlationId", mine.correlationId(), journal.correlationId());
    }

    private static void compareState(OrderView mine, OrderView journal, List<String> found) {
        String id = "order " + journal.id() + ": ";
        same(found, id + "status", mine.status(), journal.status());
        sameNumber(found, id + "filledQuantity", mine.filledQuantity(), journal.filledQuantity());
        sameNumber(found, id + "averagePrice", mine.averagePrice(), journal.averagePrice());
        same(found, id + "venueOrderId", mine.venueOrderId(), journal.venueOrderId());
    }

    private static void compareFills(List<FillView> session, List<FillView> stored, boolean exact,
                                     List<String> found) {
        Map<String, FillView> rebuilt = new HashMap<>();
        session.forEach(f -> rebuilt.put(f.orderId() + "/" + f.tradeId(), f));
        Set<String> tradeIds = new java.util.HashSet<>();
        for (FillView journal : stored) {
            String key = journal.orderId() + "/" + journal.tradeId();
            if (!tradeIds.add(journal.tradeId())) {
                found.add("trade " + journal.tradeId() + " is booked on more than one order in the journal");
            }
            FillView mine = rebuilt.get(key);
            if (mine == null) {
                found.add("fill " + key + " is in the order journal but not in the rebuilt session");
                continue;
            }
            String id = "fill " + key + ": ";
            same(found, id + "side", mine.side(), journal.side());
            same(found, id + "quantity", mine.quantity(), journal.quantity());
            same(found, id + "price", mine.price(), journal.price());
            same(found, id + "fee", mine.fee(), journal.fee());
            same(found, id + "executedAt", mine.executedAt(), journal.executedAt());
        }
        if (exact && session.size() != stored.size()) {
            found.add("the order journal holds " + stored.size() + " fills, the rebuilt session " + session.size());
        }
    }

    private static void same(List<String> found, String what, Object mine, Object journal) {
        if (!Objects.equals(mine, journal)) {
            found.add(what + " is " + journal + " in the journal, " + mine + " in the rebuilt session");
        }
    }

    private static void sameNumber(List<String> found, String what, BigDecimal mine, BigDecimal journal) {
        boolean equal = mine == null || journal == null ? mine == journal : mine.compareTo(journal) == 0;
        if (!equal) {
            found.add(what + " is " + journal + " in the journal, " + mine + " in the rebuilt session");
        }
    }
}
